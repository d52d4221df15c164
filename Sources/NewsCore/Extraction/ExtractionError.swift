/// Why a file could not be turned into an article. The daemon writes `description` into the file's `.error` sidecar.
package enum ExtractionError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyDocument
    case binaryContent
    case unsupportedFormat(extension: String)
    case noReadableText

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
        }
    }
}
