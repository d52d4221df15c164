/// The identifier of a story, stable across the days it spans (`st-1a2b3c4d5e`).
package struct StoryID: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var rawValue: String
    package init(_ rawValue: String) { self.rawValue = rawValue }
    package var description: String { rawValue }
    package static func < (lhs: StoryID, rhs: StoryID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A file folded into an article as a further copy: an exact copy (same bytes, never processed again) or a
/// near-duplicate (syndicated wire copy, small edits), which does not count as a second article of its story.
package struct ArticleCopy: Hashable, Sendable {
    /// The copy's file name as dropped.
    package var fileName: String
    /// Where the copy is kept now, for links, if anywhere.
    package var location: String?
    package var outlet: String?
    /// True for a byte-identical copy; false for a near-duplicate.
    package var isExact: Bool
    /// The copy's own title, for near-duplicates.
    package var title: String?

    package init(fileName: String, location: String?, outlet: String?, isExact: Bool = true, title: String? = nil) {
        self.fileName = fileName
        self.location = location
        self.outlet = outlet
        self.isExact = isExact
        self.title = title
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
    package var entries: [DigestEntry] { didSet { outlets = Self.outlets(of: entries) } }
    /// Distinct outlets, in order of first appearance. An article whose outlet is not stated counts as a source of
    /// its own (named after its file), so two unattributed articles are two sources, not one "unknown".
    ///
    /// Kept with the entries rather than worked out when asked: ranking a day's stories, counting its sources and
    /// writing a section asked for it six times a render, and hashing every member's outlet each time was a tenth of
    /// a provisional render of a large day (perf, stop 21).
    package private(set) var outlets: [String]
    /// Summary sentences drawn from the members, each traceable to its article.
    package var summary: [SummaryLine]
    /// Other days this story has articles on, with how many, for the timeline.
    package var otherDays: [StoryDay]
    /// Quotations carried by the story's articles, each once, most widely carried first.
    package var quotations: [StoryQuotation] = []
    /// The people, organisations and places involved, most mentioned first.
    package var entities: [StoryEntity] = []
    /// For each article of a multi-article story, the facts only it carries.
    package var additions: [SourceAddition] = []

    package init(
        id: StoryID, headline: String, entries: [DigestEntry], summary: [SummaryLine], otherDays: [StoryDay] = []
    ) {
        self.id = id
        self.headline = headline
        self.entries = entries
        self.outlets = Self.outlets(of: entries)
        self.summary = summary
        self.otherDays = otherDays
    }

    /// The story with its members' articles cut to what the renderers show (name, title, outlet, date, hash).
    ///
    /// A story is built from whole articles, but a day's digest holds all its stories at once: keeping every
    /// member's text, sentences and mentions would hold the whole day's articles in memory to write one file.
    package func withoutArticleText() -> Story {
        var story = self
        story.entries = entries.map { entry in
            var entry = entry
            entry.article = entry.article.withoutText()
            return entry
        }
        return story
    }

    static func outlets(of entries: [DigestEntry]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for entry in entries {
            let outlet = entry.article.outlet ?? "unattributed (\(entry.article.fileName))"
            if seen.insert(outlet).inserted { result.append(outlet) }
        }
        return result
    }
}

extension Article {
    /// The article as a story keeps it (`Story.withoutArticleText()`): what the renderers show, no text.
    func withoutText() -> Article {
        var article = self
        article.body = ""
        article.sentences = []
        article.summary = []
        article.entities = []
        article.quotes = []
        return article
    }
}

/// One quotation as the story's articles carried it.
package struct StoryQuotation: Hashable, Sendable {
    /// The wording shown (the first source's).
    package var text: String
    package var speaker: String?
    /// Each article that carried it, with its own wording and offsets.
    package var sources: [QuotationSource]
    /// Where the wordings differ: each pair of variants of one passage, with a word of context.
    package var differences: [[WordingVariant]]
    /// Whether a source carried it as the speaker's own words (`Quotation.isDirect`), not only as reported speech.
    package var isDirect: Bool

    package init(
        text: String, speaker: String?, sources: [QuotationSource], differences: [[WordingVariant]],
        isDirect: Bool = true
    ) {
        self.text = text
        self.speaker = speaker
        self.sources = sources
        self.differences = differences
        self.isDirect = isDirect
    }
}

/// An article's wording of a passage where the sources differ.
package struct WordingVariant: Hashable, Sendable {
    package var source: String
    package var text: String

    package init(source: String, text: String) {
        self.source = source
        self.text = text
    }
}

/// Where one article carries a quotation.
package struct QuotationSource: Hashable, Sendable {
    package var fileName: String
    /// The outlet, or the file name when the outlet is not stated.
    package var source: String
    package var text: String
    package var start: Int
    package var end: Int

    package init(fileName: String, source: String, text: String, start: Int, end: Int) {
        self.fileName = fileName
        self.source = source
        self.text = text
        self.start = start
        self.end = end
    }
}

/// An entity of a story and how often its articles mention it.
package struct StoryEntity: Hashable, Sendable {
    package var canonical: String
    package var kind: EntityKind
    package var mentions: Int

    package init(canonical: String, kind: EntityKind, mentions: Int) {
        self.canonical = canonical
        self.kind = kind
        self.mentions = mentions
    }
}

/// The sentences only one article of a story carries.
package struct SourceAddition: Hashable, Sendable {
    package var fileName: String
    package var source: String
    package var lines: [SummaryLine]

    package init(fileName: String, source: String, lines: [SummaryLine]) {
        self.fileName = fileName
        self.source = source
        self.lines = lines
    }
}

/// A day of a story's timeline.
package struct StoryDay: Hashable, Sendable {
    package var day: CivilDate
    package var articles: Int
    package var headline: String

    package init(day: CivilDate, articles: Int, headline: String) {
        self.day = day
        self.articles = articles
        self.headline = headline
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
