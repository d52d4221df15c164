import Testing

@testable import NewsCore

@Suite("PlainTextExtractor")
struct PlainTextExtractorTests {
    // MARK: Headers

    @Test("lines split at LF, CRLF and CR as splitting the characters did")
    func lineBreaks() {
        let texts = [
            "", "\n", "\r\n", "\r", "\n\n", "\r\r\n\n", "one", "one\n", "one\r\ntwo\rthree\nfour",
            "Zoë\u{301}\r\n«café»\n\n— end\r", "e\u{301}\ne\u{301}\r\n\u{301}x", "tab\there\u{2028}same line\n",
        ]
        for text in texts {
            let characterSplit = text.split(
                omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            #expect(PlainTextExtractor.normalizedLines(text) == characterSplit, "\(text.debugDescription)")
        }
    }

    @Test("key: value headers give title, date, outlet, url and authors")
    func keyValueHeaders() throws {
        let article = try Fixtures.extract(
            """
            Title: Ceasefire talks stall in Geneva
            Date: 2025-03-14T09:30:00+01:00
            Source: Reuters
            URL: https://example.com/geneva
            By: Jane Doe, John Roe; Ann Poe

            Negotiators met in Geneva on Friday. They did not agree on terms.
            """)
        #expect(article.title == "Ceasefire talks stall in Geneva")
        #expect(!article.titleIsGenerated)
        #expect(
            article.published
                == PublicationDate(
                    day: Fixtures.day("2025-03-14"), secondsIntoDay: 34_200, utcOffsetSeconds: 3600, origin: .header))
        #expect(article.published.iso8601 == "2025-03-14T09:30:00+01:00")
        #expect(article.outlet == "Reuters")
        #expect(article.url == "https://example.com/geneva")
        #expect(article.authors == ["Jane Doe", "John Roe", "Ann Poe"])
        #expect(article.body == "Negotiators met in Geneva on Friday. They did not agree on terms.")
        #expect(
            article.sentences == [
                Sentence(text: "Negotiators met in Geneva on Friday.", start: 0, end: 36, paragraph: 0),
                Sentence(text: "They did not agree on terms.", start: 37, end: 65, paragraph: 0),
            ])
        #expect(article.fileName == "story.txt")
        #expect(article.contentHash.count == 64)
    }

    /// One header block and what it must give.
    struct HeaderCase: Sendable, CustomTestStringConvertible {
        var header: String
        var title: String? = nil
        var date: String? = nil
        var outlet: String? = nil
        var url: String? = nil
        var authors: [String] = []
        var testDescription: String { header.split(separator: "\n").joined(separator: " | ") }
    }

    static let headerCases: [HeaderCase] = [
        HeaderCase(header: "Headline: Rates held steady", title: "Rates held steady"),
        HeaderCase(header: "TITLE: Upper-case key", title: "Upper-case key"),
        HeaderCase(header: "Title: \"Quoted title\"", title: "Quoted title"),
        HeaderCase(header: "Title: 'Single quoted'", title: "Single quoted"),
        HeaderCase(header: "Title: First\nTitle: Second", title: "First"),
        HeaderCase(header: "Published: March 14, 2025", date: "2025-03-14"),
        HeaderCase(header: "pubdate: 14 Mar 2025", date: "2025-03-14"),
        HeaderCase(header: "Date: 2025-03-14", date: "2025-03-14"),
        HeaderCase(header: "Date: 2025-03-14T08:00:00Z", date: "2025-03-14T08:00:00Z"),
        HeaderCase(header: "Outlet: Associated Press", outlet: "Associated Press"),
        HeaderCase(header: "Publisher: BBC News", outlet: "BBC News"),
        HeaderCase(header: "Site: example.org", outlet: "example.org"),
        HeaderCase(header: "Link: https://example.com/a?b=c", url: "https://example.com/a?b=c"),
        HeaderCase(header: "Author: Jane Doe", authors: ["Jane Doe"]),
        HeaderCase(header: "Authors: A. One, B. Two", authors: ["A. One", "B. Two"]),
        HeaderCase(header: "Byline: Jane Doe\nBy: John Roe", authors: ["Jane Doe", "John Roe"]),
        HeaderCase(
            header: "title: All fields\ndate: 2024-02-29\nsource: AP\nurl: http://x.test/1\nby: Ann",
            title: "All fields", date: "2024-02-29", outlet: "AP", url: "http://x.test/1", authors: ["Ann"]),
    ]

    @Test("header keys and their variants", arguments: headerCases)
    func headerVariants(_ row: HeaderCase) throws {
        let text = row.header + "\n\nThe council voted on Monday night. The motion passed easily.\n"
        let article = try Fixtures.extract(text)
        if let title = row.title {
            #expect(article.title == title)
            #expect(!article.titleIsGenerated)
        } else {
            #expect(article.title == "The council voted on Monday night")
            #expect(article.titleIsGenerated)
        }
        if let date = row.date {
            #expect(article.published.iso8601 == date)
            #expect(article.published.origin == .header)
        } else {
            #expect(article.published == PublicationDate(day: Fixtures.arrivalDay, origin: .arrival))
        }
        #expect(article.outlet == row.outlet)
        #expect(article.url == row.url)
        #expect(article.authors == row.authors)
        #expect(article.body == "The council voted on Monday night. The motion passed easily.")
    }

    @Test("an unreadable header date falls back to the arrival day")
    func unreadableHeaderDate() throws {
        let article = try Fixtures.extract("Title: Odd date\nDate: sometime soon\n\nThe vote was held. It passed.")
        #expect(article.published == PublicationDate(day: Fixtures.arrivalDay, origin: .arrival))
    }

    @Test("Markdown front matter")
    func frontMatter() throws {
        let article = try Fixtures.extract(
            """
            ---
            title: "Front matter works"
            date: 2025-03-10
            outlet: Guardian
            author: A. Writer
            tags: [one, two]
            ---

            The council voted on Monday. The motion passed easily.
            """)
        #expect(article.title == "Front matter works")
        #expect(!article.titleIsGenerated)
        #expect(article.published == PublicationDate(day: Fixtures.day("2025-03-10"), origin: .header))
        #expect(article.outlet == "Guardian")
        #expect(article.authors == ["A. Writer"])
        #expect(article.body == "The council voted on Monday. The motion passed easily.")
        #expect(!article.body.contains("---"))
        #expect(!article.body.contains("tags"))
    }

    @Test("CRLF line endings")
    func crlf() throws {
        let article = try Fixtures.extract(
            "Title: Windows file\r\nDate: 2025-03-14\r\n\r\nFirst paragraph here.\r\n\r\nSecond paragraph here.\r\n")
        #expect(article.title == "Windows file")
        #expect(article.published.day == Fixtures.day("2025-03-14"))
        #expect(article.body == "First paragraph here.\n\nSecond paragraph here.")
        #expect(!article.body.contains("\r"))
        #expect(article.sentences.map(\.text) == ["First paragraph here.", "Second paragraph here."])
        #expect(article.sentences.map(\.paragraph) == [0, 1])
    }

    @Test("the first line of hard-wrapped copy is not a title; a headline over a wrapped paragraph still is")
    func hardWrappedFirstLine() throws {
        // Wire copy wrapped at about 65 columns, as the DUC 2004 newswire is: no title, no blank lines.
        let wrapped = try Fixtures.extract(
            "Rebels attacked a harbour town in the north and burned six boats\n"
                + "before the coast guard drove them off, a military spokesman said\n"
                + "on Thursday. The attack began overnight in the fishing village of\n"
                + "Port Ellen, about 40 kilometres from the regional capital, and the\n"
                + "spokesman said two of the attackers were later arrested.\n")
        let lead = "Rebels attacked a harbour town in the north and burned six boats before the coast guard drove "
            + "them off, a military spokesman said on Thursday."
        #expect(wrapped.titleIsGenerated)
        #expect(wrapped.sentences.first?.text == lead)
        #expect(wrapped.title == Headline.fromLead(lead))
        let headed = try Fixtures.extract(
            "Harbour town attacked by rebels\nRebels burned six boats in the north\nbefore the coast guard came.\n")
        #expect(headed.title == "Harbour town attacked by rebels")
        #expect(!headed.titleIsGenerated)
    }

    @Test("a wrapped first line carried on in capitals is the lead, and three wrapped lines are one sentence")
    func hardWrappedLeadCarriedOnInCapitals() throws {
        // The line under the first starts with a weekday, so only the widths tell that the first line is not a
        // headline: it is as long as the others and stops mid-sentence.
        let wrapped = try Fixtures.extract(
            "Representatives of the exiled harbour workers' union said on\n"
                + "Friday that troops had fired on unarmed strikers in the port,\n"
                + "killing one worker and wounding 22 others, a statement said.\n"
                + "The report could not be independently confirmed by officials.\n")
        #expect(wrapped.titleIsGenerated)
        #expect(
            wrapped.sentences.first?.text
                == "Representatives of the exiled harbour workers' union said on Friday that troops had fired on "
                + "unarmed strikers in the port, killing one worker and wounding 22 others, a statement said.")
        // Three lines wrapped at 66 columns: one sentence, not three paragraphs.
        let short = try Fixtures.extract(
            "Security officials delayed two planes from taking off from the\n"
                + "island's airport on Wednesday, marking the latest tension in a\n"
                + "rare area of cooperation between the two governments.\n")
        #expect(short.sentences.count == 1)
        #expect(short.body.hasPrefix("Security officials delayed two planes from taking off from the island's"))
        // A headline over wrapped copy is shorter than the width: it stays the title.
        let headed = try Fixtures.extract(
            "Strikers shot in harbour town\n"
                + "Representatives of the exiled harbour workers' union said on\n"
                + "Friday that troops had fired on unarmed strikers in the port,\n"
                + "killing one worker and wounding 22 others, a statement said.\n")
        #expect(headed.title == "Strikers shot in harbour town")
        #expect(!headed.titleIsGenerated)
    }

    @Test(
        "a date header sharing its line with the first sentence",
        arguments: [
            (" date 2025-03-14 Putin has spoken today. He said more.", "2025-03-14"),
            ("DATE 2025-03-14 Putin has spoken today. He said more.", "2025-03-14"),
            ("Date 2025-03-14T09:00:00Z Putin has spoken today. He said more.", "2025-03-14T09:00:00Z"),
        ]
    )
    func inlineDateHeader(text: String, iso: String) throws {
        let article = try Fixtures.extract(text)
        #expect(article.published.iso8601 == iso)
        #expect(article.published.origin == .header)
        #expect(article.body == "Putin has spoken today. He said more.")
        #expect(article.title == "Putin has spoken today")
        #expect(article.titleIsGenerated)
    }

    @Test("an inline 'date:' header keeps the sentence that shares its line")
    func inlineDateHeaderWithColon() throws {
        // readInlineDateHeader accepts `date:`, but readHeaderLines runs first, reads the whole line as a
        // `date:` header and drops the sentence after the date.
        let text = "date: 2025-03-14 Putin has spoken today.\n\nHe said more on Friday."
        let article = try Fixtures.extract(text)
        #expect(article.published == PublicationDate(day: Fixtures.day("2025-03-14"), origin: .header))
        #expect(article.body == "Putin has spoken today.\n\nHe said more on Friday.")
    }

    @Test("a first line that merely starts with 'Date' is prose")
    func dateWordIsProse() throws {
        let article = try Fixtures.extract("Date night in Paris was calm. Nobody complained.")
        #expect(article.published.origin == .arrival)
        #expect(article.body == "Date night in Paris was calm. Nobody complained.")
    }

    // MARK: Titles

    @Test(
        "a short first line, or a # heading, is the title",
        arguments: [
            (
                "# Markets rally after rate cut\n\nStocks rose sharply on Tuesday. Bond yields fell.",
                "Markets rally after rate cut"
            ),
            (
                "## Markets rally after rate cut\nStocks rose sharply on Tuesday. Bond yields fell.",
                "Markets rally after rate cut"
            ),
            ("Is the end in sight?\nStocks rose sharply on Tuesday. Bond yields fell.", "Is the end in sight?"),
            (
                "Markets rally after rate cut\n\nStocks rose sharply on Tuesday. Bond yields fell.",
                "Markets rally after rate cut"
            ),
        ]
    )
    func titleLine(text: String, title: String) throws {
        let article = try Fixtures.extract(text)
        #expect(article.title == title)
        #expect(!article.titleIsGenerated)
        #expect(article.body == "Stocks rose sharply on Tuesday. Bond yields fell.")
        #expect(article.sentences.map(\.text) == ["Stocks rose sharply on Tuesday.", "Bond yields fell."])
    }

    @Test(
        "without a title the headline is written from the lead",
        arguments: [
            (
                "Stocks rose sharply on Tuesday after the central bank cut rates. Bond yields fell.",
                "Stocks rose sharply on Tuesday after the central bank cut rates"
            ),
            // A first line that is a long sentence is the lead, not a title.
            (
                "Stocks rose sharply on Tuesday after the central bank cut its main rate again.\nBond yields fell.\n",
                "Stocks rose sharply on Tuesday after the central bank cut its main rate again"
            ),
            // A first line that introduces something (ends with a colon) is not a title.
            (
                "The statement read as follows:\nWe will not give up the fight.",
                "The statement read as follows:"
            ),
        ]
    )
    func generatedHeadline(text: String, title: String) throws {
        let article = try Fixtures.extract(text)
        #expect(article.title == title)
        #expect(article.titleIsGenerated)
        #expect(article.title != article.fileName)
    }

    /// `count` numbered words (`w1 w2 …`), with a comma after word `commaAfter` if given.
    static func words(_ count: Int, commaAfter: Int? = nil) -> [String] {
        (1...count).map { $0 == commaAfter ? "w\($0)," : "w\($0)" }
    }

    @Test("a long lead is cut at a comma, else after the word limit")
    func longLeadHeadline() throws {
        let limit = Headline.maximumWords
        // A comma late enough to leave a headline-sized clause.
        let withComma = Self.words(limit + 6, commaAfter: limit - 2)
        let cutAtComma = try Fixtures.extract("A" + withComma.joined(separator: " ") + ". Next one.")
        #expect(cutAtComma.title == "A" + Self.words(limit - 2).joined(separator: " "))
        #expect(cutAtComma.titleIsGenerated)
        // No comma: the first `limit` words and an ellipsis.
        let noComma = try Fixtures.extract("A" + Self.words(limit + 6).joined(separator: " ") + ". Next one.")
        #expect(noComma.title == "A" + Self.words(limit).joined(separator: " ") + "…")
        // Exactly at the limit nothing is cut, only the final period goes.
        let atLimit = try Fixtures.extract("A" + Self.words(limit).joined(separator: " ") + ". Next one.")
        #expect(atLimit.title == "A" + Self.words(limit).joined(separator: " "))
    }

    // MARK: Body

    @Test("subheadings stay in the body but are not sentences")
    func subheadingsExcluded() throws {
        let article = try Fixtures.extract(
            """
            Title: Summit ends

            The leaders met in Brussels on Thursday. They issued a statement.

            Trade Tensions

            Tariffs dominated the talks. No deal was reached.

            ## What comes next

            Another meeting is planned for May.
            """)
        #expect(
            article.body
                == "The leaders met in Brussels on Thursday. They issued a statement.\n\nTrade Tensions\n\n"
                + "Tariffs dominated the talks. No deal was reached.\n\nWhat comes next\n\n"
                + "Another meeting is planned for May.")
        #expect(
            article.sentences.map(\.text) == [
                "The leaders met in Brussels on Thursday.", "They issued a statement.", "Tariffs dominated the talks.",
                "No deal was reached.", "Another meeting is planned for May.",
            ])
        #expect(article.sentences.map(\.paragraph) == [0, 0, 2, 2, 4])
        #expect(article.summary.count == 3)
        #expect(article.summary == article.summary.sorted())
        #expect(article.summary.allSatisfy { article.sentences.indices.contains($0) })
        Self.expectSentencesPointIntoBody(article)
    }

    @Test("attribution and embed lines give outlet and date and leave the body")
    func attributionAndEmbed() throws {
        let article = try Fixtures.extract(
            """
            Storm hits the coast
            A large storm reached the coast on Monday. Thousands lost power.
            From The Daily Planet:
            Crews worked through the night to restore lines. Schools stayed closed.
            — Daily Planet (@dailyplanet) March 3, 2025
            """)
        #expect(article.title == "Storm hits the coast")
        #expect(article.outlet == "Daily Planet")
        #expect(article.published == PublicationDate(day: Fixtures.day("2025-03-03"), origin: .embed))
        #expect(
            article.body
                == "A large storm reached the coast on Monday. Thousands lost power.\n\n"
                + "Crews worked through the night to restore lines. Schools stayed closed.")
        #expect(!article.body.contains("From The Daily Planet"))
        #expect(!article.body.contains("@dailyplanet"))
        Self.expectSentencesPointIntoBody(article)
    }

    @Test(
        "outlet precedence: header, then inbox folder, then attribution, then embed",
        arguments: [
            ("Source: Header Outlet\n\n", "folder", "Header Outlet"),
            ("", "folder", "folder"),
            ("", nil, "Attributed Outlet"),
        ]
    )
    func outletPrecedence(header: String, folder: String?, expected: String) throws {
        let text =
            header + "A vote was held today. It passed.\nVia Attributed Outlet:\nMore text follows here.\n"
            + "— Embed Outlet (@embed) May 5, 2025"
        let article = try Fixtures.extract(text, folderLabel: folder)
        #expect(article.outlet == expected)
    }

    /// The attribution text of `attributionAndEmbed` and the seed 001 both have one paragraph per line and no
    /// final newline; most editors end a file with one.
    @Test("a final newline does not change how lines become paragraphs")
    func finalNewline() throws {
        let text = """
            Storm hits the coast
            A large storm reached the coast on Monday. Thousands lost power.
            From The Daily Planet:
            Crews worked through the night to restore lines. Schools stayed closed.
            — Daily Planet (@dailyplanet) March 3, 2025
            """
        let without = try Fixtures.extract(text)
        #expect(without.outlet == "Daily Planet")
        let with = try Fixtures.extract(text + "\n")
        #expect(with.outlet == without.outlet)
        #expect(with.published == without.published)
        #expect(with.body == without.body)
    }

    @Test("a list item that mentions a handle is body text, not an embed")
    func listItemWithHandle() throws {
        let text = """
            Lawmakers debated the bill on Monday night and into Tuesday morning.

            - Senator Jane Smith (@SenSmith) said the bill would pass.

            The vote is on Friday.
            """
        let article = try Fixtures.extract(text)
        #expect(article.outlet == nil)
        #expect(article.body.contains("Senator Jane Smith (@SenSmith) said the bill would pass."))
    }

    @Test("a short first sentence is the lead, not a title")
    func shortFirstSentenceIsNotATitle() throws {
        // The type's documentation says a title line does not end like a sentence; titleLine only rejects
        // a line ending in '.' when it has more than 12 words.
        let text = "Lawmakers debated the bill on Monday night.\n\nThe vote is on Friday. It may pass."
        let article = try Fixtures.extract(text)
        #expect(article.titleIsGenerated)
        #expect(article.body.hasPrefix("Lawmakers debated the bill on Monday night."))
    }

    @Test("a headline ending in a period is still the title when header lines follow it")
    func headlineWithPeriodAboveHeaders() throws {
        // A feed exporter's layout: the headline, then `date`, `source` and `url` lines. Headlines such as these
        // end in a period ("Inc.", or written as a sentence), which alone would make them the lead.
        // A headline ending in a colon ("Watch This If You Liked:") once took the header lines below it as its own
        // continuation, and the article lost its date and outlet. A hashtag opening a headline is not a Markdown
        // heading's marker.
        for headline in [
            "Snowden Inc.", "Edward Snowden speaks at SXSW in Austin on Monday, March 10.", "Watch This If You Liked:",
            "#BanBossy: Sheryl Sandberg And More Ban Together",
        ] {
            let article = try Fixtures.extract(
                """
                \(headline)
                date 2014-03-11T04:45:17.713Z
                source Politico
                url http://www.politico.com/story/2014/03/snowden

                """)
            #expect(article.title == headline)
            #expect(!article.titleIsGenerated)
            #expect(article.published.day == Fixtures.day("2014-03-11"))
            #expect(article.published.origin == .header)
            #expect(article.outlet == "Politico")
        }
    }

    @Test("a Markdown heading's marker is removed, a hashtag is kept", arguments: [
        ("# Flood waters rise", "Flood waters rise"), ("### Flood waters rise", "Flood waters rise"),
        ("#Flood waters rise", "#Flood waters rise"), ("####### Flood waters rise", "####### Flood waters rise"),
    ])
    func headingMarker(line: String, title: String) throws {
        let article = try Fixtures.extract("\(line)\n\nThe river rose by two metres overnight. Roads were closed.")
        #expect(article.title == title)
        #expect(!article.titleIsGenerated)
    }

    @Test("an outlet name loses its leading article and the backslashes an exporter escaped it with", arguments: [
        ("The New York Post", "New York Post"), (#"American Spectator \(blog\)"#, "American Spectator (blog)"),
        (#"Yahoo\!7 News"#, "Yahoo!7 News"), (#"C:\News"#, #"C:\News"#), (#"Back\\slash"#, #"Back\slash"#),
    ])
    func outletNames(written: String, canonical: String) {
        #expect(Outlet.canonicalName(written) == canonical)
    }

    @Test("the embed outlet is used when nothing else names one")
    func embedOutlet() throws {
        let article = try Fixtures.extract(
            "A vote was held today. It passed.\nMore text follows here.\n— The Embed Outlet (@embed) May 5, 2025")
        #expect(article.outlet == "Embed Outlet")
        #expect(article.published == PublicationDate(day: Fixtures.day("2025-05-05"), origin: .embed))
    }

    @Test("a header date wins over an embed date")
    func headerDateWins() throws {
        let article = try Fixtures.extract(
            "Date: 2025-03-14\n\nA vote was held today. It passed.\n— Someone (@someone) March 20, 2025\n")
        #expect(article.published == PublicationDate(day: Fixtures.day("2025-03-14"), origin: .header))
    }

    @Test("a text with no date is filed on its arrival day")
    func arrivalDate() throws {
        let day = Fixtures.day("2024-12-31")
        let article = try Fixtures.extract("A vote was held today. It passed.", arrivalDay: day)
        #expect(article.published == PublicationDate(day: day, origin: .arrival))
        #expect(article.digestDay == day)
    }

    @Test(
        "texts with nothing to read are rejected",
        arguments: ["", "   \n\n\t\n", "Date: 2025-03-14\nSource: Reuters\n\n", "---\ndate: 2025-03-14\n---\n"]
    )
    func noReadableText(text: String) {
        #expect(throws: ExtractionError.noReadableText) { try Fixtures.extract(text) }
    }

    @Test("language guess")
    func language() throws {
        let english = try Fixtures.extract(
            "The government said on Friday that the new rules would apply from the first of January. Many people "
                + "were not happy with the decision, but the ministers stood by it and said it was fair.")
        #expect(english.isEnglish)
        let german = try Fixtures.extract(
            "Die Regierung hat am Freitag beschlossen, dass die neuen Regeln ab dem ersten Januar gelten sollen. "
                + "Viele Bürger sind darüber nicht glücklich, aber die Minister bleiben bei ihrer Entscheidung.")
        #expect(!german.isEnglish)
    }

    @Test("summary length follows the setting")
    func summaryLength() throws {
        let text =
            "Rain fell across the north on Monday. Rivers rose quickly in the valleys. Roads were closed near "
            + "the river. Schools sent pupils home early. Forecasters expect more rain tomorrow."
        let document = RawDocument(fileName: "rain.txt", bytes: Array(text.utf8), arrivalDay: Fixtures.arrivalDay)
        for length in [0, 1, 2, 5, 9] {
            let article = ArticleBuilder(summaryLength: length).build(
                try PlainTextExtractor().read(text), document: document, contentHash: "h")
            #expect(article.sentences.count == 5)
            #expect(article.summary.count == min(length, 5))
            #expect(article.summary == article.summary.sorted())
        }
    }

    // MARK: Seeds

    @Test("seed 000: header date, generated title, subheadings and quotation handled")
    func seed000() throws {
        let article = try Seeds.article("000_")
        #expect(article.published == PublicationDate(day: Fixtures.day("2025-03-14"), origin: .header))
        #expect(article.titleIsGenerated)
        #expect(!article.title.isEmpty)
        #expect(article.title != article.fileName)
        #expect(!article.title.contains(".txt"))
        #expect(article.title.split(separator: " ").count <= Headline.maximumWords)
        let lead = try #require(article.sentences.first)
        #expect(lead.text.hasPrefix(article.title.hasSuffix("…") ? String(article.title.dropLast()) : article.title))
        // The header is not part of the text.
        #expect(!article.body.lowercased().hasPrefix("date"))
        #expect(!article.body.contains("2025-03-14"))
        #expect(article.body.hasPrefix(lead.text))
        // CNN is cited in the text, it is not the outlet.
        #expect(article.outlet != "CNN")
        // Subheadings are not sentences: every sentence ends like one.
        for sentence in article.sentences {
            let last = try #require(sentence.text.unicodeScalars.last)
            #expect(".!?”\"’…".unicodeScalars.contains(last), "not a sentence: \(sentence.text)")
        }
        // The quotation and its "Trump wrote." stay together.
        #expect(article.sentences.contains { $0.text.hasSuffix("!!!” Trump wrote.") })
        #expect(!article.sentences.contains { $0.text == "Trump wrote." })
        #expect(article.isEnglish)
        #expect(article.summary.count == 3)
        Self.expectSentencesPointIntoBody(article)
    }

    @Test("seed 001: title line, embed date, outlet from attribution, those lines out of the body")
    func seed001() throws {
        let article = try Seeds.article("001_")
        #expect(article.title == "Is the end in sight?")
        #expect(!article.titleIsGenerated)
        #expect(article.published == PublicationDate(day: Fixtures.day("2025-03-14"), origin: .embed))
        #expect(article.outlet == "New York Post")
        #expect(!article.body.hasPrefix("Is the end in sight?"))
        #expect(!article.body.contains("From The New York Post:"))
        #expect(!article.body.contains("(@nypost)"))
        #expect(!article.body.contains("March 14, 2025"))
        #expect(!article.sentences.contains { $0.text.contains("@nypost") })
        #expect(article.isEnglish)
        #expect(article.summary.count == 3)
        Self.expectSentencesPointIntoBody(article)
    }

    @Test("seed 001 saved with a final newline reads the same")
    func seed001WithFinalNewline() throws {
        let (name, bytes) = try Seeds.file("001_")
        let original = try Seeds.article("001_")
        let document = RawDocument(fileName: name, bytes: bytes + [0x0A], arrivalDay: Seeds.arrivalDay)
        let article = try Extractor().extract(document, contentHash: original.contentHash)
        #expect(article.published == original.published)
        #expect(article.outlet == original.outlet)
        #expect(article.body == original.body)
    }

    /// Each sentence's offsets select exactly its text from the body (offsets are in Unicode scalars).
    static func expectSentencesPointIntoBody(
        _ article: Article, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let scalars = Array(article.body.unicodeScalars)
        for sentence in article.sentences {
            guard sentence.start >= 0, sentence.start <= sentence.end, sentence.end <= scalars.count else {
                Issue.record("sentence out of range: \(sentence)", sourceLocation: sourceLocation)
                continue
            }
            let slice = String(String.UnicodeScalarView(scalars[sentence.start..<sentence.end]))
            #expect(slice == sentence.text, sourceLocation: sourceLocation)
        }
    }
}
