/// Why a file could not be turned into an article. The daemon writes `description` into the file's `.error` sidecar.
package enum ExtractionError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyDocument
    case binaryContent
    case unsupportedFormat(extension: String)
    case noReadableText
    /// A `.gz` file that is not gzip, is cut short, or fails its checksum.
    case corruptCompressedData
    /// A `.gz` file that would expand beyond the size limit (in bytes) newsdigest reads.
    case decompressedTooLarge(limit: Int)
    /// A `.eml` file that is not a mail message, or whose only text part cannot be decoded; `reason` follows
    /// "the mail is malformed: ".
    case malformedMail(reason: String)
    /// A `.eml` message whose parts are all attachments that are not text, such as `image/png`.
    case mailWithoutText(partTypes: [String])
    /// A `.json` file that is not valid JSON.
    case invalidJSON
    /// A `.json` file that is valid JSON but not one article object (docs/json-input.md); `reason` says why.
    case unexpectedJSON(reason: String)

    package var description: String {
        switch self {
        case .emptyDocument:
            return "the file is empty"
        case .binaryContent:
            return "the file holds binary data, not text (NUL bytes or control characters)"
        case .unsupportedFormat(let ext):
            return "files ending in '.\(ext)' are not a format newsdigest reads "
                + "(it reads .txt, .md, .html, .htm, .eml, .json, and any of them compressed as .gz)"
        case .noReadableText:
            return "the file holds no readable text after its headers"
        case .corruptCompressedData:
            return "the compressed file is damaged or cut short, or is not gzip data"
        case .decompressedTooLarge(let limit):
            return "the compressed file expands to more than \(limit) bytes, the most newsdigest reads"
        case .malformedMail(let reason):
            return "the mail is malformed: \(reason)"
        case .mailWithoutText(let types):
            return "the mail has no text/plain or text/html part to read (its parts are "
                + types.joined(separator: ", ") + ")"
        case .invalidJSON:
            return "the file is not valid JSON (or nests arrays and objects more than \(JSONParser.maximumDepth) deep)"
        case .unexpectedJSON(let reason):
            return "the JSON file does not hold one article object as docs/json-input.md describes: \(reason)"
        }
    }
}
