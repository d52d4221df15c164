import Testing

@testable import NewsCore

@Suite("MailReader")
struct MailReaderTests {
    /// The message with CRLF line endings, as mail is stored.
    static func eml(_ text: String) -> [UInt8] {
        Array(text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n").utf8)
    }

    static func read(_ text: String) throws(ExtractionError) -> ExtractedText { try MailReader().read(eml(text)) }

    // MARK: Headers

    @Test("subject, date and sender become title, date and outlet; folded headers are unfolded")
    func headers() throws {
        let extracted = try Self.read(
            """
            Return-Path: <news@example.com>
            From: The Daily Brief <news@example.com>
            To: reader@example.org
            Subject: Ministers agree
             on the 2025 budget
            Date: Fri, 14 Mar 2025 09:30:00 +0100
            Content-Language: en-GB
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            Good morning!

            Ministers agreed on the budget on Friday. The vote is next week.
            """)
        #expect(extracted.title == "Ministers agree on the 2025 budget")
        #expect(
            extracted.date
                == DateParser.Parsed(
                    day: CivilDate(year: 2025, month: 3, day: 14)!, secondsIntoDay: 34_200, utcOffsetSeconds: 3600))
        #expect(extracted.dateOrigin == .header)
        #expect(extracted.inferredOutlet == "The Daily Brief")
        #expect(extracted.declaredOutlet == nil)
        #expect(extracted.declaredLanguage == "en-GB")
        // The first line is text, not a title, when the subject is the title.
        #expect(
            extracted.paragraphs == [
                "Good morning!", "Ministers agreed on the budget on Friday. The vote is next week.",
            ])
    }

    @Test("the mail headers win over headers in the body, which still give the outlet")
    func bodyHeaders() throws {
        let extracted = try Self.read(
            """
            From: Alerts <alerts@example.com>
            Subject: Rates held
            Date: Fri, 14 Mar 2025 09:30:00 +0000

            Date: 2024-01-01
            Source: Reuters

            The central bank held rates on Friday.
            """)
        #expect(extracted.title == "Rates held")
        #expect(extracted.date?.day == CivilDate(year: 2025, month: 3, day: 14))
        #expect(extracted.declaredOutlet == "Reuters")
        #expect(extracted.paragraphs == ["The central bank held rates on Friday."])
    }

    @Test(
        "RFC 2047 encoded-words in the subject",
        arguments: [
            ("=?UTF-8?B?R3LDvMOfZSBhdXMgWsO8cmljaCDigJMgQXVzZ2FiZSAxMg==?=", "Grüße aus Zürich – Ausgabe 12"),
            ("=?ISO-8859-1?Q?Caf=E9_society_returns?=", "Café society returns"),
            ("=?iso-8859-1?q?caf=e9?= and more", "café and more"),
            // Whitespace between adjacent encoded-words is dropped.
            ("=?UTF-8?Q?Hello_?= =?UTF-8?Q?world?=", "Hello world"),
            // A UTF-8 character split across two words.
            ("=?UTF-8?B?5pel5pys6Kqe44Gu4w==?=\n =?UTF-8?B?g4vjg6Xjg7zjgrk=?=", "日本語のニュース"),
            ("Daily: =?KOI8-R?B?8NLB18nUxczY09TXzw==?= news", "Daily: Правительство news"),
            ("=?UTF-8*en?Q?Language_tag?=", "Language tag"),
            ("=?x-unknown?Q?Plain_text?=", "Plain text"),
            ("What =? means", "What =? means"),
            ("=?UTF-8?Q?unterminated", "=?UTF-8?Q?unterminated"),
            ("Fwd: Re: The week", "The week"),
            ("Raw UTF-8 subject: café", "Raw UTF-8 subject: café"),
        ]
    )
    func encodedSubjects(raw: String, expected: String) throws {
        let extracted = try Self.read("Subject: \(raw)\n\nBody text goes here.")
        #expect(extracted.title == expected)
    }

    @Test(
        "the sender's display name is the outlet",
        arguments: [
            ("The Daily Brief <news@example.com>", "The Daily Brief"),
            ("\"The Daily Brief\" <news@example.com>", "The Daily Brief"),
            ("\"Brief, The \\\"Daily\\\"\" <news@example.com>", "Brief, The \"Daily\""),
            ("news@example.com (The Daily Brief)", "The Daily Brief"),
            ("=?UTF-8?Q?S=C3=BCddeutsche_Zeitung?= <sz@example.de>", "Süddeutsche Zeitung"),
            ("\"=?ISO-8859-1?Q?Le_Monde_=E9dition?=\" <lm@example.fr>", "Le Monde édition"),
            ("First Outlet <a@example.com>, Second <b@example.com>", "First Outlet"),
            ("Jane (Editor) <jane@example.com>", "Jane"),
        ]
    )
    func senders(from: String, expected: String) throws {
        let extracted = try Self.read("From: \(from)\nSubject: S\n\nBody text goes here.")
        #expect(extracted.inferredOutlet == expected)
    }

    @Test(
        "senders without a display name give no outlet",
        arguments: [
            "news@example.com", "<news@example.com>",
            "\"news@example.com\" <news@example.com>", "",
        ])
    func sendersWithoutName(from: String) throws {
        let extracted = try Self.read("From: \(from)\nSubject: S\n\nBody text goes here.")
        #expect(extracted.inferredOutlet == nil)
    }

    @Test(
        "RFC 5322 dates, obsolete forms included",
        arguments: [
            ("Fri, 14 Mar 2025 09:30:00 +0100", "2025-03-14", 34_200, 3600),
            ("14 Mar 2025 09:30 GMT", "2025-03-14", 34_200, 0),
            ("Fri, 14 Mar 25 09:30:00 -0500 (EST)", "2025-03-14", 34_200, -18_000),
            ("Fri,14 Mar 2025 23:59:60 -0430", "2025-03-14", 86_399, -16_200),
            ("  Fri, 7 Mar 1999 00:00:00 PDT", "1999-03-07", 0, -25_200),
            ("Fri, 14 Mar 2025 09:30:00 XYZ", "2025-03-14", 34_200, nil),
            ("Fri, 14 Mar 2025", "2025-03-14", nil, nil),
            ("Fri, 14 Mar 2025 9h30", "2025-03-14", nil, nil),
            ("2025-03-14T09:30:00Z", "2025-03-14", 34_200, 0),
        ] as [(String, String, Int?, Int?)]
    )
    func dates(header: String, day: String, seconds: Int?, offset: Int?) {
        #expect(
            MailReader.parseDate(header)
                == DateParser.Parsed(day: CivilDate(iso: day)!, secondsIntoDay: seconds, utcOffsetSeconds: offset))
    }

    @Test("unreadable dates give none", arguments: ["", "soon", "Fri, 31 Feb 2025 09:00:00 +0000", "99 Foo 2025"])
    func badDates(header: String) {
        #expect(MailReader.parseDate(header) == nil)
    }

    // MARK: MIME

    static let alternative = """
        From: The Daily Brief <news@example.com>
        Subject: Budget day
        Date: Fri, 14 Mar 2025 09:30:00 +0100
        MIME-Version: 1.0
        Content-Type: multipart/alternative; boundary="=_alt_1"

        This is a multi-part message in MIME format.

        --=_alt_1
        Content-Type: text/plain; charset="utf-8"
        Content-Transfer-Encoding: quoted-printable

        Ministers agreed on the budget on Friday. The caf=C3=A9 closed early, and th=
        e vote is next week.
        --=_alt_1
        Content-Type: text/html; charset="utf-8"
        Content-Transfer-Encoding: base64

        \(htmlBase64)
        --=_alt_1--
        Epilogue text that is not part of any part.
        """
    static let htmlBase64 =
        "PGh0bWw+PGJvZHk+PHA+TWluaXN0ZXJzIGFncmVlZCBvbiB0aGUgYnVkZ2V0IG9uIEZyaWRheS48L3A+PHA+VGhlIHZvdGUgaXMgbmV4dCB3"
        + "ZWVrLjwvcD48L2JvZHk+PC9odG1sPg=="

    @Test("multipart/alternative offers the HTML part first and keeps the quoted-printable text part")
    func alternativeParts() throws {
        let message = MailReader.Part(parsing: Self.eml(Self.alternative)[...], isMessage: true)
        var notes = MailReader.Notes()
        let content = MailReader.content(of: message, depth: 0, notes: &notes)
        let html = try #require(content.html)
        #expect(html.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: html.dropFirst(3), as: UTF8.self).hasPrefix("<html><body><p>Ministers agreed"))
        #expect(
            content.plain
                == "Ministers agreed on the budget on Friday. The café closed early, and the vote is next week.")
        #expect(notes.problems.isEmpty)
    }

    @Test("multipart/alternative gives the article whichever part is read")
    func alternativeArticle() throws {
        let extracted = try Self.read(Self.alternative)
        #expect(extracted.title == "Budget day")
        #expect(extracted.inferredOutlet == "The Daily Brief")
        #expect(extracted.date?.secondsIntoDay == 34_200)
        #expect(extracted.paragraphs.joined(separator: " ").contains("Ministers agreed on the budget on Friday."))
    }

    @Test("HTML that gives no article falls back to the text/plain alternative")
    func htmlFallback() throws {
        let extracted = try Self.read(
            """
            Subject: Fallback
            Content-Type: multipart/alternative; boundary=b

            --b
            Content-Type: text/plain

            Plain text wins here.
            --b
            Content-Type: text/html

            <html><body></body></html>
            --b--
            """)
        #expect(extracted.paragraphs == ["Plain text wins here."])
    }

    @Test("the HTML alternative is preferred, and its charset wins over a stale <meta charset>")
    func htmlPreferred() throws {
        let extracted = try Self.read(
            """
            Subject: HTML wins
            Content-Type: multipart/alternative; boundary=b

            --b
            Content-Type: text/plain

            The plain-text alternative says something else entirely.
            --b
            Content-Type: text/html; charset=koi8-r
            Content-Transfer-Encoding: quoted-printable

            <html><head><meta charset=3D"windows-1252"></head><body>
            <p>The bank met in =ED=CF=D3=CB=D7=C1 on Friday and held its rates.</p>
            </body></html>
            --b--
            """)
        #expect(extracted.title == "HTML wins")
        #expect(extracted.paragraphs.joined(separator: " ").contains("The bank met in Москва on Friday"))
    }

    @Test("an HTML part in a named charset is handed on as UTF-8 with a byte-order mark")
    func htmlCharset() throws {
        var notes = MailReader.Notes()
        var type = MailReader.MediaType("text/html; charset=ISO-8859-1")
        let content = MailReader.textContent(
            Array("<p>H\u{E9}</p>".unicodeScalars.map { UInt8($0.value) }),
            type: type, notes: &notes)
        #expect(content.html == [0xEF, 0xBB, 0xBF] + Array("<p>Hé</p>".utf8))
        type.parameters = [:]
        let raw = MailReader.textContent([0x3C, 0x70, 0x3E, 0xE9], type: type, notes: &notes)
        #expect(raw.html == [0x3C, 0x70, 0x3E, 0xE9])
    }

    @Test(
        "text parts in other charsets are converted",
        arguments: [
            (
                "iso-8859-2", "quoted-printable", "Za=BF=F3=B3=E6 g=EA=B6l=B1 ja=BC=F1. Rz=B1d przyj=B1=B3 bud=BFet.",
                "Zażółć gęślą jaźń. Rząd przyjął budżet."
            ),
            (
                "KOI8-R", "base64", "8NLB18nUxczY09TXzyDPwt/R18nMzyDOz9fZyiDCwMTWxdQu",
                "Правительство объявило новый бюджет."
            ),
            ("Shift_JIS", "base64", "k4yLnoLFjvGUXYnvi2OCqopKgqmC6oK9gUI=", "東京で首脳会議が開かれた。"),
            ("gb2312", "base64", "sbG+qbeisrzQws7FoaM=", "北京发布新闻。"),
            ("x-unknown-charset", "8bit", "Unknown charsets are read as UTF-8.", "Unknown charsets are read as UTF-8."),
        ]
    )
    func charsets(charset: String, encoding: String, body: String, expected: String) throws {
        let extracted = try Self.read(
            """
            Subject: Charset
            Content-Type: text/plain; charset="\(charset)"
            Content-Transfer-Encoding: \(encoding)

            \(body)
            """)
        #expect(extracted.paragraphs == [expected])
    }

    @Test("multipart/mixed reads the inline text and skips attachments")
    func mixedWithAttachment() throws {
        let extracted = try Self.read(
            """
            Subject: Mixed
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: multipart/related; boundary=rel

            --rel
            Content-Type: multipart/alternative; boundary=alt

            --alt
            Content-Type: text/plain; charset=us-ascii

            Nested text part.
            --alt--
            --rel
            Content-Type: image/png
            Content-Transfer-Encoding: base64

            iVBORw0KGgo=
            --rel--
            --outer
            Content-Type: text/plain; name=notes.txt
            Content-Disposition: attachment; filename=notes.txt

            Attached notes are not the article.
            --outer
            Content-Type: application/pdf
            Content-Disposition: attachment

            JVBERi0=
            --outer--
            """)
        #expect(extracted.paragraphs == ["Nested text part."])
    }

    @Test("a text attachment is read when nothing else is text")
    func textAttachmentOnly() throws {
        let extracted = try Self.read(
            """
            Subject: Attachment
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: image/jpeg

            xx
            --b
            Content-Type: text/plain
            Content-Disposition: attachment; filename=story.txt

            The story is in the attachment.
            --b--
            """)
        #expect(extracted.paragraphs == ["The story is in the attachment."])
    }

    @Test("a message with only non-text attachments names what it holds")
    func onlyAttachments() {
        #expect(throws: ExtractionError.mailWithoutText(partTypes: ["application/pdf", "image/png"])) {
            try Self.read(
                """
                Subject: Scans
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: application/pdf

                JVBERi0=
                --b
                Content-Type: image/png

                iVBORw0KGgo=
                --b
                Content-Type: application/pdf

                JVBERi0=
                --b--
                """)
        }
    }

    @Test("a forwarded message/rfc822 part is read")
    func forwardedMessage() throws {
        let extracted = try Self.read(
            """
            From: Reader <reader@example.org>
            Subject: Fwd: Morning edition
            Content-Type: multipart/mixed; boundary=fwd

            --fwd
            Content-Type: message/rfc822

            From: The Morning <am@example.com>
            Subject: Morning edition
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            The forwarded newsletter's caf=E9 story.
            --fwd--
            """)
        #expect(extracted.title == "Morning edition")
        #expect(extracted.paragraphs == ["The forwarded newsletter's café story."])
        // The outer headers describe the message as filed, so the forwarder's name is the outlet.
        #expect(extracted.inferredOutlet == "Reader")
    }

    @Test("format=flowed text is unwrapped")
    func flowed() throws {
        let extracted = try Self.read(
            "Subject: Flowed\nContent-Type: text/plain; charset=utf-8; format=flowed\n\n"
                + "A long line that was wrapped \nby the sender's client.\n From the stuffed line.")
        #expect(
            extracted.paragraphs == ["A long line that was wrapped by the sender's client.", "From the stuffed line."])
    }

    // MARK: Broken input

    @Test("a missing closing boundary ends the last part at the end of the file")
    func missingClosingBoundary() throws {
        let extracted = try Self.read(
            """
            Subject: Cut short
            Content-Type: multipart/alternative; boundary="xyz"

            --xyz
            Content-Type: text/plain

            The text survives the missing end.
            """)
        #expect(extracted.paragraphs == ["The text survives the missing end."])
    }

    @Test("a multipart without a usable boundary parameter uses its first delimiter line")
    func inferredBoundary() throws {
        for header in ["multipart/mixed", "multipart/mixed; boundary=\"wrong\""] {
            let extracted = try Self.read(
                """
                Subject: No boundary
                Content-Type: \(header)

                --real
                Content-Type: text/plain

                Found by its delimiter.
                --real--
                """)
            #expect(extracted.paragraphs == ["Found by its delimiter."])
        }
    }

    @Test("a multipart with no delimiter at all is read as text")
    func multipartWithoutParts() throws {
        let extracted = try Self.read("Subject: S\nContent-Type: multipart/mixed; boundary=b\n\nJust text.")
        #expect(extracted.paragraphs == ["Just text."])
    }

    @Test("bad base64 in the only text part is a clear error")
    func badBase64() {
        #expect(throws: ExtractionError.malformedMail(reason: "its text/plain part is not valid base64")) {
            try Self.read(
                """
                Subject: Bad
                Content-Type: text/plain
                Content-Transfer-Encoding: base64

                This is not base64 at all! (It's plain text, mislabelled.) ***
                """)
        }
    }

    @Test("bad base64 in one alternative leaves the other")
    func badBase64Alternative() throws {
        let extracted = try Self.read(
            """
            Subject: Half bad
            Content-Type: multipart/alternative; boundary=b

            --b
            Content-Type: text/plain
            Content-Transfer-Encoding: base64

            \(Array("Good text part.".utf8).base64)
            --b
            Content-Type: text/html
            Content-Transfer-Encoding: base64

            <<<<<<!!!!!!>>>>>>
            --b--
            """)
        #expect(extracted.paragraphs == ["Good text part."])
    }

    @Test("a file that ends inside its headers gives a title-only article")
    func truncatedHeaders() throws {
        let extracted = try MailReader().read(Array("From: The Daily Brief <a@b.c>\r\nSubject: Only a subj".utf8))
        #expect(extracted.title == "Only a subj")
        #expect(extracted.paragraphs.isEmpty)
        #expect(extracted.inferredOutlet == "The Daily Brief")
    }

    @Test(
        "files that are not mail are rejected",
        arguments: [
            ([], ExtractionError.emptyDocument),
            (Array("Just some text without headers.\n".utf8), .malformedMail(reason: MailReader.notMail)),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0], .malformedMail(reason: MailReader.notMail)),
            (Array("X-Header: 1\n\n   \n".utf8), .noReadableText),
        ] as [([UInt8], ExtractionError)]
    )
    func notMail(bytes: [UInt8], error: ExtractionError) {
        #expect(throws: error) { try MailReader().read(bytes) }
    }

    @Test("a binary part labelled text is not read as text")
    func binaryTextPart() {
        #expect(throws: ExtractionError.malformedMail(reason: "its text/plain part holds binary data, not text")) {
            try MailReader().read(Array("Subject: x\nContent-Type: text/plain\n\n".utf8) + [0, 1, 2, 3, 0x41])
        }
    }

    @Test("hostile nesting stops at the depth limit")
    func deepNesting() {
        var text = "Subject: Deep\n"
        for level in 0..<200 { text += "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n" }
        text += "Content-Type: text/plain\n\nToo deep to read.\n"
        #expect(
            throws: ExtractionError.malformedMail(
                reason: "its parts are nested more than \(MailReader.maximumDepth) levels deep")
        ) { try MailReader().read(Array(text.utf8)) }
    }

    @Test("every prefix of a message is read or rejected without a crash")
    func truncatedAnywhere() {
        let bytes = Self.eml(Self.alternative)
        for length in 0...bytes.count {
            do {
                _ = try MailReader().read(Array(bytes.prefix(length)))
            } catch {
                // Any ExtractionError is fine; the point is not crashing.
            }
        }
    }

    @Test("the Extractor reads .eml files with MailReader")
    func extractorDispatch() throws {
        let extracted = try Extractor().read(Self.eml("Subject: Via extractor\n\nBody text."), fileName: "in.eml")
        #expect(extracted.title == "Via extractor")
    }

    // MARK: Transfer encodings

    @Test(
        "quoted-printable",
        arguments: [
            ("caf=C3=A9", "café"),
            ("caf=c3=a9", "café"),
            ("soft=\r\nbreak", "softbreak"),
            ("soft=\nbreak", "softbreak"),
            ("soft=  \r\nbreak", "softbreak"),
            ("a = b", "a = b"),
            ("=ZZ", "=ZZ"),
            ("end=", "end"),
            ("1+1=3D2", "1+1=2"),
        ]
    )
    func quotedPrintable(encoded: String, decoded: String) {
        #expect(String(decoding: MailReader.decodeQuotedPrintable(Array(encoded.utf8)), as: UTF8.self) == decoded)
    }

    @Test(
        "base64",
        arguments: [
            ("TmV3cw==", "News", true),
            ("TmV3\r\ncw==", "News", true),
            ("TmV3cw", "News", true),
            ("TmV3cw==TmV3cw==", "NewsNews", true),
            ("TmV3cyB0b2Rh!eQ==", "News today", true),
            ("", "", true),
            ("!!!!", "", false),
            ("Not base64, really: ***", "", false),
        ]
    )
    func base64(encoded: String, decoded: String, valid: Bool) {
        let result = MailReader.decodeBase64(Array(encoded.utf8))
        #expect(result.valid == valid)
        if valid { #expect(String(decoding: result.bytes, as: UTF8.self) == decoded) }
    }
}

extension [UInt8] {
    /// Standard base64 with padding, for building test messages.
    fileprivate var base64: String {
        let alphabet: [Character] = Swift.Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var out = ""
        for start in stride(from: 0, to: count, by: 3) {
            let chunk = [UInt8](self[start..<Swift.min(start + 3, count)]) + [0, 0]
            let value = UInt32(chunk[0]) << 16 | UInt32(chunk[1]) << 8 | UInt32(chunk[2])
            let available = Swift.min(3, count - start) + 1
            for position in 0..<4 {
                let sextet = Int((value >> UInt32(18 - 6 * position)) & 0x3F)
                out.append(position < available ? alphabet[sextet] : "=")
            }
        }
        return out
    }
}
