/// The identifier of a story, stable across the days it spans (`st-1a2b3c4d5e`).
package struct StoryID: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var rawValue: String
    package init(_ rawValue: String) { self.rawValue = rawValue }
    package var description: String { rawValue }
    package static func < (lhs: StoryID, rhs: StoryID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A file that was recorded as a copy of an article instead of being processed again.
package struct ArticleCopy: Hashable, Sendable {
    /// The copy's file name as dropped.
    package var fileName: String
    /// Where the copy now lives, relative to the output folder's parent conventions (for links), if anywhere.
    package var location: String?
    package var outlet: String?

    package init(fileName: String, location: String?, outlet: String?) {
        self.fileName = fileName
        self.location = location
        self.outlet = outlet
    }
}

/// An article together with where its original is kept and the copies folded into it.
package struct DigestEntry: Hashable, Sendable {
    package var article: Article
    /// Where the original is kept now (archive, inbox or nowhere), as a path the renderer turns into a link.
    package var location: String?
    /// Exact copies dropped again, in name order.
    package var copies: [ArticleCopy]

    package init(article: Article, location: String?, copies: [ArticleCopy] = []) {
        self.article = article
        self.location = location
        self.copies = copies
    }
}

/// A group of articles about one event.
package struct Story: Hashable, Sendable {
    package var id: StoryID
    package var headline: String
    /// Members in the order the digest lists them (earliest first, then by name).
    package var entries: [DigestEntry]
    /// Summary sentences drawn from the members, each traceable to its article.
    package var summary: [SummaryLine]

    package init(id: StoryID, headline: String, entries: [DigestEntry], summary: [SummaryLine]) {
        self.id = id
        self.headline = headline
        self.entries = entries
        self.summary = summary
    }

    /// Distinct outlets, in order of first appearance. An article whose outlet is not stated counts as a source of
    /// its own (named after its file), so two unattributed articles are two sources, not one "unknown".
    package var outlets: [String] {
        var seen = Set<String>()
        var result: [String] = []
        for entry in entries {
            let outlet = entry.article.outlet ?? "unattributed (\(entry.article.fileName))"
            if seen.insert(outlet).inserted { result.append(outlet) }
        }
        return result
    }
}

/// One sentence of a story summary and the article sentence it came from.
package struct SummaryLine: Hashable, Sendable {
    package var text: String
    package var fileName: String
    package var sentenceIndex: Int
    package var start: Int
    package var end: Int

    package init(text: String, fileName: String, sentenceIndex: Int, start: Int, end: Int) {
        self.text = text
        self.fileName = fileName
        self.sentenceIndex = sentenceIndex
        self.start = start
        self.end = end
    }
}

/// Everything a day's digest shows.
package struct Digest: Hashable, Sendable {
    package var day: CivilDate
    package var stories: [Story]

    package init(day: CivilDate, stories: [Story]) {
        self.day = day
        self.stories = stories
    }

    package var articleCount: Int { stories.reduce(0) { $0 + $1.entries.count } }
    package var fileCount: Int { stories.reduce(0) { $0 + $1.entries.reduce(0) { $0 + 1 + $1.copies.count } } }
    package var sourceCount: Int { Set(stories.flatMap(\.outlets)).count }
}
