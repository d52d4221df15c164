/// Agglomerative clustering with average linkage over a sparse similarity graph.
///
/// Two clusters merge while the average similarity over all pairs of their members — pairs with no edge count as
/// 0 — is at least the threshold. Unlike single linkage (connected components), one borderline pair cannot chain
/// two unrelated stories together. Ties break on the smaller member index, so the result depends only on the graph.
package struct AverageLinkage {
    /// An edge of the similarity graph, `a < b`. 32-bit ids: a window never holds two billion articles, and the
    /// graph is most of a render's memory.
    package struct Edge {
        package var a: Int32
        package var b: Int32
        package var similarity: Double

        package init(a: Int, b: Int, similarity: Double) {
            self.a = Int32(a)
            self.b = Int32(b)
            self.similarity = similarity
        }
    }

    /// A live cluster's link to another: the sum of the similarities between their members.
    struct Link {
        var other: Int32
        var sum: Double
    }

    /// Groups of node indexes, each sorted, in order of their smallest member.
    ///
    /// Each cluster keeps its links in an array sorted by the other cluster's id (about 32 bytes an edge, against
    /// some 100 in dictionaries of pairs and sets of neighbours), and a merge walks the two sorted arrays once.
    ///
    /// `edges` is emptied once read, so the list and the links built from it are not held at once.
    package static func cluster(nodeCount: Int, edges: inout [Edge], threshold: Double) -> [[Int]] {
        var members: [[Int]] = (0..<nodeCount).map { [$0] }
        var links = [[Link]](repeating: [], count: nodeCount)
        for edge in edges where edge.a != edge.b {
            links[Int(edge.a)].append(Link(other: edge.b, sum: edge.similarity))
            links[Int(edge.b)].append(Link(other: edge.a, sum: edge.similarity))
        }
        edges = []
        var heap = Heap()
        for node in links.indices {
            // The same pair given twice adds up, in the order given (a stable sort keeps it).
            var sorted: [Link] = []
            sorted.reserveCapacity(links[node].count)
            for link in links[node].enumerated().sorted(by: {
                $0.element.other != $1.element.other ? $0.element.other < $1.element.other : $0.offset < $1.offset
            }).map(\.element) {
                if sorted.last?.other == link.other {
                    sorted[sorted.count - 1].sum += link.sum
                } else {
                    sorted.append(link)
                }
            }
            links[node] = sorted
            for link in sorted where Int(link.other) > node && link.sum >= threshold {
                heap.push(Candidate(score: link.sum, pair: Pair(node, Int(link.other))))
            }
        }
        while let best = heap.pop() {
            let (keep, gone) = (best.pair.low, best.pair.high)
            guard !members[keep].isEmpty, !members[gone].isEmpty, let sum = Self.sum(links[keep], to: gone)
            else { continue }
            let average = sum / Double(members[keep].count * members[gone].count)
            // Stale entry: the clusters changed since it was pushed.
            guard abs(average - best.score) < 1e-12 else { continue }
            guard average >= threshold else { break }
            members[keep] = Self.mergeSorted(members[keep], members[gone])
            members[gone] = []
            // The merged cluster's links: both lists walked once in id order, sums of a shared neighbour added
            // keep's first, then gone's.
            let (left, right) = (links[keep], links[gone])
            links[gone] = []
            var merged: [Link] = []
            merged.reserveCapacity(left.count + right.count)
            var (i, j) = (0, 0)
            while i < left.count || j < right.count {
                let next: Link
                if j == right.count || (i < left.count && left[i].other < right[j].other) {
                    next = left[i]
                    i += 1
                } else if i == left.count || right[j].other < left[i].other {
                    next = right[j]
                    j += 1
                } else {
                    next = Link(other: left[i].other, sum: left[i].sum + right[j].sum)
                    i += 1
                    j += 1
                }
                let other = Int(next.other)
                guard other != keep, other != gone else { continue }
                merged.append(next)
                Self.relink(&links[other], from: Int32(gone), to: Int32(keep), sum: next.sum)
                let score = next.sum / Double(members[keep].count * members[other].count)
                if score >= threshold { heap.push(Candidate(score: score, pair: Pair(keep, other))) }
            }
            links[keep] = merged
        }
        return members.filter { !$0.isEmpty }.sorted { $0[0] < $1[0] }
    }

    /// The sum on the link to `other` in links sorted by id, if there is one.
    static func sum(_ links: [Link], to other: Int) -> Double? {
        let index = position(of: Int32(other), in: links)
        return index < links.count && Int(links[index].other) == other ? links[index].sum : nil
    }

    /// Where `other` is or would go in links sorted by id, among the first `end` (a binary search: a large cluster
    /// has thousands of links).
    static func position(of other: Int32, in links: [Link], before end: Int? = nil) -> Int {
        var (low, high) = (0, end ?? links.count)
        while low < high {
            let mid = (low + high) / 2
            if links[mid].other < other { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// In a neighbour's sorted links, drops the one to `gone` and sets the one to `keep` to `sum`.
    ///
    /// `keep` < `gone` (a merge keeps the lower id), so when only `gone` is linked its entry moves down to where
    /// `keep` goes, shifting the links between the two by one, instead of a removal and an insertion that each
    /// shifted the whole tail of a large cluster's links.
    static func relink(_ links: inout [Link], from gone: Int32, to keep: Int32, sum: Double) {
        let goneIndex = position(of: gone, in: links)
        let hasGone = goneIndex < links.count && links[goneIndex].other == gone
        let low = position(of: keep, in: links, before: goneIndex)
        if low < goneIndex && links[low].other == keep {
            links[low].sum = sum
            if hasGone { links.remove(at: goneIndex) }
        } else if hasGone {
            links.withUnsafeMutableBufferPointer { links in
                var index = goneIndex
                while index > low {
                    links[index] = links[index - 1]
                    index -= 1
                }
                links[low] = Link(other: keep, sum: sum)
            }
        } else {
            links.insert(Link(other: keep, sum: sum), at: low)
        }
    }

    /// Two ascending lists of node indexes as one.
    static func mergeSorted(_ a: [Int], _ b: [Int]) -> [Int] {
        var merged: [Int] = []
        merged.reserveCapacity(a.count + b.count)
        var (i, j) = (0, 0)
        while i < a.count && j < b.count {
            if a[i] < b[j] {
                merged.append(a[i])
                i += 1
            } else {
                merged.append(b[j])
                j += 1
            }
        }
        merged += a[i...]
        merged += b[j...]
        return merged
    }

    struct Pair: Hashable {
        private var lowID: Int32
        private var highID: Int32
        init(_ a: Int, _ b: Int) {
            lowID = Int32(min(a, b))
            highID = Int32(max(a, b))
        }
        var low: Int { Int(lowID) }
        var high: Int { Int(highID) }
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
    ///
    /// It sifts through a buffer pointer: a render's average linkage pushes and pops millions of candidates, and the
    /// index checks and swaps were a quarter of the linkage (perf, stop 23).
    struct Heap {
        private var items: [Candidate] = []

        mutating func push(_ item: Candidate) {
            items.append(item)
            items.withUnsafeMutableBufferPointer { items in
                var child = items.count - 1
                while child > 0 {
                    let parent = (child - 1) / 2
                    guard item.outranks(items[parent]) else { break }
                    items[child] = items[parent]
                    child = parent
                }
                items[child] = item
            }
        }

        mutating func pop() -> Candidate? {
            guard let last = items.popLast() else { return nil }
            guard !items.isEmpty else { return last }
            return items.withUnsafeMutableBufferPointer { items in
                let top = items[0]
                // The last item sinks from the root to where it outranks its children.
                var parent = 0
                while true {
                    let left = 2 * parent + 1
                    let right = left + 1
                    var best = -1
                    var bestItem = last
                    if left < items.count && items[left].outranks(bestItem) {
                        best = left
                        bestItem = items[left]
                    }
                    if right < items.count && items[right].outranks(bestItem) {
                        best = right
                        bestItem = items[right]
                    }
                    if best < 0 { break }
                    items[parent] = bestItem
                    parent = best
                }
                items[parent] = last
                return top
            }
        }
    }
}
