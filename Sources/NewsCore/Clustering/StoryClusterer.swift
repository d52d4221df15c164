/// Groups a day's articles into stories and writes each story's headline and summary.
///
/// Deterministic: the result depends on the set of entries, not on their order. Candidate pairs come from an
/// inverted index over each article's most salient terms, so the cost grows with the number of articles that share
/// terms, not with all pairs.
package struct StoryClusterer: Sendable {
    /// Cosine similarity at or above which two articles are the same story.
    package var threshold: Double
    /// How many of an article's heaviest terms go into the candidate index.
    package var indexedTerms: Int
    /// Sentences in a story summary.
    package var summaryLength: Int

    package init(threshold: Double = 0.18, indexedTerms: Int = 24, summaryLength: Int = 3) {
        self.threshold = threshold
        self.indexedTerms = indexedTerms
        self.summaryLength = summaryLength
    }

    /// The stories of `day`, multi-source stories first, each with its members in time order.
    package func digest(for day: CivilDate, entries: [DigestEntry]) -> Digest {
        let ordered = entries.sorted(by: Self.memberOrder)
        var statistics = TermStatistics()
        let counts = ordered.map { TermStatistics.terms(of: $0.article) }
        for termCounts in counts { statistics.add(termCounts) }
        let vectors = counts.map { statistics.vector(for: $0) }

        var components = UnionFind(count: ordered.count)
        var postings: [String: [Int]] = [:]
        // A term in a large share of the day's articles names no particular event; leaving it out of the candidate
        // index keeps the candidate lists short (the cosine still counts it).
        let commonLimit = max(8, ordered.count / 20)
        for (index, vector) in vectors.enumerated() {
            var candidates = Set<Int>()
            let top = vector.topTerms(indexedTerms).filter {
                statistics.documentFrequency[$0, default: 0] <= commonLimit
            }
            for term in top { candidates.formUnion(postings[term] ?? []) }
            for other in candidates.sorted() where vectors[other].cosine(vector) >= threshold {
                components.union(index, other)
            }
            for term in top { postings[term, default: []].append(index) }
        }

        var groups: [Int: [Int]] = [:]
        for index in ordered.indices { groups[components.find(index), default: []].append(index) }
        let stories = groups.values.map { members -> Story in
            let memberEntries = members.sorted().map { ordered[$0] }
            return makeStory(memberEntries, vectors: members.sorted().map { vectors[$0] })
        }
        return Digest(day: day, stories: stories.sorted(by: Self.storyOrder))
    }

    static func memberOrder(_ a: DigestEntry, _ b: DigestEntry) -> Bool {
        let (x, y) = (a.article, b.article)
        if x.published.iso8601 != y.published.iso8601 { return x.published.iso8601 < y.published.iso8601 }
        if x.fileName != y.fileName { return x.fileName < y.fileName }
        return x.contentHash < y.contentHash
    }

    /// Ranked by distinct sources, then size, then how much was said, then id for a stable tie-break.
    static func storyOrder(_ a: Story, _ b: Story) -> Bool {
        if a.outlets.count != b.outlets.count { return a.outlets.count > b.outlets.count }
        if a.entries.count != b.entries.count { return a.entries.count > b.entries.count }
        return a.id < b.id
    }

    /// The story id: a hash of its founding article, so that it is the same whatever order files arrived in.
    static func storyID(for entries: [DigestEntry]) -> StoryID {
        let founder = entries.map(\.article.contentHash).min() ?? ""
        return StoryID("st-" + SHA256.hexDigest(of: Array(founder.utf8)).prefix(10))
    }

    func makeStory(_ entries: [DigestEntry], vectors: [TermVector]) -> Story {
        let centre = TermVector.sum(vectors)

        var candidates: [(line: SummaryLine, score: Double, terms: Set<String>)] = []
        for entry in entries {
            let article = entry.article
            for index in article.summary {
                let sentence = article.sentences[index]
                let termList = Tokenizer.terms(sentence.text)
                guard termList.count >= 4 else { continue }
                var score = 0.0
                for term in Set(termList).sorted() { score += centre.weight(of: term) }
                score /= Double(termList.count).squareRoot()
                score *= 1.0 / (1.0 + 0.15 * Double(index))
                let line = SummaryLine(
                    text: sentence.text, fileName: article.fileName, sentenceIndex: index, start: sentence.start,
                    end: sentence.end)
                candidates.append((line, score, Set(termList)))
            }
        }
        candidates.sort {
            $0.score != $1.score
                ? $0.score > $1.score
                : ($0.line.fileName, $0.line.sentenceIndex) < ($1.line.fileName, $1.line.sentenceIndex)
        }
        var chosen: [(line: SummaryLine, terms: Set<String>)] = []
        for candidate in candidates where chosen.count < summaryLength {
            let repeats = chosen.contains { Summarizer.overlap($0.terms, candidate.terms) > 0.5 }
            if !repeats { chosen.append((candidate.line, candidate.terms)) }
        }
        let summary = chosen.map(\.line)
        return Story(
            id: Self.storyID(for: entries), headline: headline(entries, summary: summary), entries: entries,
            summary: summary)
    }

    /// A source title that states the event, else the story's most central sentence made into a headline.
    func headline(_ entries: [DigestEntry], summary: [SummaryLine]) -> String {
        let statements = entries.map(\.article).filter { article in
            !article.titleIsGenerated && !article.title.hasSuffix("?")
                && article.title.split(separator: " ").count >= 5
        }
        if let best = statements.first { return best.title }
        if let lead = summary.first { return Headline.fromLead(lead.text) }
        return entries.first?.article.title ?? "Untitled"
    }
}

/// Disjoint sets over `0..<count` with path compression; the smaller index becomes the root so results are stable.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var node = x
        while parent[node] != root {
            let next = parent[node]
            parent[node] = root
            node = next
        }
        return root
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra == rb { return }
        if ra < rb { parent[rb] = ra } else { parent[ra] = rb }
    }
}
