import Testing

@testable import NewsCore

@Suite("TermKeyMap")
struct TermKeyMapTests {
    @Test("holds what a Dictionary holds, through growth, and reads it back in key order")
    func likeDictionary() {
        var generator = SystemRandomNumberGenerator()
        var map = TermKeyMap<Int>()
        var reference: [TermKey: Int] = [:]
        // Keys that share their low bits as well as random ones, and repeats of both.
        let keys = (0..<3000).map { index in
            index % 3 == 0 ? TermKey(value: UInt64(index) << 40) : TermKey(value: generator.next())
        }
        for (index, key) in (keys + keys.prefix(500)).enumerated() {
            map.update(key, initial: 0) { $0 += index }
            reference[key, default: 0] += index
        }
        #expect(map.count == reference.count)
        for (key, value) in reference { #expect(map[key] == value) }
        #expect(map[TermKey(value: 12345)] == nil || reference[TermKey(value: 12345)] != nil)
        let sorted = map.sortedByKey()
        #expect(sorted.map(\.key) == reference.keys.sorted())
        #expect(sorted.map(\.value) == reference.keys.sorted().map { reference[$0]! })
    }

    @Test("an empty map reads nothing")
    func empty() {
        let map = TermKeyMap<Double>()
        #expect(map.count == 0 && map[TermKey("kremlin")] == nil && map.sortedByKey().isEmpty)
    }

    @Test("a vector sum adds each term's weights in the order of the vectors")
    func vectorSum() {
        let a = TermVector(weights: [TermKey("putin"): 0.1, TermKey("trump"): 0.2])
        let b = TermVector(weights: [TermKey("trump"): 0.7, TermKey("kremlin"): 0.3])
        let sum = TermVector.sum([a, b])
        #expect(sum.weight(of: "putin") == 0.1 && sum.weight(of: "trump") == 0.2 + 0.7 && sum.weight(of: "kremlin") == 0.3)
        #expect(sum.terms == sum.terms.sorted())
    }
}
