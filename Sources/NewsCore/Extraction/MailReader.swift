/// Reads `.eml` messages (RFC 5322 and MIME). (First version: not supported yet.)
package struct MailReader: Sendable {
    package init() {}

    package func read(_ bytes: [UInt8]) throws(ExtractionError) -> ExtractedText {
        throw .unsupportedFormat(extension: "eml")
    }
}
