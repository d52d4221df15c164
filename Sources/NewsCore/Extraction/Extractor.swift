/// Turns a dropped file into an article: the extraction stage of the pipeline.
package struct Extractor: Sendable {
    package var plainText: PlainTextExtractor

    package init(summaryLength: Int = 3) {
        plainText = PlainTextExtractor(summaryLength: summaryLength)
    }

    /// File name endings this stage reads.
    package static let supportedExtensions: Set<String> = ["txt", "md", "markdown", "text"]

    /// Extracts the article from `document`, identified by `contentHash`.
    ///
    /// - Throws: `ExtractionError` when the file is empty, binary, of an unsupported format, or holds no text.
    package func extract(_ document: RawDocument, contentHash: String) throws(ExtractionError) -> Article {
        let ext = Self.fileExtension(of: document.fileName)
        guard Self.supportedExtensions.contains(ext) || ext.isEmpty else { throw .unsupportedFormat(extension: ext) }
        let (text, _) = try TextDecoder.decode(document.bytes)
        return try plainText.extract(text: text, document: document, contentHash: contentHash)
    }

    /// The lower-cased text after the last dot of a file name, or "" when it has none.
    package static func fileExtension(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
