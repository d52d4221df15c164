/// What a format reader (plain text, HTML, mail, JSON) found in a file, before the language stages run.
package struct ExtractedText: Sendable, Equatable {
    package var title: String?
    package var date: DateParser.Parsed?
    /// Where `date` came from; `.arrival` when there is none.
    package var dateOrigin = PublicationDate.Origin.arrival
    /// An outlet the file states explicitly (`source:` header, `og:site_name`); it wins over the inbox folder.
    package var declaredOutlet: String?
    /// An outlet read from the text (an attribution line, an embed, a mail sender); the inbox folder wins over it.
    package var inferredOutlet: String?
    package var authors: [String] = []
    package var url: String?
    /// The main text, one entry per paragraph.
    package var paragraphs: [String] = []
    /// Indexes of paragraphs that are subheadings, not prose.
    package var headings: Set<Int> = []
    /// A declared language code (`en`, `de-CH`), when the file states one.
    package var declaredLanguage: String?

    package init() {}
}
