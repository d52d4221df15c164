import Testing

@testable import NewsCore

@Suite("AverageLinkage")
struct AverageLinkageTests {
    @Test("the heap pops candidates in rank order, ties by the smaller pair, whatever order they were pushed in")
    func heapPopsInRankOrder() {
        var generator = NearDuplicateDetectorTests.SplitMix(seed: 11)
        // Few distinct scores and ids, so that ties on the score and on the pair's first id are common.
        let candidates = (0..<2_000).map { _ in
            AverageLinkage.Candidate(
                score: Double(generator.next() % 20) / 8,
                pair: AverageLinkage.Pair(Int(generator.next() % 50), Int(generator.next() % 50)))
        }
        var heap = AverageLinkage.Heap()
        var popped: [AverageLinkage.Candidate] = []
        // Pops between pushes too, as a linkage does.
        for (index, candidate) in candidates.enumerated() {
            heap.push(candidate)
            if index % 3 == 2, let top = heap.pop() { popped.append(top) }
        }
        while let top = heap.pop() { popped.append(top) }
        #expect(popped.count == candidates.count)
        // Each pop outranks nothing pushed before it that was still in the heap: checked against a reference run.
        var reference: [AverageLinkage.Candidate] = []
        var waiting: [AverageLinkage.Candidate] = []
        for (index, candidate) in candidates.enumerated() {
            waiting.append(candidate)
            if index % 3 == 2 {
                let best = waiting.indices.min { waiting[$0].outranks(waiting[$1]) }!
                reference.append(waiting.remove(at: best))
            }
        }
        while !waiting.isEmpty {
            let best = waiting.indices.min { waiting[$0].outranks(waiting[$1]) }!
            reference.append(waiting.remove(at: best))
        }
        #expect(popped.map { [$0.score, Double($0.pair.low), Double($0.pair.high)] }
            == reference.map { [$0.score, Double($0.pair.low), Double($0.pair.high)] })
    }

    @Test("average linkage merges a chain only while the average holds, and relinks its neighbours")
    func mergesWhileTheAverageHolds() {
        // 0-1-2 are one story (every pair linked), 3 hangs on 2 by one strong edge, 4-5 another story.
        let edges0 = [
            AverageLinkage.Edge(a: 0, b: 1, similarity: 0.9), AverageLinkage.Edge(a: 1, b: 2, similarity: 0.8),
            AverageLinkage.Edge(a: 0, b: 2, similarity: 0.7), AverageLinkage.Edge(a: 2, b: 3, similarity: 0.9),
            AverageLinkage.Edge(a: 4, b: 5, similarity: 0.6), AverageLinkage.Edge(a: 3, b: 4, similarity: 0.3),
        ]
        var edges = edges0
        let groups = AverageLinkage.cluster(nodeCount: 6, edges: &edges, threshold: 0.5)
        // 0-1 and 2-3 tie at 0.9, and the smaller pair merges first. Then 2-3 (0.9) outranks 2 joining 0-1
        // ((0.8 + 0.7) / 2 = 0.75), and once 2 and 3 are one, {0, 1} and {2, 3} average 1.5 / 4 = 0.375 and {2, 3}
        // and 4 0.3 / 2 = 0.15: both below the threshold, through links the merge rewrote.
        #expect(groups == [[0, 1], [2, 3], [4, 5]])
        // Without the tie on 2-3, 2 joins 0-1 first, and 3 stays out: (0 + 0 + 0.6) / 3 < 0.5.
        var weaker = edges0.map { edge in
            var edge = edge
            if edge.a == 2 && edge.b == 3 { edge.similarity = 0.6 }
            return edge
        }
        #expect(AverageLinkage.cluster(nodeCount: 6, edges: &weaker, threshold: 0.5) == [[0, 1, 2], [3], [4, 5]])
    }
}
