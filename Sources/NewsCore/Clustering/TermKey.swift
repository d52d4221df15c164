/// A term as the clusterer keeps it: a 64-bit hash of its text.
///
/// A render holds the terms of a week of articles, about 150 each, and compares, counts and indexes them millions of
/// times. As `String`s each took 16 bytes and every comparison was a Unicode-aware one; a key takes 8 bytes and
/// compares as one integer. The hash is a fixed function of the text (FNV-1a, then a finalising mix), not Swift's
/// per-process `Hasher`, so keys sort the same in every process and every sum over a vector's terms runs in the
/// same order whatever order the articles arrived in.
///
/// Two different terms may share a key. With a million distinct terms the chance that any pair does is about
/// 3 in 10^8, and a pair that did would count as one term, moving a few cosines by a hair: nothing is lost that
/// matters, so keys are not checked against their text.
package struct TermKey: Hashable, Comparable, Sendable {
    package let value: UInt64

    package init(value: UInt64) {
        self.value = value
    }

    package init(_ term: some StringProtocol) {
        self.init(utf8: term.utf8)
    }

    /// The same key from the term's UTF-8 bytes, as the stored features hold them.
    init(utf8 bytes: some Sequence<UInt8>) {
        self.init(value: Self.mix(Self.fnv1a(bytes)))
    }

    /// The key of `bytes` followed by `last`, without joining them (`Tokenizer` folds "parties" to "party" so).
    init(utf8 bytes: some Sequence<UInt8>, then last: UInt8) {
        self.init(value: Self.mix((Self.fnv1a(bytes) ^ UInt64(last)) &* 0x100_0000_01B3))
    }

    private static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01B3
        }
        return hash
    }

    /// SplitMix64's finaliser: FNV-1a leaves the high bits of short strings poorly mixed.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    package static func < (a: TermKey, b: TermKey) -> Bool { a.value < b.value }

    /// Term counts keyed and in ascending key order, as `ClusterFeatures` and `TermStatistics` take them. Terms that
    /// share a key are counted together.
    package static func sortedCounts(_ counts: [String: Int]) -> (keys: [TermKey], counts: [Int32]) {
        var merged: [TermKey: Int] = [:]
        merged.reserveCapacity(counts.count)
        for (term, count) in counts { merged[TermKey(term), default: 0] += count }
        return sortedCounts(merged)
    }

    /// Counts already keyed, in ascending key order.
    package static func sortedCounts(_ counts: [TermKey: Int]) -> (keys: [TermKey], counts: [Int32]) {
        let sorted = counts.sorted { $0.key < $1.key }
        return (sorted.map(\.key), sorted.map { Int32(clamping: $0.value) })
    }
}
