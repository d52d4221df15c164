import NewsCore

/// One parser of the pure core, fed arbitrary bytes.
///
/// Each case calls the same entry point the daemon reaches for that format, so a crash here is a crash a dropped
/// file could cause. Thrown `ExtractionError`s are the expected answer to bad input and are ignored; only a trap,
/// a sanitizer report, a hang or runaway memory counts as a finding.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// `TextDecoder` and `PlainTextExtractor`: encodings, `key: value` headers, front matter, embeds (`.txt`, `.md`).
    case text
    /// `HTMLReader`: libxml2 parsing, metadata, main-text extraction and date finding (`.html`).
    case html
    /// `MailReader`: RFC 5322 headers, MIME multiparts, transfer encodings, RFC 2047 words, charsets (`.eml`).
    case mail
    /// `JSONParser` and `JSONArticleReader` (`.json`).
    case json
    /// `DateParser` and `DateText` on arbitrary strings.
    case date
    /// `SentenceSplitter`, `EntityRecognizer` and `QuotationExtractor` on arbitrary body text.
    case quotation
    /// `Gzip.decompress` (`.gz`).
    case gzip
    /// `CharsetConverter`: the first line names the charset, the rest is the text in it.
    case charset
    /// `Extractor.extract`: the whole path from a dropped file to an `Article`. The first byte picks the file name
    /// (see `articleFileNames`), so one corpus reaches every reader and `ArticleBuilder` behind it.
    case article

    /// File names the `article` target gives its input, chosen by the input's first byte modulo the count; the
    /// seeds start with `0`…`7` (0x30 is a multiple of 8) to pick one on purpose.
    static let articleFileNames = [
        "story.txt", "story.md", "story.html", "story.eml", "story.json", "story.txt.gz", "story", "story.example.net",
    ]

    /// Gzip output is capped far below the daemon's 64 MiB so a bomb costs milliseconds, not the fuzzer's RSS limit.
    static let gzipLimit = 1 << 20

    /// Runs the parser on `bytes`, discarding the result.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .text:
            if let (text, _) = try? TextDecoder.decode(bytes) { _ = try? PlainTextExtractor().read(text) }
        case .html:
            _ = try? HTMLReader().read(bytes)
        case .mail:
            _ = try? MailReader().read(bytes)
        case .json:
            _ = JSONParser.parse(bytes[...])
            _ = JSONParser.parsePrefix(bytes[...])
            _ = try? JSONArticleReader().read(bytes)
        case .date:
            let text = String(decoding: bytes, as: UTF8.self)
            _ = DateParser.parse(text)
            _ = DateParser.firstWrittenDate(in: text)
            _ = DateText.parseValue(text, order: .dayFirst)
            _ = DateText.parseValue(text, order: .monthFirst)
            _ = DateText.allDates(in: text, order: .monthFirst)
            _ = DateText.mayHoldDate(bytes)
        case .quotation:
            let body = String(decoding: bytes, as: UTF8.self)
            let scalars = Array(body.unicodeScalars)
            _ = SentenceSplitter.split(scalars, from: 0, to: scalars.count)
            let entities = EntityRecognizer().mentions(title: nil, body: body, sentences: [])
            _ = QuotationExtractor().quotations(body: body, sentences: [], entities: entities)
            _ = QuotationExtractor.normalize(body)
        case .gzip:
            _ = try? Gzip.decompress(bytes, limit: Self.gzipLimit)
        case .charset:
            let newline = bytes.firstIndex(of: 0x0A) ?? bytes.endIndex
            let charset = String(decoding: bytes[..<newline], as: UTF8.self)
            _ = CharsetConverter.decode(Array(bytes[min(newline + 1, bytes.endIndex)...]), charset: charset)
        case .article:
            guard let selector = bytes.first else { return }
            let fileName = Self.articleFileNames[Int(selector) % Self.articleFileNames.count]
            let document = RawDocument(
                fileName: fileName, bytes: Array(bytes.dropFirst()),
                arrivalDay: CivilDate(year: 2025, month: 3, day: 14)!)
            _ = try? Extractor().extract(document, contentHash: "")
        }
    }
}
