/// The bytes of one dropped file and what the daemon knows about how it arrived.
///
/// The core never reads files: the daemon hands it this value.
package struct RawDocument: Sendable {
    /// The file's name as dropped, without folders (`x.txt`).
    package var fileName: String
    /// The outlet named by the inbox subfolder the file was dropped into (`inbox/reuters/x.txt` → `reuters`).
    package var folderLabel: String?
    package var bytes: [UInt8]
    /// The day the file arrived, in the configured time zone; used when the text carries no date.
    package var arrivalDay: CivilDate

    package init(fileName: String, folderLabel: String? = nil, bytes: [UInt8], arrivalDay: CivilDate) {
        self.fileName = fileName
        self.folderLabel = folderLabel
        self.bytes = bytes
        self.arrivalDay = arrivalDay
    }
}

/// A sentence of an article's body, with its place in the body text so every summary line can be traced.
package struct Sentence: Hashable, Sendable, Codable {
    package var text: String
    /// Character offsets (Unicode scalars) into `Article.body`.
    package var start: Int
    package var end: Int
    /// Which paragraph the sentence belongs to, counting from zero.
    package var paragraph: Int

    package init(text: String, start: Int, end: Int, paragraph: Int) {
        self.text = text
        self.start = start
        self.end = end
        self.paragraph = paragraph
    }
}

/// One article as the core understands it: the output of extraction and the input of clustering.
package struct Article: Hashable, Sendable, Codable {
    /// The name of the file it came from; unique within the daemon's ledger together with `contentHash`.
    package var fileName: String
    /// Lower-case hex SHA-256 of the file's bytes.
    package var contentHash: String
    package var title: String
    /// True when the title was written by us from the lead because the source had none.
    package var titleIsGenerated: Bool
    package var published: PublicationDate
    package var outlet: String?
    package var authors: [String]
    package var url: String?
    /// Plain text of the main body, paragraphs separated by a blank line.
    package var body: String
    package var sentences: [Sentence]
    /// Indexes into `sentences` of the key sentences, in body order.
    package var summary: [Int]
    /// True when the text looks English; false when it plainly is not.
    package var isEnglish: Bool
    /// People, organisations and places, every mention in document order (title first).
    package var entities: [EntityMention]
    /// Direct quotations with their speakers, in body order.
    package var quotes: [Quotation]

    package init(
        fileName: String, contentHash: String, title: String, titleIsGenerated: Bool, published: PublicationDate,
        outlet: String?, authors: [String], url: String?, body: String, sentences: [Sentence], summary: [Int],
        isEnglish: Bool, entities: [EntityMention] = [], quotes: [Quotation] = []
    ) {
        self.fileName = fileName
        self.contentHash = contentHash
        self.title = title
        self.titleIsGenerated = titleIsGenerated
        self.published = published
        self.outlet = outlet
        self.authors = authors
        self.url = url
        self.body = body
        self.sentences = sentences
        self.summary = summary
        self.isEnglish = isEnglish
        self.entities = entities
        self.quotes = quotes
    }

    /// The article's most salient terms, most salient first: derived when asked (`analyze`, `articles.jsonl`), not
    /// stored. Nothing the daemon renders shows them, and deriving them for every file was 17.6 % of extraction's
    /// instructions (docs/PERFORMANCE.md, "Profile").
    package var keywords: [String] { KeywordExtractor().keywords(title: title, body: body, entities: entities) }

    /// The day whose digest lists this article.
    package var digestDay: CivilDate { published.day }

    /// The summary sentences' text.
    package var summaryTexts: [String] { summary.map { sentences[$0].text } }
}
