/// Reads `.json` files holding one article. (First version: not supported yet.)
package struct JSONArticleReader: Sendable {
    package init() {}

    package func read(_ bytes: [UInt8]) throws(ExtractionError) -> ExtractedText {
        throw .unsupportedFormat(extension: "json")
    }
}
