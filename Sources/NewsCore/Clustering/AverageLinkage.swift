/// Agglomerative clustering with average linkage over a sparse similarity graph.
///
/// Two clusters merge while the average similarity over all pairs of their members — pairs with no edge count as
/// 0 — is at least the threshold. Unlike single linkage (connected components), one borderline pair cannot chain
/// two unrelated stories together. Ties break on the smaller member index, so the result depends only on the graph.
struct AverageLinkage {
    /// An edge of the similarity graph, `a < b`.
    struct Edge {
        var a: Int
        var b: Int
        var similarity: Double
    }

    /// Groups of node indexes, each sorted, in order of their smallest member.
    static func cluster(nodeCount: Int, edges: [Edge], threshold: Double) -> [[Int]] {
        var members: [Int: [Int]] = [:]
        for node in 0..<nodeCount { members[node] = [node] }
        // Sum of edge similarities between two live clusters, keyed by (smaller id, larger id).
        var sums: [Pair: Double] = [:]
        var neighbours: [Int: Set<Int>] = [:]
        for edge in edges where edge.a != edge.b {
            let key = Pair(edge.a, edge.b)
            sums[key, default: 0] += edge.similarity
            neighbours[edge.a, default: []].insert(edge.b)
            neighbours[edge.b, default: []].insert(edge.a)
        }
        var heap = Heap()
        for (key, sum) in sums where sum >= threshold { heap.push(Candidate(score: sum, pair: key)) }
        while let best = heap.pop() {
            guard let left = members[best.pair.low], let right = members[best.pair.high],
                let sum = sums[best.pair]
            else { continue }
            let average = sum / Double(left.count * right.count)
            // Stale entry: the clusters changed since it was pushed.
            guard abs(average - best.score) < 1e-12 else { continue }
            guard average >= threshold else { break }
            let keep = best.pair.low
            let gone = best.pair.high
            members[keep] = (left + right).sorted()
            members[gone] = nil
            sums[best.pair] = nil
            let others = (neighbours[keep] ?? []).union(neighbours[gone] ?? []).subtracting([keep, gone])
            neighbours[gone] = nil
            neighbours[keep] = others
            for other in others.sorted() {
                let merged = (sums.removeValue(forKey: Pair(keep, other)) ?? 0)
                    + (sums.removeValue(forKey: Pair(gone, other)) ?? 0)
                neighbours[other]?.remove(gone)
                neighbours[other]?.insert(keep)
                let key = Pair(keep, other)
                sums[key] = merged
                let size = Double(members[keep]!.count * members[other]!.count)
                let score = merged / size
                if score >= threshold { heap.push(Candidate(score: score, pair: key)) }
            }
        }
        return members.values.sorted { $0[0] < $1[0] }
    }

    struct Pair: Hashable {
        var low: Int
        var high: Int
        init(_ a: Int, _ b: Int) {
            low = min(a, b)
            high = max(a, b)
        }
    }

    struct Candidate {
        var score: Double
        var pair: Pair

        /// Higher score first; ties go to the pair with the smallest ids, so merges happen in a fixed order.
        func outranks(_ other: Candidate) -> Bool {
            if score != other.score { return score > other.score }
            return (pair.low, pair.high) < (other.pair.low, other.pair.high)
        }
    }

    /// A binary max-heap of candidates.
    struct Heap {
        private var items: [Candidate] = []

        mutating func push(_ item: Candidate) {
            items.append(item)
            var child = items.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard items[child].outranks(items[parent]) else { break }
                items.swapAt(child, parent)
                child = parent
            }
        }

        mutating func pop() -> Candidate? {
            guard !items.isEmpty else { return nil }
            items.swapAt(0, items.count - 1)
            let top = items.removeLast()
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var best = parent
                if left < items.count && items[left].outranks(items[best]) { best = left }
                if right < items.count && items[right].outranks(items[best]) { best = right }
                if best == parent { break }
                items.swapAt(parent, best)
                parent = best
            }
            return top
        }
    }
}
