/// Turns a dropped file into an article: the extraction stage of the pipeline.
///
/// A format reader chosen by the file's extension turns bytes into `ExtractedText`; `ArticleBuilder` then runs the
/// language stages, which are the same for every format.
package struct Extractor: Sendable {
    package var builder: ArticleBuilder

    package init(summaryLength: Int = 3) {
        builder = ArticleBuilder(summaryLength: summaryLength)
    }

    /// File name endings this stage reads.
    package static let supportedExtensions: Set<String> = ["txt", "md", "markdown", "text"]

    /// Extracts the article from `document`, identified by `contentHash`.
    ///
    /// - Throws: `ExtractionError` when the file is empty, binary, of an unsupported format, or holds no text.
    package func extract(_ document: RawDocument, contentHash: String) throws(ExtractionError) -> Article {
        let extracted = try read(document.bytes, fileName: document.fileName)
        return builder.build(extracted, document: document, contentHash: contentHash)
    }

    /// The format reader's result for `bytes`, chosen by the extension of `fileName`.
    package func read(_ bytes: [UInt8], fileName: String) throws(ExtractionError) -> ExtractedText {
        let ext = Self.fileExtension(of: fileName)
        guard Self.supportedExtensions.contains(ext) || ext.isEmpty else { throw .unsupportedFormat(extension: ext) }
        let (text, _) = try TextDecoder.decode(bytes)
        return try PlainTextExtractor().read(text)
    }

    /// The lower-cased text after the last dot of a file name, or "" when it has none.
    package static func fileExtension(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
