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

    @Test("vectors are the same bits with the inverse frequencies prepared or not, and after another article")
    func preparedVectors() {
        var generator = NearDuplicateDetectorTests.SplitMix(seed: 5)
        let articles = (0..<30).map { _ in
            let terms = Set((0..<40).map { _ in TermKey(value: generator.next() % 120) }).sorted()
            return (terms: terms, counts: terms.map { _ in Int32(1 + generator.next() % 4) })
        }
        var statistics = TermStatistics()
        for article in articles.dropLast() { statistics.add(terms: article.terms) }
        let plain = articles.map { statistics.vector(sortedTerms: $0.terms, counts: $0.counts).weights.map(\.bitPattern) }
        var prepared = statistics
        prepared.prepareVectors()
        #expect(articles.map { prepared.vector(sortedTerms: $0.terms, counts: $0.counts).weights.map(\.bitPattern) } == plain)
        // An article added after preparing changes every weight; the prepared ones must not linger.
        statistics.add(terms: articles.last!.terms)
        prepared.add(terms: articles.last!.terms)
        let after = articles.map { statistics.vector(sortedTerms: $0.terms, counts: $0.counts).weights.map(\.bitPattern) }
        #expect(after != plain)
        #expect(articles.map { prepared.vector(sortedTerms: $0.terms, counts: $0.counts).weights.map(\.bitPattern) } == after)
        prepared.prepareVectors()
        #expect(articles.map { prepared.vector(sortedTerms: $0.terms, counts: $0.counts).weights.map(\.bitPattern) } == after)
    }

    @Test("a sum merged and a sum hashed give the same terms and the same bits", arguments: [1, 2, 8, 16, 17, 40])
    func mergedSumIsTheHashedSum(count: Int) {
        var generator = NearDuplicateDetectorTests.SplitMix(seed: UInt64(count))
        let vectors = (0..<count).map { _ in
            // Few distinct terms, so that most are shared, with weights whose sums depend on the order of addition.
            var weights: [TermKey: Double] = [:]
            for _ in 0..<60 { weights[TermKey(value: generator.next() % 200)] = Double(generator.next() % 1000) / 7 }
            return TermVector(weights: weights)
        }
        let merged = TermVector.mergedSum(vectors)
        var hashed = TermKeyMap<Double>()
        for vector in vectors {
            for (term, weight) in zip(vector.terms, vector.weights) { hashed.update(term, initial: 0) { $0 += weight } }
        }
        let reference = hashed.sortedByKey()
        #expect(merged.terms == reference.map(\.key))
        #expect(merged.weights.map(\.bitPattern) == reference.map(\.value.bitPattern))
        #expect(TermVector.sum(vectors).weights.map(\.bitPattern) == reference.map(\.value.bitPattern))
    }
}

