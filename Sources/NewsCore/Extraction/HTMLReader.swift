/// Reads `.html`, `.htm` and `.xhtml` pages: the article text without page chrome, and the title, date, authors,
/// outlet, address and language the page declares.
///
/// Parsing is libxml2's error-tolerant HTML parser (see `HTMLParser`); the main text comes from
/// `MainTextExtractor`, the metadata from `HTMLMetadata`, and the date from `HTMLDateFinder`.
package struct HTMLReader: Sendable {
    package init() {}

    /// The article on the page `bytes` hold.
    ///
    /// - Throws: `ExtractionError.emptyDocument` for no bytes, `.binaryContent` for data that is not text, and
    ///   `.noReadableText` when the page has neither text nor a title.
    package func read(_ bytes: [UInt8]) throws(ExtractionError) -> ExtractedText {
        guard bytes.contains(where: { $0 != 0x20 && !($0 >= 0x09 && $0 <= 0x0D) }) else { throw .emptyDocument }
        if TextDecoder.looksBinary(bytes[...]) && !CharsetSniffer.encoding(of: bytes).hasPrefix("UTF-16") {
            throw .binaryContent
        }
        let tree = HTMLParser.parse(bytes)
        let metadata = HTMLMetadata(tree: tree)
        var extracted = ExtractedText()
        let siteName = metadata.siteName
        extracted.declaredOutlet = siteName
        extracted.title = metadata.title(siteName: siteName)
        extracted.authors = metadata.authors
        extracted.url = metadata.url
        extracted.declaredLanguage = metadata.language
        let (paragraphs, headings) = MainTextExtractor(tree: tree, title: extracted.title).extract()
        extracted.paragraphs = paragraphs
        extracted.headings = headings
        if let (date, origin) = HTMLDateFinder(tree: tree, metadata: metadata, raw: bytes).publicationDate() {
            extracted.date = date
            extracted.dateOrigin = origin
        }
        if extracted.paragraphs.isEmpty && extracted.title == nil { throw .noReadableText }
        return extracted
    }
}
