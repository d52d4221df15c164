/// Reads `.html` and `.htm` pages. (First version: not supported yet.)
package struct HTMLReader: Sendable {
    package init() {}

    package func read(_ bytes: [UInt8]) throws(ExtractionError) -> ExtractedText {
        throw .unsupportedFormat(extension: "html")
    }
}
