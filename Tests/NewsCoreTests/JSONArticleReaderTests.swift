import Testing

@testable import NewsCore

@Suite("JSONArticleReader")
struct JSONArticleReaderTests {
    static func read(_ json: String) throws(ExtractionError) -> ExtractedText {
        try JSONArticleReader().read(Array(json.utf8))
    }

    @Test("every documented key is read")
    func allKeys() throws {
        let extracted = try Self.read(
            #"""
            {
              "title": "Ceasefire talks  stall\n in Geneva",
              "date": "2025-03-14T09:30:00+01:00",
              "source": "The Geneva Times",
              "url": "https://example.com/geneva",
              "authors": ["Jane Doe", {"name": "John Roe", "url": "https://example.com/jr"}, null],
              "body": ["Negotiators met in Geneva on Friday.", "  They did not\nagree on terms.  ", "", null],
              "language": "en-GB",
              "tags": ["diplomacy"], "wordCount": 12, "extra": {"nested": [1, 2.5, true, null]}
            }
            """#)
        #expect(extracted.title == "Ceasefire talks stall in Geneva")
        #expect(
            extracted.date
                == DateParser.Parsed(
                    day: CivilDate(year: 2025, month: 3, day: 14)!, secondsIntoDay: 34_200, utcOffsetSeconds: 3600))
        #expect(extracted.dateOrigin == .header)
        #expect(extracted.declaredOutlet == "Geneva Times")
        #expect(extracted.url == "https://example.com/geneva")
        #expect(extracted.authors == ["Jane Doe", "John Roe"])
        #expect(extracted.paragraphs == ["Negotiators met in Geneva on Friday.", "They did not agree on terms."])
        #expect(extracted.headings.isEmpty)
        #expect(extracted.declaredLanguage == "en-GB")
    }

    @Test("aliases: published, outlet, author and text")
    func aliases() throws {
        let extracted = try Self.read(
            #"{"published": "March 14, 2025", "outlet": "Reuters", "author": "Jane Doe; John Roe", "text": "One."}"#)
        #expect(extracted.date?.day == CivilDate(year: 2025, month: 3, day: 14))
        #expect(extracted.declaredOutlet == "Reuters")
        #expect(extracted.authors == ["Jane Doe", "John Roe"])
        #expect(extracted.paragraphs == ["One."])
        #expect(extracted.title == nil)
    }

    @Test("the first listed name wins over its alias, in any order, and keys match without regard to case")
    func precedence() throws {
        let extracted = try Self.read(
            #"{"Text": "Alias body.", "PUBLISHED": "2020-01-01", "Date": "2025-03-14", "Body": "Main body.", "Title": "T"}"#
        )
        #expect(extracted.paragraphs == ["Main body."])
        #expect(extracted.date?.day == CivilDate(year: 2025, month: 3, day: 14))
        #expect(extracted.title == "T")
    }

    @Test("null counts as absent, so an alias still applies")
    func nulls() throws {
        let extracted = try Self.read(#"{"title": null, "body": null, "text": "Fallback text.", "date": null}"#)
        #expect(extracted.title == nil)
        #expect(extracted.paragraphs == ["Fallback text."])
        #expect(extracted.date == nil)
        #expect(extracted.dateOrigin == .arrival)
    }

    @Test("a body string is split into paragraphs at blank lines, and short lines are headings")
    func bodyString() throws {
        let extracted = try Self.read(
            #"{"title": "T", "body": "First paragraph\nwraps here.\n\nNATO Tensions\n\nSecond paragraph."}"#)
        #expect(extracted.paragraphs == ["First paragraph wraps here.", "NATO Tensions", "Second paragraph."])
        #expect(extracted.headings == [1])
    }

    @Test(
        "dates: ISO 8601, written, seconds or milliseconds since 1970; unreadable strings are ignored",
        arguments: [
            (#""2025-03-14""#, "2025-03-14", nil, nil),
            (#""2025-03-14T08:30:00Z""#, "2025-03-14", 30_600, 0),
            (#""Friday, March 14, 2025""#, "2025-03-14", nil, nil),
            ("1741941000", "2025-03-14", 30_600, 0),
            ("1741941000.75", "2025-03-14", 30_600, 0),
            ("1741941000000", "2025-03-14", 30_600, 0),
        ] as [(String, String, Int?, Int?)]
    )
    func dates(json: String, day: String, seconds: Int?, offset: Int?) throws {
        let extracted = try Self.read(#"{"title": "T", "date": \#(json)}"#)
        #expect(
            extracted.date
                == DateParser.Parsed(day: CivilDate(iso: day)!, secondsIntoDay: seconds, utcOffsetSeconds: offset))
        #expect(extracted.dateOrigin == .header)
    }

    @Test("dates that cannot be read leave the arrival day", arguments: [#""yesterday""#, "-5", "1e300", #""""#])
    func unreadableDates(json: String) throws {
        let extracted = try Self.read(#"{"title": "T", "date": \#(json)}"#)
        #expect(extracted.date == nil)
        #expect(extracted.dateOrigin == .arrival)
    }

    @Test("escapes, surrogate pairs and non-ASCII text")
    func escapes() throws {
        let extracted = try Self.read(#"{"title": "Caf\u00e9 \ud83d\ude00 \"quoted\" \/ Zürich", "body": "x"}"#)
        #expect(extracted.title == "Café 😀 \"quoted\" / Zürich")
    }

    @Test("a UTF-8 byte-order mark is skipped and UTF-16 with a mark is read")
    func byteOrderMarks() throws {
        let json = #"{"title": "Grüße", "body": "Text."}"#
        #expect(try JSONArticleReader().read([0xEF, 0xBB, 0xBF] + Array(json.utf8)).title == "Grüße")
        let utf16 = json.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try JSONArticleReader().read([0xFF, 0xFE] + utf16).title == "Grüße")
    }

    @Test("a title alone is an article; neither title nor text is not")
    func minimal() throws {
        #expect(try Self.read(#"{"title": "Only a title"}"#).paragraphs.isEmpty)
        #expect(throws: ExtractionError.noReadableText) { try Self.read(#"{"url": "https://example.com"}"#) }
        #expect(throws: ExtractionError.noReadableText) { try Self.read(#"{"title": "  ", "body": ["", " "]}"#) }
        #expect(throws: ExtractionError.noReadableText) { try Self.read("{}") }
    }

    @Test(
        "files that are not one article object are rejected with a reason",
        arguments: [
            ("", ExtractionError.emptyDocument),
            (" \n\t ", .emptyDocument),
            (#"{"title": "T""#, .invalidJSON),
            (#"{"title": 'T'}"#, .invalidJSON),
            (#"{"title": "T"} trailing"#, .invalidJSON),
            ("not json", .invalidJSON),
            (
                #"[{"title": "A"}, {"title": "B"}]"#,
                .unexpectedJSON(reason: "the top level is an array; put each article in its own .json file")
            ),
            (#""just a string""#, .unexpectedJSON(reason: "the top level is a string, not an object")),
            ("42", .unexpectedJSON(reason: "the top level is a number, not an object")),
            ("null", .unexpectedJSON(reason: "the top level is null, not an object")),
            (#"{"title": 42}"#, .unexpectedJSON(reason: #""title" must be a string, not a number"#)),
            (#"{"Title": ["a"]}"#, .unexpectedJSON(reason: #""Title" must be a string, not a list"#)),
            (
                #"{"body": {"text": "x"}}"#,
                .unexpectedJSON(reason: #""body" must be a string or a list of strings, not an object"#)
            ),
            (
                #"{"text": ["a", 1]}"#,
                .unexpectedJSON(reason: #""text" must be a string or a list of strings, not a list holding a number"#)
            ),
            (
                #"{"title": "T", "authors": 3}"#,
                .unexpectedJSON(
                    reason:
                        #""authors" must be a string, or a list of strings or of objects with a "name", not a number"#
                )
            ),
            (
                #"{"title": "T", "date": true}"#,
                .unexpectedJSON(
                    reason: #""date" must be an ISO 8601 string or seconds since 1970, not true or false"#)
            ),
        ] as [(String, ExtractionError)]
    )
    func rejected(json: String, error: ExtractionError) {
        #expect(throws: error) { try Self.read(json) }
    }

    @Test("hostile nesting is rejected, not a stack overflow")
    func deepNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: ExtractionError.invalidJSON) { try Self.read(#"{"title": "T", "extra": \#(deep)}"#) }
    }

    @Test("the Extractor reads .json files with JSONArticleReader")
    func extractorDispatch() throws {
        let extracted = try Extractor().read(Array(#"{"title": "Via extractor"}"#.utf8), fileName: "story.JSON")
        #expect(extracted.title == "Via extractor")
    }
}
