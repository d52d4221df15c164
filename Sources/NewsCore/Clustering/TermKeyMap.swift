/// A hash map from `TermKey` to a value, for the counts and sums the clusterer keeps per term.
///
/// A render builds many small maps of terms (document frequencies, centroids, a story's timeline vectors) and
/// looks each term up in them. `Dictionary` hashes every key again with SipHash, about a third of those lookups'
/// cost (perf of a 10,000-article burst, stop 20), where a key is already a well-mixed 64-bit hash. This map is
/// open-addressed with linear probing and indexes by multiply-shift hashing of the key with a random odd
/// multiplier chosen once per process: a universal family, so text written to collide in the table's index bits
/// would still need the multiplier, which nothing reveals. Nothing depends on the slots' order: keys are read
/// back sorted (`sortedByKey`).
package struct TermKeyMap<Value> {
    private var keys: [UInt64]
    private var values: [Value?]
    private var shift: Int
    /// `termKeyMapMultiplier`, copied so that a lookup does not check that the global is initialised.
    private let multiplier = termKeyMapMultiplier
    package private(set) var count = 0

    package init(minimumCapacity: Int = 16) {
        var size = 16
        while size < minimumCapacity * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        shift = 64 - size.trailingZeroBitCount
    }

    @inline(__always)
    private func slot(of key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* multiplier) >> UInt64(shift)) }

    /// The slot holding `key`, or the empty slot where it would go.
    @inline(__always)
    private func find(_ key: UInt64) -> Int {
        let mask = keys.count - 1
        var index = slot(of: key)
        while values[index] != nil && keys[index] != key { index = (index + 1) & mask }
        return index
    }

    package subscript(key: TermKey) -> Value? {
        let index = find(key.value)
        return values[index]
    }

    /// The value of `key`, with `initial` first stored when it has none, changed by `change`.
    @inline(__always)
    package mutating func update(_ key: TermKey, initial: Value, _ change: (inout Value) -> Void) {
        var index = find(key.value)
        if values[index] == nil {
            if (count + 1) * 2 > keys.count {
                grow()
                index = find(key.value)
            }
            keys[index] = key.value
            values[index] = initial
            count += 1
        }
        change(&values[index]!)
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Value?](repeating: nil, count: oldKeys.count * 2)
        shift -= 1
        for (key, value) in zip(oldKeys, oldValues) {
            guard let value else { continue }
            let index = find(key)
            keys[index] = key
            values[index] = value
        }
    }

    /// Every key with its value, in ascending key order.
    package func sortedByKey() -> [(key: TermKey, value: Value)] {
        var pairs: [(key: TermKey, value: Value)] = []
        pairs.reserveCapacity(count)
        for (key, value) in zip(keys, values) {
            if let value { pairs.append((TermKey(value: key), value)) }
        }
        pairs.sort { $0.key < $1.key }
        return pairs
    }
}

extension TermKeyMap: Sendable where Value: Sendable {}

/// `TermKeyMap`'s multiplier: odd, random, fixed for the process.
private let termKeyMapMultiplier: UInt64 = UInt64.random(in: 1...UInt64.max) | 1
