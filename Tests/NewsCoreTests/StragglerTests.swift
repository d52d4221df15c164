import Testing

@testable import NewsCore

@Suite("Stragglers joined to stories")
struct StragglerTests {
    /// A unit vector over the given terms, equal weights.
    static func vector(_ terms: [String]) -> TermVector {
        let weight = 1 / Double(terms.count).squareRoot()
        return TermVector(weights: Dictionary(uniqueKeysWithValues: terms.map { (TermKey($0), weight) }))
    }

    static let vectors = [
        // 0–2: one story, its members differing among themselves.
        vector(["truce", "kyiv", "talks", "envoy"]), vector(["truce", "kyiv", "talks", "grain"]),
        vector(["truce", "kyiv", "envoy", "grain"]),
        // 3: says the story's central things in other company: close to its centroid.
        vector(["truce", "kyiv", "talks", "riyadh"]),
        // 4: nothing in common; 5: one word in common, far from the centroid.
        vector(["harbour", "bridge"]), vector(["truce", "cricket", "score", "pitch", "rain"]),
        // 6–8: a group of three close to 0–2, which is not a straggler and stays a story of its own.
        vector(["truce", "kyiv", "ankara", "oil"]), vector(["truce", "kyiv", "ankara", "oil", "envoy"]),
        vector(["truce", "ankara", "oil", "grain"]),
    ]

    static func attach(_ clusters: [[Int]], threshold: Double = 0.5) -> Set<[Int]> {
        Set(
            StoryClusterer.attachStragglers(
                clusters, itemCount: vectors.count, threshold: threshold, vector: { vectors[$0] },
                candidates: { item in vectors.indices.filter { $0 != item } }))
    }

    @Test("a straggler close to a story's centroid joins it; one far from every centroid, or a larger group, does not")
    func stragglerJoinsTheClosestStory() {
        let linked = [[0, 1, 2], [3], [4], [5], [6, 7, 8]]
        #expect(Self.vectors[3].cosine(TermVector.sum([0, 1, 2].map { Self.vectors[$0] }).unitLength()) > 0.5)
        let result = Self.attach(linked)
        #expect(result == [[0, 1, 2, 3], [4], [5], [6, 7, 8]])
        #expect(Self.vectors[6].cosine(TermVector.sum([0, 1, 2].map { Self.vectors[$0] }).unitLength()) > 0.5)
        // The same whatever order the clusters come in.
        #expect(Self.attach(linked.reversed()) == result)
        #expect(Self.attach([[5], [6, 7, 8], [3], [0, 1, 2], [4]]) == result)
    }

    @Test("below the threshold, or without a candidate in the story, a straggler stays apart")
    func thresholdAndCandidates() {
        #expect(Self.attach([[0, 1, 2], [3]], threshold: 0.99) == [[0, 1, 2], [3]])
        let none = StoryClusterer.attachStragglers(
            [[0, 1, 2], [3]], itemCount: Self.vectors.count, threshold: 0.1, vector: { Self.vectors[$0] },
            candidates: { _ in [] })
        #expect(none == [[0, 1, 2], [3]])
        // A pair of stragglers joins as one.
        #expect(Self.attach([[0, 1, 2], [3, 5]], threshold: 0.3) == [[0, 1, 2, 3, 5]])
    }
}

@Suite("Fragments of one story merged")
struct FragmentTests {
    /// The event's words less one: each headline of it leaves out something.
    static func headline(leaving word: String) -> TermVector {
        StragglerTests.vector(["truce", "kyiv", "talks", "envoy", "riyadh", "summit"].filter { $0 != word })
    }

    static let vectors = [
        // 0–2 and 3–5: one event, each half's headlines leaving out different words.
        headline(leaving: "truce"), headline(leaving: "kyiv"), headline(leaving: "talks"),
        headline(leaving: "envoy"), headline(leaving: "riyadh"), headline(leaving: "summit"),
        // 6–8: another event sharing one word.
        StragglerTests.vector(["truce", "cricket", "pitch", "rain"]), StragglerTests.vector(["cricket", "pitch", "rain", "score"]),
        StragglerTests.vector(["truce", "cricket", "rain", "score"]),
    ]

    static func merge(_ clusters: [[Int]], ratio: Double = 0.8, days: [Int]? = nil) -> [[Int]] {
        StoryClusterer.mergeFragments(
            clusters, itemCount: vectors.count, ratio: ratio, vector: { vectors[$0] }, candidates: { _ in Array(vectors.indices) },
            day: { days?[$0] ?? 0 }, windowDays: 3)
    }

    @Test("two halves of one story merge; a story that shares a word with them does not")
    func halvesMerge() {
        #expect(Self.merge([[0, 1, 2], [3, 4, 5], [6, 7, 8]]) == [[0, 1, 2, 3, 4, 5], [6, 7, 8]])
        #expect(Self.merge([[6, 7, 8], [3, 4, 5], [0, 1, 2]]) == [[6, 7, 8], [0, 1, 2, 3, 4, 5]])
        // A stricter ratio keeps the halves apart; stragglers are not merged here at all.
        #expect(Self.merge([[0, 1, 2], [3, 4, 5], [6, 7, 8]], ratio: 1.5) == [[0, 1, 2], [3, 4, 5], [6, 7, 8]])
        #expect(Self.merge([[0, 1, 2], [3, 4], [5]]) == [[0, 1, 2], [3, 4], [5]])
    }

    @Test("stories further apart in time than the window never merge")
    func outsideTheWindow() {
        let days = [0, 0, 1, 9, 9, 10, 0, 0, 0]
        #expect(Self.merge([[0, 1, 2], [3, 4, 5], [6, 7, 8]], days: days) == [[0, 1, 2], [3, 4, 5], [6, 7, 8]])
        let near = [0, 0, 1, 4, 4, 5, 0, 0, 0]
        #expect(Self.merge([[0, 1, 2], [3, 4, 5], [6, 7, 8]], days: near) == [[0, 1, 2, 3, 4, 5], [6, 7, 8]])
    }
}

@Suite("TermVector cosine")
struct TermVectorCosineTests {
    /// The cosine as the merge of both sorted lists computes it: matched products summed in ascending key order.
    static func reference(_ a: TermVector, _ b: TermVector) -> Double {
        var sum = 0.0
        let weightsOfB = Dictionary(uniqueKeysWithValues: zip(b.terms, b.weights))
        for (term, weight) in zip(a.terms, a.weights) { if let other = weightsOfB[term] { sum += weight * other } }
        return sum
    }

    @Test("a short vector against a long one gives the merge's bits, either way round")
    func shortAgainstLong() {
        var long: [TermKey: Double] = [:]
        for n in 0..<400 { long[TermKey("term\(n)")] = 1 / Double(n + 3) }
        let centroid = TermVector(weights: long).unitLength()
        // Four shared terms, one not in the long vector, one past its last key.
        let article = TermVector(
            weights: [
                TermKey("term7"): 0.3, TermKey("term150"): 0.5, TermKey("term151"): 0.2, TermKey("term399"): 0.6,
                TermKey("absent"): 0.4, TermKey(value: .max): 0.1,
            ]).unitLength()
        let expected = Self.reference(article, centroid)
        #expect(expected > 0)
        #expect(article.cosine(centroid) == expected)
        #expect(centroid.cosine(article) == expected)
        // Lists of like length take the merge, with the same result.
        let half = TermVector(weights: Dictionary(uniqueKeysWithValues: zip(centroid.terms.prefix(200), centroid.weights.prefix(200))))
        #expect(half.cosine(centroid) == Self.reference(half, centroid))
    }
}
