/// Reads `.eml` messages (RFC 5322 with MIME, RFC 2045–2049) as newsletters: the subject is the title, the `Date`
/// header the publication date, the sender's display name the outlet, and the best text part the body.
///
/// - `multipart/alternative` prefers the HTML part, read by `HTMLReader`, and falls back to the plain-text part when
///   the HTML cannot be read. `multipart/mixed`, `related` and other multiparts use their inline text parts, and
///   their attachments only when nothing else is text. Attached messages (`message/rfc822`) are read like the outer.
/// - Parts are decoded from quoted-printable or base64 and converted from their charset (`CharsetConverter`);
///   RFC 2047 encoded-words in `Subject` and `From` are decoded; `format=flowed` text is unwrapped.
/// - Broken messages give what can be read: a missing closing boundary ends the last part at the end of the file,
///   a multipart without a `boundary` parameter uses its first `--` line, and a file that ends inside its headers
///   gives a title-only article.
///
/// ```swift
/// let extracted = try MailReader().read(Array(emlText.utf8))
/// extracted.title           // the decoded Subject
/// extracted.inferredOutlet  // "The Daily Brief" for `From: The Daily Brief <news@example.com>`
/// ```
package struct MailReader: Sendable {
    package init() {}

    /// How deeply multiparts and attached messages may nest; deeper parts are ignored so hostile input cannot
    /// exhaust the stack.
    package static let maximumDepth = 32

    static let notMail = "it does not start with mail headers ('Name: value' lines)"

    /// Reads a whole message.
    ///
    /// - Throws: `ExtractionError.emptyDocument`; `.malformedMail` when the file does not start with headers or its
    ///   only text part cannot be decoded; `.mailWithoutText` when every part is an attachment such as a PDF;
    ///   `.noReadableText` when there is neither a subject nor body text; or the error `HTMLReader` or
    ///   `PlainTextExtractor` gives for the chosen part.
    package func read(_ bytes: [UInt8]) throws(ExtractionError) -> ExtractedText {
        if bytes.isEmpty { throw .emptyDocument }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let message = Part(parsing: bytes[start...], isMessage: true)
        guard !message.headers.isEmpty else {
            throw .malformedMail(reason: Self.notMail)
        }
        let subject = message.value("subject").flatMap(Self.subject)
        var notes = Notes()
        let content = Self.content(of: message, depth: 0, notes: &notes)
        var extracted = try Self.extract(content, subject: subject, notes: notes)

        if let subject { extracted.title = subject }
        if let date = message.text("date").flatMap(Self.parseDate) {
            extracted.date = date
            extracted.dateOrigin = .header
        }
        if let sender = message.value("from").flatMap(Self.displayName) { extracted.inferredOutlet = sender }
        if extracted.declaredLanguage == nil, let language = message.text("content-language") {
            let first = language.split(separator: ",").first.map { $0.trimmingWhitespace() } ?? ""
            if !first.isEmpty { extracted.declaredLanguage = first }
        }
        return extracted
    }

    // MARK: Choosing the body

    /// The readable text found in a part and the parts below it.
    struct Content {
        /// HTML for `HTMLReader`: UTF-8 with a byte-order mark when the part named its charset, else as sent.
        var html: [UInt8]?
        var plain: String?
    }

    /// What went wrong below the top, reported only when no text could be read at all.
    struct Notes {
        /// Why a text part could not be decoded, phrased to follow "the mail is malformed: ".
        var problems: [String] = []
        /// The media types of the parts that are not text, such as `image/png`.
        var otherTypes: [String] = []
    }

    static func extract(_ content: Content, subject: String?, notes: Notes) throws(ExtractionError) -> ExtractedText {
        var htmlError: ExtractionError?
        if let html = content.html {
            do {
                return try HTMLReader().read(html)
            } catch {
                htmlError = error
            }
        }
        if let plain = content.plain, plain.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
            // A `Title:` line on top stops the extractor from taking the body's first line ("Good morning!") as the
            // title and dropping it from the text; the subject replaces the title afterwards anyway. With no
            // blank line after it, it also joins any `Source:` or `Date:` lines the body starts with.
            let text = subject.map { "Title: \($0)\n" + plain } ?? plain
            return try PlainTextExtractor().read(text)
        }
        if let htmlError { throw htmlError }
        if let problem = notes.problems.first { throw .malformedMail(reason: problem) }
        if !notes.otherTypes.isEmpty {
            var unique: [String] = []
            for type in notes.otherTypes where !unique.contains(type) { unique.append(type) }
            throw .mailWithoutText(partTypes: unique)
        }
        // A message cut off inside its headers, or sent with only a subject: the subject is the article.
        if subject != nil { return ExtractedText() }
        throw .noReadableText
    }

    static func content(of part: Part, depth: Int, notes: inout Notes) -> Content {
        guard depth < maximumDepth else {
            notes.problems.append("its parts are nested more than \(maximumDepth) levels deep")
            return Content()
        }
        let type = part.mediaType
        switch (type.type, type.subtype) {
        case ("multipart", _):
            return multipartContent(of: part, type: type, depth: depth, notes: &notes)
        case ("message", "rfc822"), ("message", "global"):
            guard let decoded = transferDecoded(part, notes: &notes) else { return Content() }
            let inner = Part(parsing: decoded[...], isMessage: true)
            return content(of: inner, depth: depth + 1, notes: &notes)
        case ("text", "plain"), ("text", "html"):
            guard let decoded = transferDecoded(part, notes: &notes) else { return Content() }
            return textContent(decoded, type: type, notes: &notes)
        default:
            notes.otherTypes.append("\(type.type)/\(type.subtype)")
            return Content()
        }
    }

    static func multipartContent(of part: Part, type: MediaType, depth: Int, notes: inout Notes) -> Content {
        var sections: [ArraySlice<UInt8>] = []
        if let boundary = type.parameters["boundary"], !boundary.isEmpty {
            sections = sectionsOf(part.body, boundary: Array(boundary.utf8))
        }
        // A lost or mistyped `boundary` parameter: the first `--` line names the one the parts use.
        if sections.isEmpty, let boundary = inferredBoundary(part.body) {
            sections = sectionsOf(part.body, boundary: boundary)
        }
        guard !sections.isEmpty else {
            // No delimiter line at all: the body is text labelled multipart, so read it as text.
            return textContent(Array(part.body), type: MediaType(), notes: &notes)
        }
        let children = sections.map { Part(parsing: $0, isMessage: false) }
        var result = Content()
        if type.subtype == "alternative" {
            // RFC 2046 §5.1.4: alternatives come in increasing order of preference, so a later one wins.
            for child in children {
                let found = content(of: child, depth: depth + 1, notes: &notes)
                if let html = found.html { result.html = html }
                if let plain = found.plain { result.plain = plain }
            }
            return result
        }
        // Mixed, related, signed, report and unknown multiparts: the inline parts in order; a related part's root
        // comes first, and a signed part's signature is not text. Attachments count only when nothing else is text.
        for attachments in [false, true] {
            var plains: [String] = []
            for child in children where child.isAttachment == attachments {
                let found = content(of: child, depth: depth + 1, notes: &notes)
                if result.html == nil { result.html = found.html }
                if let plain = found.plain { plains.append(plain) }
            }
            if !plains.isEmpty { result.plain = plains.joined(separator: "\n\n") }
            if result.html != nil || result.plain != nil { break }
        }
        return result
    }

    static func textContent(_ bytes: [UInt8], type: MediaType, notes: inout Notes) -> Content {
        let charset = type.parameters["charset"]
        if type.subtype == "html" {
            // Converted HTML keeps its `<meta charset>`, which may name the old charset; a byte-order mark is the
            // one signal HTML parsers rank above it.
            guard let charset, let text = CharsetConverter.decode(bytes, charset: charset) else {
                return Content(html: bytes)
            }
            return Content(html: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        }
        var text =
            charset.flatMap { CharsetConverter.decode(bytes, charset: $0) } ?? CharsetConverter.lenientUTF8(bytes)
        guard !looksBinary(text) else {
            notes.problems.append("its text/plain part holds binary data, not text")
            return Content()
        }
        if type.parameters["format"]?.lowercased() == "flowed" {
            text = unflowed(text, deleteSpace: type.parameters["delsp"]?.lowercased() == "yes")
        }
        return Content(plain: text)
    }

    /// Control characters other than tab, line breaks and form feed in more than 1 in 20 characters, or any NUL:
    /// what garbled base64 or a mislabelled binary part decodes to.
    static func looksBinary(_ text: String) -> Bool {
        var controls = 0
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if scalar.value == 0 { return true }
            switch scalar.value {
            case 0x09, 0x0A, 0x0C, 0x0D: break
            case ..<0x20: controls += 1
            default: break
            }
        }
        return controls * 20 > count
    }

    /// RFC 3676 `format=flowed`: a line ending in a space continues on the next line.
    static func unflowed(_ text: String, deleteSpace: Bool) -> String {
        var result = ""
        for rawLine in PlainTextExtractor.normalizedLines(text) {
            var line = rawLine
            // Space-stuffing protects lines starting with a space, `From ` or `>`; the stuffed space is not text.
            if line.hasPrefix(" ") { line = line.dropFirst() }
            // The signature separator `-- ` ends in a space but is a line of its own.
            let flowed = line.hasSuffix(" ") && line != "-- "
            if flowed && deleteSpace { line = line.dropLast() }
            result += line
            if !flowed { result += "\n" }
        }
        return result
    }

    // MARK: Parts

    /// A message or a MIME part: its header fields and its undecoded body.
    struct Part {
        /// Field names lower-cased; values unfolded, still raw bytes (encoded-words are decoded per field).
        var headers: [(name: String, value: [UInt8])] = []
        var body: ArraySlice<UInt8>

        /// Splits `bytes` at the blank line after the header fields.
        ///
        /// A message may start with blank lines and an mbox `From ` line. A line that is neither a field nor a
        /// continuation ends the headers without a blank line; a file that ends inside them has an empty body.
        init(parsing bytes: ArraySlice<UInt8>, isMessage: Bool) {
            var index = bytes.startIndex
            if isMessage {
                while index < bytes.endIndex {
                    let line = MailReader.line(in: bytes, from: index)
                    guard bytes[line.content].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { break }
                    index = line.next
                }
                let first = MailReader.line(in: bytes, from: index)
                if bytes[first.content].starts(with: Array("From ".utf8)) { index = first.next }
            }
            var bodyStart = bytes.endIndex
            while index < bytes.endIndex {
                let line = MailReader.line(in: bytes, from: index)
                let text = bytes[line.content]
                if text.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    bodyStart = line.next
                    break
                }
                if text.first == 0x20 || text.first == 0x09 {
                    guard !headers.isEmpty else {
                        bodyStart = index
                        break
                    }
                    // RFC 5322 §2.2.3: unfolding removes the line break and keeps the whitespace after it.
                    headers[headers.count - 1].value += text
                } else if let colon = MailReader.fieldNameEnd(text) {
                    let name = String(decoding: text[..<colon], as: UTF8.self).trimmingWhitespace().lowercased()
                    headers.append((name, Array(text[(colon + 1)...])))
                } else {
                    bodyStart = index
                    break
                }
                index = line.next
            }
            body = bytes[bodyStart...]
        }

        /// The raw value of the first field called `name` (lower-case).
        func value(_ name: String) -> [UInt8]? { headers.first(where: { $0.name == name })?.value }

        /// The value of the first field called `name` as text, trimmed; nil when absent or empty.
        func text(_ name: String) -> String? {
            guard let value = value(name) else { return nil }
            let text = CharsetConverter.lenientUTF8(value).trimmingWhitespace()
            return text.isEmpty ? nil : text
        }

        var mediaType: MediaType { MediaType(text("content-type")) }

        var isAttachment: Bool {
            let disposition = text("content-disposition")?.split(separator: ";").first
            return disposition?.trimmingWhitespace().lowercased() == "attachment"
        }
    }

    /// A `Content-Type` value: `text/plain; charset="iso-8859-2"; format=flowed`.
    struct MediaType {
        var type = "text"
        var subtype = "plain"
        /// Parameter names lower-cased; values unquoted, case kept (boundaries are case-sensitive).
        var parameters: [String: String] = [:]

        init() {}

        /// Parses a field value; a missing or unreadable type is `text/plain`, as RFC 2045 §5.2 says.
        init(_ value: String?) {
            guard let value else { return }
            let items = Self.splitOutsideQuotes(value)
            if let first = items.first, let slash = first.firstIndex(of: "/") {
                let type = first[..<slash].trimmingWhitespace().lowercased()
                let subtype = first[first.index(after: slash)...].trimmingWhitespace().lowercased()
                if !type.isEmpty && !subtype.isEmpty {
                    self.type = type
                    self.subtype = subtype
                }
            }
            for item in items.dropFirst() {
                guard let equals = item.firstIndex(of: "=") else { continue }
                let name = item[..<equals].trimmingWhitespace().lowercased()
                var parameter = item[item.index(after: equals)...].trimmingWhitespace()
                if parameter.count >= 2, parameter.hasPrefix("\""), parameter.hasSuffix("\"") {
                    parameter = Self.unquoted(parameter.dropFirst().dropLast())
                }
                if !name.isEmpty && parameters[name] == nil { parameters[name] = parameter }
            }
        }

        /// Splits at semicolons that are not inside a quoted string.
        static func splitOutsideQuotes(_ value: String) -> [Substring] {
            var items: [Substring] = []
            var start = value.startIndex
            var quoted = false
            var escaped = false
            for index in value.indices {
                let character = value[index]
                if escaped {
                    escaped = false
                } else if character == "\\" && quoted {
                    escaped = true
                } else if character == "\"" {
                    quoted.toggle()
                } else if character == ";" && !quoted {
                    items.append(value[start..<index])
                    start = value.index(after: index)
                }
            }
            items.append(value[start...])
            return items
        }

        static func unquoted(_ text: some StringProtocol) -> String {
            var result = ""
            var escaped = false
            for character in text {
                if !escaped && character == "\\" {
                    escaped = true
                    continue
                }
                escaped = false
                result.append(character)
            }
            return result
        }
    }

    /// The line starting at `index`, without its line break (LF or CRLF), and where the next line starts.
    static func line(in bytes: ArraySlice<UInt8>, from index: Int) -> (content: Range<Int>, next: Int) {
        let end = bytes[index...].firstIndex(of: 0x0A) ?? bytes.endIndex
        var contentEnd = end
        if contentEnd > index && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
        return (index..<contentEnd, end == bytes.endIndex ? end : end + 1)
    }

    /// The index of the colon ending a field name (printable ASCII other than the colon, optionally followed by
    /// spaces, as obsolete syntax allows), or nil when `line` is not a header field.
    static func fieldNameEnd(_ line: ArraySlice<UInt8>) -> Int? {
        var index = line.startIndex
        while index < line.endIndex, line[index] > 0x20, line[index] < 0x7F, line[index] != 0x3A { index += 1 }
        guard index > line.startIndex else { return nil }
        while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        return index < line.endIndex && line[index] == 0x3A ? index : nil
    }

    /// The bodies of a multipart's parts. Text before the first delimiter and after the closing one is dropped;
    /// without a closing delimiter the last part runs to the end of the file.
    static func sectionsOf(_ body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>] {
        let dashBoundary = [0x2D, 0x2D] + boundary
        var sections: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var index = body.startIndex
        while index < body.endIndex {
            let line = line(in: body, from: index)
            let text = body[line.content]
            if text.starts(with: dashBoundary) {
                var rest = text.dropFirst(dashBoundary.count)
                let closing = rest.starts(with: [0x2D, 0x2D])
                if closing { rest = rest.dropFirst(2) }
                // Only transport padding may follow; `--abc_1` is a nested part's boundary, not `--abc`.
                if rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    if let start = partStart {
                        // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
                        var end = index
                        if end > start && body[end - 1] == 0x0A { end -= 1 }
                        if end > start && body[end - 1] == 0x0D { end -= 1 }
                        sections.append(body[start..<end])
                    }
                    if closing { return sections }
                    partStart = line.next
                }
            }
            index = line.next
        }
        if let start = partStart { sections.append(body[start...]) }
        return sections
    }

    /// For a multipart that lost its `boundary` parameter: the boundary its first `--` line names.
    static func inferredBoundary(_ body: ArraySlice<UInt8>) -> [UInt8]? {
        var index = body.startIndex
        while index < body.endIndex {
            let line = line(in: body, from: index)
            let text = body[line.content]
            if text.starts(with: [0x2D, 0x2D]) {
                var boundary = text.dropFirst(2)
                while let last = boundary.last, last == 0x20 || last == 0x09 { boundary = boundary.dropLast() }
                if !boundary.isEmpty && boundary.count <= 200 && !boundary.contains(0x20) { return Array(boundary) }
            }
            index = line.next
        }
        return nil
    }

    // MARK: Transfer encodings

    /// The part's body with its `Content-Transfer-Encoding` undone, or nil (with a note) when base64 is garbled.
    static func transferDecoded(_ part: Part, notes: inout Notes) -> [UInt8]? {
        switch part.text("content-transfer-encoding")?.lowercased() {
        case "quoted-printable":
            return decodeQuotedPrintable(part.body)
        case "base64":
            let (bytes, valid) = decodeBase64(part.body)
            guard valid else {
                let type = part.mediaType
                notes.problems.append("its \(type.type)/\(type.subtype) part is not valid base64")
                return nil
            }
            return bytes
        default:
            // 7bit, 8bit, binary, and unknown encodings such as x-uuencode, which are rarer than mislabelled text.
            return Array(part.body)
        }
    }

    /// Undoes quoted-printable: `=XX` bytes and `=` soft line breaks. A stray `=` is kept as written.
    static func decodeQuotedPrintable(_ bytes: some Collection<UInt8>) -> [UInt8] {
        let bytes = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x3D else {
                out.append(byte)
                index += 1
                continue
            }
            if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
                continue
            }
            // A soft line break may have trailing whitespace that a gateway added before the line break.
            var next = index + 1
            while next < bytes.count && (bytes[next] == 0x20 || bytes[next] == 0x09) { next += 1 }
            if next == bytes.count {
                index = next
            } else if bytes[next] == 0x0A {
                index = next + 1
            } else if bytes[next] == 0x0D {
                index = next + 1 < bytes.count && bytes[next + 1] == 0x0A ? next + 2 : next + 1
            } else {
                out.append(byte)
                index += 1
            }
        }
        return out
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x37
        case 0x61...0x66: return byte - 0x57
        default: return nil
        }
    }

    /// Undoes base64, skipping line breaks and restarting after padding (concatenated blocks).
    ///
    /// - Returns: The bytes, and whether the text was base64 at all: at most one character in ten outside the
    ///   alphabet, which tolerates a stray character but not a part that is something else.
    static func decodeBase64(_ bytes: some Collection<UInt8>) -> (bytes: [UInt8], valid: Bool) {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        var invalid = 0
        var significant = 0
        for byte in bytes {
            let value: UInt32
            switch byte {
            case 0x41...0x5A: value = UInt32(byte - 0x41)
            case 0x61...0x7A: value = UInt32(byte - 0x61 + 26)
            case 0x30...0x39: value = UInt32(byte - 0x30 + 52)
            case 0x2B, 0x2D: value = 62
            case 0x2F, 0x5F: value = 63
            case 0x3D:
                accumulator = 0
                bits = 0
                continue
            case 0x20, 0x09, 0x0A, 0x0D: continue
            default:
                invalid += 1
                continue
            }
            significant += 1
            accumulator = accumulator << 6 | value
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        return (out, invalid * 10 <= significant && !(significant == 0 && invalid > 0))
    }

    // MARK: Header fields

    /// The decoded `Subject`, whitespace collapsed, without `Re:`/`Fwd:` prefixes; nil when empty.
    static func subject(_ raw: [UInt8]) -> String? {
        var subject = collapsingWhitespace(decodeEncodedWords(raw))
        while true {
            let lower = subject.lowercased()
            guard let prefix = ["fwd:", "fw:", "re:"].first(where: { lower.hasPrefix($0) }) else { break }
            subject = String(subject.dropFirst(prefix.count)).trimmingWhitespace()
        }
        return subject.isEmpty ? nil : subject
    }

    /// The display name of the first address in a `From` field: `The Daily Brief` in
    /// `"The Daily Brief" <news@example.com>` or in `news@example.com (The Daily Brief)`.
    static func displayName(_ raw: [UInt8]) -> String? {
        var name: [UInt8] = []
        var quoted = false
        var escaped = false
        var comment: [UInt8] = []
        var commentDepth = 0
        var sawAngle = false
        for byte in raw {
            if escaped {
                if commentDepth > 0 { comment.append(byte) } else { name.append(byte) }
                escaped = false
                continue
            }
            switch byte {
            case 0x5C where quoted || commentDepth > 0:
                escaped = true
            case 0x22 where commentDepth == 0:
                quoted.toggle()
            case 0x28 where !quoted:
                commentDepth += 1
                if commentDepth > 1 { comment.append(byte) }
            case 0x29 where !quoted && commentDepth > 0:
                commentDepth -= 1
                if commentDepth > 0 { comment.append(byte) }
            case 0x3C where !quoted && commentDepth == 0:
                sawAngle = true
            case 0x2C where !quoted && commentDepth == 0:
                // Only the first of several senders.
                return finishName(sawAngle ? name : comment)
            default:
                if commentDepth > 0 {
                    comment.append(byte)
                } else if !sawAngle {
                    name.append(byte)
                }
            }
            if sawAngle && byte == 0x3E {
                return finishName(name)
            }
        }
        return finishName(sawAngle ? name : comment)
    }

    static func finishName(_ raw: [UInt8]) -> String? {
        let name = collapsingWhitespace(decodeEncodedWords(raw))
        // A bare address repeated as the name says nothing about the outlet.
        guard !name.isEmpty, !name.contains("@") else { return nil }
        return name
    }

    static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Decodes RFC 2047 encoded-words (`=?UTF-8?B?…?=`, `=?ISO-8859-1?Q?…?=`) in a field value; the rest is read as
    /// UTF-8 (RFC 6532) or, failing that, Windows-1252.
    static func decodeEncodedWords(_ raw: [UInt8]) -> String {
        enum Segment {
            case text([UInt8])
            case word(charset: String, bytes: [UInt8])
        }
        var segments: [Segment] = []
        var literal: [UInt8] = []
        var index = 0
        while index < raw.count {
            if raw[index] == 0x3D, index + 1 < raw.count, raw[index + 1] == 0x3F,
                let word = encodedWord(in: raw, at: index)
            {
                // Whitespace between two encoded-words is folding, not text (RFC 2047 §6.2).
                let onlySpace = literal.allSatisfy { $0 == 0x20 || $0 == 0x09 }
                if case .word = segments.last, onlySpace {
                    literal = []
                } else if !literal.isEmpty {
                    segments.append(.text(literal))
                    literal = []
                }
                // Adjacent words in one charset are decoded together: encoders split UTF-8 characters across them.
                if case .word(let charset, let bytes) = segments.last, charset == word.charset {
                    segments[segments.count - 1] = .word(charset: charset, bytes: bytes + word.bytes)
                } else {
                    segments.append(.word(charset: word.charset, bytes: word.bytes))
                }
                index = word.end
                continue
            }
            literal.append(raw[index])
            index += 1
        }
        if !literal.isEmpty { segments.append(.text(literal)) }
        var result = ""
        for segment in segments {
            switch segment {
            case .text(let bytes):
                result += CharsetConverter.lenientUTF8(bytes)
            case .word(let charset, let bytes):
                result += CharsetConverter.decode(bytes, charset: charset) ?? CharsetConverter.lenientUTF8(bytes)
            }
        }
        return result
    }

    /// The encoded-word starting at `start` (`=?charset?B?text?=`): its charset (without an RFC 2231 language),
    /// decoded bytes and the index after it.
    static func encodedWord(in raw: [UInt8], at start: Int) -> (charset: String, bytes: [UInt8], end: Int)? {
        var index = start + 2
        let charsetStart = index
        while index < raw.count, raw[index] != 0x3F, raw[index] > 0x20, index - charsetStart < 64 { index += 1 }
        guard index > charsetStart, index + 2 < raw.count, raw[index] == 0x3F, raw[index + 2] == 0x3F else {
            return nil
        }
        var charset = String(decoding: raw[charsetStart..<index], as: UTF8.self).lowercased()
        if let star = charset.firstIndex(of: "*") { charset = String(charset[..<star]) }
        let encoding = raw[index + 1] | 0x20
        guard encoding == 0x62 || encoding == 0x71 else { return nil }
        let textStart = index + 3
        index = textStart
        while index + 1 < raw.count, !(raw[index] == 0x3F && raw[index + 1] == 0x3D) {
            guard raw[index] > 0x20 else { return nil }
            index += 1
        }
        guard index + 1 < raw.count else { return nil }
        let text = raw[textStart..<index]
        let bytes: [UInt8]
        if encoding == 0x62 {
            bytes = decodeBase64(text).bytes
        } else {
            bytes = decodeQuotedPrintable(text.map { $0 == 0x5F ? 0x20 : $0 })
        }
        return (charset, bytes, index + 2)
    }

    /// Parses an RFC 5322 date, `Fri, 14 Mar 2025 09:30:00 +0100`, with the obsolete forms (two-digit years,
    /// `GMT`, `EST`, no seconds, a trailing `(CET)` comment); other formats go to `DateParser`.
    static func parseDate(_ value: String) -> DateParser.Parsed? {
        var cleaned = ""
        var depth = 0
        for character in value {
            if character == "(" {
                depth += 1
            } else if character == ")" && depth > 0 {
                depth -= 1
            } else if depth == 0 {
                cleaned.append(character == "," ? " " : character)
            }
        }
        var words = cleaned.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        if let first = words.first, first.allSatisfy(\.isLetter), DateParser.monthNames[first.lowercased()] == nil {
            words.removeFirst()
        }
        guard words.count >= 3, let dayOfMonth = Int(words[0]),
            let month = DateParser.monthNames[words[1].lowercased()],
            var year = Int(words[2]), words[2].count >= 2, words[2].count <= 4
        else { return DateParser.parse(value) }
        // RFC 5322 §4.3: two-digit years below 50 are in the 2000s; three-digit years count from 1900.
        if words[2].count == 2 { year += year < 50 ? 2000 : 1900 } else if words[2].count == 3 { year += 1900 }
        guard let day = CivilDate(year: year, month: month, day: dayOfMonth) else { return DateParser.parse(value) }
        var parsed = DateParser.Parsed(day: day, secondsIntoDay: nil, utcOffsetSeconds: nil)
        guard words.count >= 4 else { return parsed }
        let time = words[3].split(separator: ":")
        guard time.count == 2 || time.count == 3, let hour = Int(time[0]), let minute = Int(time[1]), hour < 24,
            minute < 60, hour >= 0, minute >= 0
        else { return parsed }
        let second = time.count == 3 ? Int(time[2]) ?? 0 : 0
        parsed.secondsIntoDay = hour * 3600 + minute * 60 + min(max(second, 0), 59)
        if words.count >= 5 { parsed.utcOffsetSeconds = zoneOffset(words[4]) }
        return parsed
    }

    /// `+0100`, `-0530`, `UT`/`GMT`/`Z`, or a US zone name, in seconds east of UTC; nil when unknown.
    static func zoneOffset(_ zone: String) -> Int? {
        let names: [String: Int] = [
            "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
            "pst": -8, "pdt": -7,
        ]
        if let hours = names[zone.lowercased()] { return hours * 3600 }
        guard zone.count == 5, let sign = zone.first, sign == "+" || sign == "-",
            zone.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), let digits = Int(zone.dropFirst())
        else { return nil }
        let hours = digits / 100
        let minutes = digits % 100
        guard hours <= 14, minutes < 60 else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}
