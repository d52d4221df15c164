/// Understands `.txt` and `.md` articles as people, scrapers and feed exporters write them.
///
/// Conventions it reads:
/// - `key: value` header lines at the top (`title`, `date`, `source`/`outlet`, `url`, `by`/`author`) and Markdown
///   front matter between `---` lines;
/// - a `date YYYY-MM-DD` header sharing its line with the first sentence;
/// - a first line that is a title (short, not ending like a sentence);
/// - attribution lines such as `From The New York Post:`;
/// - a trailing social-media embed line with its own date: `— New York Post (@nypost) March 14, 2025`.
package struct PlainTextExtractor: Sendable {
    package init() {}

    static let headerKeys: [String: HeaderField] = [
        "title": .title, "headline": .title, "date": .date, "published": .date, "pubdate": .date,
        "source": .source, "outlet": .source, "publisher": .source, "site": .source, "url": .url, "link": .url,
        "by": .author, "author": .author, "authors": .author, "byline": .author,
    ]

    enum HeaderField { case title, date, source, url, author }

    /// Reads the structure of a decoded text file.
    ///
    /// - Throws: `ExtractionError.noReadableText` when nothing but headers is left.
    package func read(_ rawText: String) throws(ExtractionError) -> ExtractedText {
        var lines = Self.normalizedLines(rawText)
        var header = Header()
        Self.readFrontMatter(&lines, into: &header)
        Self.readHeaderLines(&lines, into: &header)
        Self.readInlineDateHeader(&lines, into: &header)
        while let first = lines.first, first.trimmingWhitespace().isEmpty { lines.removeFirst() }
        if header.title == nil, let title = Self.titleLine(lines) {
            header.title = title
            lines.removeFirst()
            // Feed exporters often put `date …`, `source …` and `url …` lines under the headline.
            Self.readHeaderLines(&lines, into: &header)
        }

        var extracted = ExtractedText()
        var attributedOutlet: String?
        var embed: (outlet: String?, date: DateParser.Parsed?)?
        for paragraph in Self.paragraphs(lines) {
            if let outlet = Self.attributionOutlet(paragraph) {
                attributedOutlet = attributedOutlet ?? outlet
                continue
            }
            if let found = Self.embedLine(paragraph) {
                embed = found
                continue
            }
            let paragraph = Self.removingLinks(paragraph)
            guard !paragraph.isEmpty else { continue }
            if Self.isHeading(paragraph) { extracted.headings.insert(extracted.paragraphs.count) }
            extracted.paragraphs.append(paragraph)
        }
        guard extracted.paragraphs.contains(where: { !$0.isEmpty }) || header.title != nil else {
            throw .noReadableText
        }
        if let date = header.date {
            extracted.date = date
            extracted.dateOrigin = .header
        } else if let date = embed?.date {
            extracted.date = date
            extracted.dateOrigin = .embed
        }
        extracted.title = header.title.map(Self.cleanTitle)
        extracted.declaredOutlet = header.source.map(Outlet.canonicalName)
        extracted.inferredOutlet = attributedOutlet ?? embed?.outlet
        extracted.authors = header.authors
        extracted.url = header.url
        return extracted
    }

    struct Header {
        var title: String?
        var date: DateParser.Parsed?
        var source: String?
        var url: String?
        var authors: [String] = []

        mutating func apply(_ field: HeaderField, _ value: String) {
            guard !value.isEmpty else { return }
            switch field {
            case .title: title = title ?? value
            case .date: date = date ?? DateParser.parse(value)
            case .source: source = source ?? value
            case .url: url = url ?? value
            case .author:
                authors += value.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingWhitespace() }
                    .filter { !$0.isEmpty }
            }
        }
    }

    /// The lines of `text`, split at LF, CRLF or CR.
    ///
    /// Found by a scan of the UTF-8 bytes: splitting the `Character`s broke the whole text into grapheme clusters
    /// first, 14 % of extraction's instructions (callgrind). A line break is always a grapheme boundary (UAX #29,
    /// GB4-GB5), so the byte offsets cut the text where the characters did.
    static func normalizedLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else {
                bytes.formIndex(after: &index)
                continue
            }
            lines.append(text[lineStart..<index])
            bytes.formIndex(after: &index)
            if byte == UInt8(ascii: "\r"), index < bytes.endIndex, bytes[index] == UInt8(ascii: "\n") {
                bytes.formIndex(after: &index)
            }
            lineStart = index
        }
        lines.append(text[lineStart..<bytes.endIndex])
        return lines
    }

    static func headerPair(_ line: Substring) -> (HeaderField, String)? {
        if let pair = spacedHeaderPair(line) { return pair }
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmingWhitespace().lowercased()
        guard let field = headerKeys[key] else { return nil }
        var value = line[line.index(after: colon)...].trimmingWhitespace()
        if value.count >= 2, let first = value.first, let last = value.last,
            (first == "\"" && last == "\"") || (first == "'" && last == "'")
        {
            value = String(value.dropFirst().dropLast())
        }
        return (field, value)
    }

    /// `date 2014-03-11T12:19:07Z`, `source USA TODAY`, `url http://…`: a key and a space, accepted only when the
    /// value has the key's shape, so that prose such as "Source code was leaked" stays prose.
    static func spacedHeaderPair(_ line: Substring) -> (HeaderField, String)? {
        let trimmed = line.trimmingWhitespace()
        guard let space = trimmed.firstIndex(of: " ") else { return nil }
        let key = trimmed[..<space].lowercased()
        let value = trimmed[trimmed.index(after: space)...].trimmingWhitespace()
        guard !value.isEmpty, !key.hasSuffix(":") else { return nil }
        switch key {
        case "date", "published":
            return DateParser.parse(value) != nil ? (.date, value) : nil
        case "url", "link":
            return value.hasPrefix("http://") || value.hasPrefix("https://") ? (.url, value) : nil
        case "source", "outlet", "publisher":
            let words = value.split(separator: " ").count
            return words <= 8 && !".!?".contains(value.last!) ? (.source, value) : nil
        case "by":
            let words = value.split(separator: " ").count
            return words <= 6 && value.first?.isUppercase == true && !".!?".contains(value.last!) ? (.author, value) : nil
        default:
            return nil
        }
    }

    static func readFrontMatter(_ lines: inout [Substring], into header: inout Header) {
        guard lines.first?.trimmingWhitespace() == "---",
            let close = lines.dropFirst().firstIndex(where: { $0.trimmingWhitespace() == "---" })
        else { return }
        for line in lines[1..<close] {
            if let (field, value) = headerPair(line) { header.apply(field, value) }
        }
        lines.removeSubrange(0...close)
    }

    static func readHeaderLines(_ lines: inout [Substring], into header: inout Header) {
        var consumed = 0
        for line in lines {
            if line.trimmingWhitespace().isEmpty {
                if consumed > 0 { consumed += 1 }
                break
            }
            guard let (field, value) = headerPair(line) else { break }
            if field == .date, DateParser.parse(value) == nil, let split = splitLeadingDate(value) {
                // `date: 2025-03-14 Putin has spoken today.`: the rest of the line is the first sentence.
                header.date = header.date ?? split.date
                lines.removeFirst(consumed)
                lines[0] = Substring(split.rest)
                return
            }
            header.apply(field, value)
            consumed += 1
        }
        // Only a block of at least one recognised key counts; a lone "Source: ..." sentence in the body is prose.
        if consumed > 0 { lines.removeFirst(min(consumed, lines.count)) }
    }

    /// A value that starts with a date and goes on with prose: the date and the prose.
    static func splitLeadingDate(_ value: String) -> (date: DateParser.Parsed, rest: String)? {
        let words = value.split(separator: " ", maxSplits: 1)
        guard words.count == 2, let date = DateParser.parse(words[0]) else { return nil }
        return (date, String(words[1]))
    }

    /// ` date 2025-03-14 Putin has also proposed …`: the date header shares its line with the first sentence.
    static func readInlineDateHeader(_ lines: inout [Substring], into header: inout Header) {
        guard let index = lines.firstIndex(where: { !$0.trimmingWhitespace().isEmpty }) else { return }
        let line = lines[index].trimmingWhitespace()
        let lower = line.lowercased()
        guard lower.hasPrefix("date ") || lower.hasPrefix("date:") else { return }
        let rest = line.dropFirst(5).trimmingWhitespace()
        let candidate = rest.prefix(10)
        guard let date = DateParser.parse(candidate) else { return }
        var remainder = rest.dropFirst(10)[...]
        // Keep a time if the header carries one (`date 2025-03-14T09:00:00Z …`).
        if let spaceIndex = rest.firstIndex(of: " "), let full = DateParser.parse(rest[..<spaceIndex]) {
            header.date = header.date ?? full
            remainder = rest[spaceIndex...]
        } else {
            header.date = header.date ?? date
        }
        lines[index] = Substring(remainder.trimmingWhitespace())
    }

    /// The first line, when it reads as a title: short, followed by text, not ending like a sentence.
    static func titleLine(_ lines: [Substring]) -> String? {
        guard let first = lines.first, lines.count > 1 else { return nil }
        let line = withoutHeadingMarker(first.trimmingWhitespace())
        let words = line.split(separator: " ")
        guard !line.isEmpty, words.count <= 25, line.count <= 250 else { return nil }
        guard lines.dropFirst().contains(where: { !$0.trimmingWhitespace().isEmpty }) else { return nil }
        // A line with header lines right under it (`date …`, `source …`) is a feed exporter's headline, whatever
        // it ends with: "Snowden Inc.", "Watch This If You Liked:" or a headline written as a sentence.
        let next = lines[1].trimmingWhitespace()
        if headerPair(Substring(next)) != nil { return line }
        if line.hasSuffix(":") { return nil }
        // A line carried on in lower case right under it is the first line of a hard-wrapped paragraph (newswire
        // copy wrapped at 70 columns), not a headline: taking it as one cut the lead sentence in two.
        if next.unicodeScalars.first?.properties.isLowercase == true { return nil }
        // The same, carried on in capitals ("… groups said / Friday that …"): in copy wrapped at a fixed width, a
        // first line as long as the others that stops mid-sentence, with the text running on right under it, is
        // the lead's first line. Text is wrapped at 60 columns or more, and a headline in such a file is shorter
        // than the width or set off by a blank line.
        if !next.isEmpty, line.count >= 50, !endsSentence(line), let width = hardWrapWidth(lines),
            Double(line.count) >= 0.9 * Double(width)
        {
            return nil
        }
        // Headlines do not end with a period, except in capitals or tokenised copy ("… WIN .").
        if line.hasSuffix(".") && !line.hasSuffix("...") && !line.hasSuffix(" .") && line.uppercased() != line {
            return nil
        }
        return line
    }

    static func cleanTitle(_ title: String) -> String {
        withoutHeadingMarker(title.trimmingWhitespace())
    }

    /// The line without a Markdown heading's marker: one to six `#` and then a space or the line's end. A `#`
    /// followed by a word is a hashtag and part of the text ("#BanBossy: Sheryl Sandberg …").
    static func withoutHeadingMarker(_ line: String) -> String {
        let marks = line.prefix(while: { $0 == "#" }).count
        guard marks > 0, marks <= 6 else { return line }
        let rest = line.dropFirst(marks)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return line }
        return rest.trimmingWhitespace()
    }

    /// Paragraphs split at blank lines; when a text has none, each line is a paragraph.
    static func paragraphs(_ lines: [Substring]) -> [String] {
        var result: [String] = []
        var current: [String] = []
        // Only a blank line between two lines of text separates paragraphs; a file's final newline does not.
        let textLines = lines.indices.filter { !lines[$0].trimmingWhitespace().isEmpty }
        let hasBlankLines =
            textLines.count > 1
            && (textLines.first!...textLines.last!).contains { lines[$0].trimmingWhitespace().isEmpty }
        func flush() {
            if !current.isEmpty { result.append(current.joined(separator: " ")) }
            current = []
        }
        if !hasBlankLines, let wrapped = reflowHardWrapped(lines) { return wrapped }
        for line in lines {
            let trimmed = withoutHeadingMarker(line.trimmingWhitespace())
            if trimmed.isEmpty {
                flush()
            } else if hasBlankLines {
                current.append(trimmed)
            } else {
                current.append(trimmed)
                flush()
            }
        }
        flush()
        return result
    }

    /// Text wrapped at a fixed width (wire copy, e-mail) has no blank lines and most lines stop mid-sentence.
    /// Such lines are joined; a paragraph ends only at a line that closes a sentence well short of the width.
    static func reflowHardWrapped(_ lines: [Substring]) -> [String]? {
        guard let width = hardWrapWidth(lines) else { return nil }
        var paragraphs: [String] = []
        var current: [String] = []
        for line in lines.map({ $0.trimmingWhitespace() }) where !line.isEmpty {
            current.append(line)
            if endsSentence(line) && Double(line.count) < 0.7 * Double(width) {
                paragraphs.append(current.joined(separator: " "))
                current = []
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs
    }

    /// The width a text is wrapped at (its median line length), when at least half of its lines but the last stop
    /// mid-sentence; nil for text of fewer than three lines or written a paragraph to a line.
    ///
    /// Three lines are enough: a three-line story's lead wrapped at 70 columns was otherwise read as three
    /// paragraphs, and its sentence cut in three.
    static func hardWrapWidth(_ lines: [Substring]) -> Int? {
        let text = lines.map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard text.count >= 3 else { return nil }
        let midSentence = text.dropLast().filter { !endsSentence($0) }.count
        guard Double(midSentence) >= 0.5 * Double(text.count - 1) else { return nil }
        return text.map(\.count).sorted()[text.count / 2]
    }

    static func endsSentence(_ line: String) -> Bool {
        guard let last = line.last else { return false }
        return ".!?\"”’:;…)".contains(last)
    }

    /// `From The New York Post:` names the outlet the following text comes from.
    static func attributionOutlet(_ paragraph: String) -> String? {
        guard paragraph.hasSuffix(":") else { return nil }
        let words = paragraph.dropLast().split(separator: " ")
        guard words.count >= 2, words.count <= 7, let lead = words.first?.lowercased(),
            ["from", "via", "source", "courtesy"].contains(lead)
        else { return nil }
        var nameWords = words.dropFirst()
        if nameWords.first?.lowercased() == "of" { nameWords = nameWords.dropFirst() }
        guard nameWords.allSatisfy({ $0.first?.isUppercase ?? false }) else { return nil }
        return Outlet.canonicalName(nameWords.joined(separator: " "))
    }

    /// `— New York Post (@nypost) March 14, 2025`: an embedded post's closing line, with its outlet and date.
    static func embedLine(_ paragraph: String) -> (outlet: String?, date: DateParser.Parsed?)? {
        var text = Substring(paragraph)
        guard let first = text.first, first == "—" || first == "–" || text.hasPrefix("-- ") || text.hasPrefix("- ")
        else { return nil }
        text = text.drop(while: { $0 == "—" || $0 == "–" || $0 == "-" || $0 == " " })
        guard let open = text.firstIndex(of: "("), text[open...].dropFirst().first == "@",
            let close = text[open...].firstIndex(of: ")")
        else { return nil }
        let name = text[..<open].trimmingWhitespace()
        // Without a date after the handle it is a list item that mentions someone, not an embed's closing line.
        guard let date = DateParser.firstWrittenDate(in: text[text.index(after: close)...]) else { return nil }
        return (name.isEmpty ? nil : Outlet.canonicalName(name), date)
    }

    /// The paragraph without bare links (`https://t.co/…`, `pic.twitter.com/…`), which embeds and feeds leave in the
    /// text and which no reader wants in a summary.
    static func removingLinks(_ paragraph: String) -> String {
        // Most paragraphs hold no link at all; finding none of the prefixes anywhere spares splitting them.
        guard mayContainLink(paragraph) else { return paragraph }
        let words = paragraph.split(separator: " ", omittingEmptySubsequences: true)
        let kept = words.filter { word in
            !(word.hasPrefix("http://") || word.hasPrefix("https://") || word.hasPrefix("pic.twitter.com/")
                || word.hasPrefix("www."))
        }
        return kept.count == words.count ? paragraph : kept.joined(separator: " ")
    }

    /// True when one of the prefixes `removingLinks` looks for occurs anywhere in `paragraph`. They are plain ASCII
    /// with no canonical equivalents, so when their bytes are absent no word can start with them.
    static func mayContainLink(_ paragraph: String) -> Bool {
        var paragraph = paragraph
        return paragraph.withUTF8 { bytes in
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte == UInt8(ascii: "h") || byte == UInt8(ascii: "p") || byte == UInt8(ascii: "w") else { continue }
                for prefix in linkPrefixBytes where prefix[0] == byte && bytes.count - index >= prefix.count {
                    if bytes[index..<(index + prefix.count)].elementsEqual(prefix) { return true }
                }
            }
            return false
        }
    }

    static let linkPrefixBytes: [[UInt8]] = ["http://", "https://", "pic.twitter.com/", "www."].map { Array($0.utf8) }

    /// A short line with no closing punctuation, such as `NATO Tensions`, is a subheading, not a sentence.
    static func isHeading(_ paragraph: String) -> Bool {
        // The punctuation test first: most paragraphs end a sentence, and then the words need not be counted.
        guard let last = paragraph.last, !".!?\"”’:;…)".contains(last) else { return false }
        return paragraph.split(separator: " ").count <= 10
    }
}
