/// Reads `.json` files holding one article, as scrapers and feed exporters write them (docs/json-input.md).
///
/// The file is one object. Keys are matched without regard to case, and the first listed name wins where there
/// are two:
///
/// | Key | Value | Becomes |
/// |---|---|---|
/// | `title` | string | the title |
/// | `date`, `published` | ISO 8601 string (or a written date), or seconds since 1970 | the date (`.header`) |
/// | `source`, `outlet` | string | the declared outlet |
/// | `url` | string | the link |
/// | `authors`, `author` | string (names split at `,` and `;`) or list of strings or `{"name": …}` objects | authors |
/// | `body`, `text` | string (paragraphs split at blank lines) or list of strings (one paragraph each) | the text |
/// | `language` | string such as `en` or `de-CH` | the declared language |
///
/// Unknown keys are ignored and `null` counts as absent. A known key holding the wrong kind of value is an error
/// that names the key, so a broken exporter is noticed rather than producing articles without text.
///
/// ```json
/// {"title": "Rates held", "date": "2025-03-14T09:30:00+01:00", "source": "Reuters",
///  "authors": ["Jane Doe"], "body": ["First paragraph.", "Second paragraph."]}
/// ```
package struct JSONArticleReader: Sendable {
    package init() {}

    /// The keys read, each with its aliases in order of precedence.
    static let keys: [Field: [String]] = [
        .title: ["title"], .date: ["date", "published"], .source: ["source", "outlet"], .url: ["url"],
        .authors: ["authors", "author"], .body: ["body", "text"], .language: ["language"],
    ]

    enum Field { case title, date, source, url, authors, body, language }

    /// Reads a whole file.
    ///
    /// - Throws: `ExtractionError.emptyDocument`; `.invalidJSON` when the bytes are not JSON; `.unexpectedJSON`
    ///   when the top level is not an object or a known key holds the wrong kind of value; `.noReadableText` when
    ///   there is neither a title nor body text.
    package func read(_ bytes: [UInt8]) throws(ExtractionError) -> ExtractedText {
        guard bytes.contains(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { throw .emptyDocument }
        guard let value = JSONParser.parse(Self.utf8(bytes)[...]) else { throw .invalidJSON }
        guard case .object(let pairs) = value else {
            if case .array = value {
                throw .unexpectedJSON(reason: "the top level is an array; put each article in its own .json file")
            }
            throw .unexpectedJSON(reason: "the top level is \(Self.kind(of: value)), not an object")
        }

        var extracted = ExtractedText()
        extracted.title = try Self.string(.title, in: pairs).map(Self.collapsingWhitespace)
        if let (key, date) = Self.member(.date, in: pairs) {
            switch date {
            case .string(let text): extracted.date = DateParser.parse(text)
            case .int(let seconds): extracted.date = Self.epochDate(Double(seconds))
            case .double(let seconds): extracted.date = Self.epochDate(seconds)
            default: throw Self.wrongKind(key, date, expected: "an ISO 8601 string or seconds since 1970")
            }
            if extracted.date != nil { extracted.dateOrigin = .header }
        }
        extracted.declaredOutlet = try Self.string(.source, in: pairs).map(Outlet.canonicalName)
        extracted.url = try Self.string(.url, in: pairs)
        extracted.declaredLanguage = try Self.string(.language, in: pairs)
        extracted.authors = try Self.authors(in: pairs)
        (extracted.paragraphs, extracted.headings) = try Self.body(in: pairs)

        guard !extracted.paragraphs.isEmpty || extracted.title != nil else { throw .noReadableText }
        return extracted
    }

    /// The bytes as UTF-8: a UTF-8 byte-order mark is dropped and UTF-16 (with a mark) converted.
    static func utf8(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(bytes.dropFirst(3)) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let bigEndian = bytes[0] == 0xFE
            return Array(TextDecoder.decodeUTF16(bytes.dropFirst(2), bigEndian: bigEndian).utf8)
        }
        return bytes
    }

    /// The first member named by `field` or its aliases (in that order) that is not `null`, with the key as written.
    static func member(_ field: Field, in pairs: [(String, JSONValue)]) -> (key: String, value: JSONValue)? {
        for name in keys[field] ?? [] {
            if let pair = pairs.first(where: { $0.0.lowercased() == name && $0.1 != .null }) { return pair }
        }
        return nil
    }

    /// The trimmed string `field` holds; nil when absent or blank.
    static func string(_ field: Field, in pairs: [(String, JSONValue)]) throws(ExtractionError) -> String? {
        guard let (key, value) = member(field, in: pairs) else { return nil }
        guard case .string(let text) = value else { throw wrongKind(key, value, expected: "a string") }
        let trimmed = text.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }

    static func authors(in pairs: [(String, JSONValue)]) throws(ExtractionError) -> [String] {
        guard let (key, value) = member(.authors, in: pairs) else { return [] }
        let expected = "a string, or a list of strings or of objects with a \"name\""
        var names: [String] = []
        switch value {
        case .string(let text):
            names = text.split(whereSeparator: { $0 == "," || $0 == ";" }).map { collapsingWhitespace(String($0)) }
        case .array(let items):
            for item in items {
                switch item {
                case .string(let name): names.append(collapsingWhitespace(name))
                case .object: names.append(collapsingWhitespace(item["name"]?.stringValue ?? ""))
                case .null: continue
                default: throw wrongKind(key, item, expected: expected, inList: true)
                }
            }
        default:
            throw wrongKind(key, value, expected: expected)
        }
        return names.filter { !$0.isEmpty }
    }

    /// Paragraphs and the indexes of those that read as subheadings, as `PlainTextExtractor` finds them.
    static func body(in pairs: [(String, JSONValue)]) throws(ExtractionError) -> ([String], Set<Int>) {
        guard let (key, value) = member(.body, in: pairs) else { return ([], []) }
        var paragraphs: [String] = []
        switch value {
        case .string(let text):
            paragraphs = PlainTextExtractor.paragraphs(PlainTextExtractor.normalizedLines(text))
        case .array(let items):
            for item in items {
                switch item {
                case .string(let text): paragraphs.append(collapsingWhitespace(text))
                case .null: continue
                default: throw wrongKind(key, item, expected: "a string or a list of strings", inList: true)
                }
            }
        default:
            throw wrongKind(key, value, expected: "a string or a list of strings")
        }
        paragraphs = paragraphs.filter { !$0.isEmpty }
        let headings = Set(paragraphs.indices.filter { PlainTextExtractor.isHeading(paragraphs[$0]) })
        return (paragraphs, headings)
    }

    /// Seconds since 1970 in UTC; values above 10¹¹ are milliseconds, as JavaScript writes them. Nil outside the
    /// years 1970–9999.
    static func epochDate(_ value: Double) -> DateParser.Parsed? {
        let seconds = value > 1e11 ? value / 1000 : value
        guard seconds.isFinite, seconds >= 0, seconds < 253_402_300_800 else { return nil }
        let whole = Int64(seconds.rounded(.down))
        return DateParser.Parsed(
            day: CivilDate(secondsSinceEpoch: whole), secondsIntoDay: Int(whole % 86_400), utcOffsetSeconds: 0)
    }

    static func wrongKind(
        _ key: String, _ value: JSONValue, expected: String, inList: Bool = false
    ) -> ExtractionError {
        let found = inList ? "a list holding \(kind(of: value))" : kind(of: value)
        return .unexpectedJSON(reason: "\"\(key)\" must be \(expected), not \(found)")
    }

    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "true or false"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
