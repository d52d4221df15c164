/// Turns a dropped file into an article: the extraction stage of the pipeline.
///
/// A format reader chosen by the file's extension turns bytes into `ExtractedText`; `ArticleBuilder` then runs the
/// language stages, which are the same for every format.
package struct Extractor: Sendable {
    package var builder: ArticleBuilder

    package init(summaryLength: Int = 3) {
        builder = ArticleBuilder(summaryLength: summaryLength)
    }

    /// File name endings read as plain text.
    package static let plainTextExtensions: Set<String> = ["txt", "md", "markdown", "text"]
    /// The most a `.gz` file may expand to.
    package static let decompressedLimit = 64 * 1024 * 1024

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
        switch ext {
        case "gz":
            let inner = String(fileName.dropLast(3))
            return try read(try Gzip.decompress(bytes, limit: Self.decompressedLimit), fileName: inner)
        case "html", "htm", "xhtml":
            return try HTMLReader().read(bytes)
        case "eml":
            return try MailReader().read(bytes)
        case "json":
            return try JSONArticleReader().read(bytes)
        case _ where Self.plainTextExtensions.contains(ext) || ext.isEmpty:
            let (text, _) = try TextDecoder.decode(bytes)
            return try PlainTextExtractor().read(text)
        default:
            // Saved pages often end in the site's name (`story.example.net.gz`); read them by their content.
            if Self.looksLikeHTML(bytes) { return try HTMLReader().read(bytes) }
            throw .unsupportedFormat(extension: ext)
        }
    }

    /// True when the bytes start (after a byte-order mark and white space) with an HTML doctype or tag.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count, [9, 10, 13, 32].contains(bytes[start]) { start += 1 }
        let head = String(decoding: bytes[start..<min(bytes.count, start + 15)], as: UTF8.self).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<head")
    }

    /// The lower-cased text after the last dot of a file name, or "" when it has none.
    package static func fileExtension(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
