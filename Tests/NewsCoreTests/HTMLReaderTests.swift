import Testing

@testable import NewsCore

/// A page with the chrome news sites put around an article: navigation, a share bar, related links, a newsletter
/// box, comments and a footer.
private let newsPage = """
    <!DOCTYPE html>
    <html lang="en-GB">
    <head>
    <meta charset="utf-8">
    <title>Harbour bridge reopens after repairs | The Coastal Courier</title>
    <meta property="og:site_name" content="The Coastal Courier">
    <meta name="author" content="Mara Quill">
    <link rel="canonical" href="https://courier.example/news/2031/05/06/harbour-bridge-reopens">
    <script>var tracking = "<p>not text</p>";</script>
    <style>p { color: red; }</style>
    </head>
    <body>
    <header class="site-header"><a href="/">The Coastal Courier</a>
      <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
    </header>
    <main>
    <article>
      <h1>Harbour bridge reopens after repairs</h1>
      <div class="byline">By Mara Quill</div>
      <div class="share-bar"><a href="#">Share on social media</a> <a href="#">Email this story</a></div>
      <div class="article-body">
        <p>The harbour bridge reopened to traffic on Tuesday morning, three weeks after engineers closed it to replace corroded cables.</p>
        <p>Commuters, who had faced detours of up to forty minutes, welcomed the news, although the council warned that lane closures would continue at night.</p>
        <h2>What changes for drivers</h2>
        <p>A lower speed limit will apply on the span until the final inspection, which is expected later this month, the council said.</p>
        <aside class="related"><h3>Related</h3><ul><li><a href="/a">Council approves repair budget</a></li><li><a href="/b">Cables found corroded</a></li></ul></aside>
        <p>Cyclists will again be able to use the dedicated lane, and pedestrian access has been widened on the eastern side of the bridge.</p>
      </div>
      <div class="newsletter-signup"><p>Sign up for our morning briefing and get the news that matters to you every day.</p></div>
    </article>
    <section id="comments" class="comments"><h2>Comments</h2>
      <div class="comment"><p>Finally! It took long enough, and the detours were a nightmare for everyone who lives on the north shore.</p></div>
    </section>
    </main>
    <footer><p>Copyright 2031 The Coastal Courier. All rights reserved. Registered in the harbour district, with offices on the quay.</p></footer>
    </body>
    </html>
    """

@Suite("HTMLReader")
struct HTMLReaderTests {
    func read(_ html: String) throws -> ExtractedText {
        try HTMLReader().read(Array(html.utf8))
    }

    @Test("keeps the article text and leaves navigation, sharing, related links, comments and the footer")
    func mainText() throws {
        let text = try read(newsPage)
        #expect(
            text.paragraphs == [
                "The harbour bridge reopened to traffic on Tuesday morning, three weeks after engineers closed it to replace corroded cables.",
                "Commuters, who had faced detours of up to forty minutes, welcomed the news, although the council warned that lane closures would continue at night.",
                "What changes for drivers",
                "A lower speed limit will apply on the span until the final inspection, which is expected later this month, the council said.",
                "Cyclists will again be able to use the dedicated lane, and pedestrian access has been widened on the eastern side of the bridge.",
            ])
        #expect(text.headings == [2])
    }

    @Test("reads the metadata the page declares")
    func metadata() throws {
        let text = try read(newsPage)
        #expect(text.title == "Harbour bridge reopens after repairs")
        #expect(text.declaredOutlet == "The Coastal Courier")
        #expect(text.authors == ["Mara Quill"])
        #expect(text.url == "https://courier.example/news/2031/05/06/harbour-bridge-reopens")
        #expect(text.declaredLanguage == "en-GB")
        // The canonical address is the only date on the page.
        #expect(text.date?.day == CivilDate(year: 2031, month: 5, day: 6))
        #expect(text.dateOrigin == .meta)
    }

    @Test("prefers JSON-LD datePublished of the article, in a @graph, over the modification date")
    func jsonLDGraph() throws {
        let html = """
            <html><head>
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "name": "Example"},
              {"@type": ["NewsArticle"], "headline": "Tide tables revised",
               "datePublished": "2030-02-03T08:15:00+01:00", "dateModified": "2030-02-05T10:00:00+01:00",
               "author": [{"@type": "Person", "name": "Ada Brook"}, {"@type": "Person", "name": "Ben Holt"}],
               "publisher": {"@type": "Organization", "name": "Example Times"}}
            ]}
            </script></head>
            <body><p>The harbour office revised its tide tables after a survey of the estuary found new sandbanks.</p></body></html>
            """
        let text = try read(html)
        #expect(text.title == "Tide tables revised")
        #expect(text.date?.day == CivilDate(year: 2030, month: 2, day: 3))
        #expect(text.date?.secondsIntoDay == 8 * 3600 + 15 * 60)
        #expect(text.date?.utcOffsetSeconds == 3600)
        #expect(text.authors == ["Ada Brook", "Ben Holt"])
        #expect(text.declaredOutlet == "Example Times")
    }

    @Test(
        "finds the publication date wherever the page states it",
        arguments: [
            (#"<meta property="article:published_time" content="2029-11-30T23:10:00Z">"#, "", "2029-11-30"),
            (#"<meta name="DC.date.issued" content="2029-07-01">"#, "", "2029-07-01"),
            ("", #"<time datetime="2028-04-09T10:00">9 April</time>"#, "2028-04-09"),
            ("", #"<span itemprop="datePublished" content="2027-03-02">2 March</span>"#, "2027-03-02"),
            ("", #"<div class="post-date">Veröffentlicht am 16. Oktober 2026</div>"#, "2026-10-16"),
            ("", #"<p class="meta">Publié le 3 février 2026</p>"#, "2026-02-03"),
            ("", #"<h1>Headline</h1><div>Aktualisiert 04.05.2025, 10:12 Uhr</div>"#, "2025-05-04"),
            ("", #"<h1>Headline</h1><div>Posted March 14th, 2024 by the desk</div>"#, "2024-03-14"),
            ("", #"<h1>見出し</h1><div>2023年10月16日</div>"#, "2023-10-16"),
            (#"<meta property="article:modified_time" content="2022-01-12">"#, "", "2022-01-12"),
        ]
    )
    func dateSources(head: String, body: String, expected: String) throws {
        let html = """
            <html><head><title>Headline</title>\(head)</head><body>\(body)
            <p>Enough words to make this an article with a paragraph of running text in it for the reader.</p></body></html>
            """
        let text = try read(html)
        #expect(text.date?.day.description == expected)
    }

    @Test("a date shown by the headline wins when markup confirms it")
    func shownDateConfirmedByMarkup() throws {
        // The markup's publication time is in UTC and falls on the previous day; the page shows its update.
        let html = """
            <html><head>
            <meta property="article:published_time" content="2021-01-01T09:00:00Z">
            <meta property="article:modified_time" content="2023-04-01T07:00:00Z">
            </head><body><h1>Streaming in the cloud</h1><div class="date">01.04.2023</div>
            <p>Enough words to make this an article with a paragraph of running text in it for the reader.</p></body></html>
            """
        #expect(try read(html).date?.day == CivilDate(year: 2023, month: 4, day: 1))
    }

    @Test("markup that agrees outvotes a different date in the text")
    func agreeingMarkupWins() throws {
        let html = """
            <html><head><meta property="article:published_time" content="2020-01-23T10:00:00+01:00">
            <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-01-23"}</script>
            </head><body><h1>Cloud backups explained</h1><p>Updated for the release of 11.02.2020, this guide
            explains what the cloud keeps and what it does not, in enough words to be an article.</p></body></html>
            """
        #expect(try read(html).date?.day == CivilDate(year: 2020, month: 1, day: 23))
    }

    @Test("the date under the headline outvotes a lone generic meta date")
    func shownDateBeatsLoneMeta() throws {
        let html = """
            <html><head><meta name="date" content="2021-10-15"></head>
            <body><h1>New president elected</h1><div>13.10.2021</div>
            <p>The association elected a new president at its meeting, with enough words to be an article.</p></body></html>
            """
        #expect(try read(html).date?.day == CivilDate(year: 2021, month: 10, day: 13))
    }

    @Test("a page without any date has none")
    func noDate() throws {
        let html =
            "<html><body><p>No date anywhere on this page, just some words that make up a paragraph.</p></body></html>"
        let text = try read(html)
        #expect(text.date == nil)
        #expect(text.dateOrigin == .arrival)
    }

    @Test("decodes the charset the page declares")
    func declaredCharsets() throws {
        let latin1 =
            Array(#"<html><head><meta charset="iso-8859-1"><title>Caf"#.utf8) + [0xE9]
            + Array("</title></head><body><p>Le caf".utf8) + [0xE9]
            + Array(" est ouvert tous les jours de la semaine.</p></body></html>".utf8)
        let text = try HTMLReader().read(latin1)
        #expect(text.title == "Café")
        #expect(text.paragraphs == ["Le café est ouvert tous les jours de la semaine."])

        let windows1252 =
            Array(#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1252"><p>"#.utf8)
            + [0x93] + Array("Quoted".utf8) + [0x94]
            + Array(" words in a paragraph of text that is long enough.</p>".utf8)
        #expect(try HTMLReader().read(windows1252).paragraphs.first?.hasPrefix("“Quoted”") == true)

        // 日本 in Shift_JIS.
        let shiftJIS =
            Array(#"<meta charset="Shift_JIS"><title>"#.utf8) + [0x93, 0xFA, 0x96, 0x7B]
            + Array("</title><p>x</p>".utf8)
        #expect(try HTMLReader().read(shiftJIS).title == "日本")
    }

    @Test("a page labelled Latin-1 whose bytes are UTF-8 reads as UTF-8")
    func mislabelledUTF8() throws {
        let html = #"<meta charset="iso-8859-1"><title>Zürich</title><p>x</p>"#
        #expect(try read(html).title == "Zürich")
    }

    @Test("finds an article wrapped in an element named like chrome")
    func articleInsideChromeName() throws {
        let html = """
            <html><body><div class="widget Blog"><div class="post-body">
            <p>This blog post sits inside a template element called a widget, which usually means a sidebar box.</p>
            <p>The extractor must still find it, because it holds all of the prose on the page and nothing else does.</p>
            </div></div><div class="sidebar"><ul><li><a href="/1">Archive</a></li><li><a href="/2">Labels</a></li></ul></div></body></html>
            """
        #expect(try read(html).paragraphs.count == 2)
    }

    @Test("drops elements hidden by attribute, style or class")
    func hiddenElements() throws {
        let html = """
            <html><body><div class="content">
            <p>Visible paragraph with enough words to be counted as the text of this small article page.</p>
            <p hidden>Hidden by attribute, which nobody sees on the page, however long this text becomes.</p>
            <p style="display: none">Hidden by style, which nobody sees on the page, however long this text becomes.</p>
            <p class="sr-only">Hidden from sight, read only by screen readers, however long this text becomes.</p>
            </div></body></html>
            """
        #expect(
            try read(html).paragraphs == [
                "Visible paragraph with enough words to be counted as the text of this small article page."
            ])
    }

    @Test("keeps table rows and list items inside the article as lines")
    func tablesAndLists() throws {
        let html = """
            <html><body><article>
            <p>The final standings of the season, with points and wins for each driver, are listed below.</p>
            <table><tr><td>1</td><td>Rhea Ortiz</td><td>5040</td></tr><tr><td>2</td><td>Sam Lind</td><td>5035</td></tr></table>
            <ul><li>Most wins: Rhea Ortiz</li><li>Most poles: Sam Lind</li></ul>
            </article></body></html>
            """
        #expect(
            try read(html).paragraphs == [
                "The final standings of the season, with points and wins for each driver, are listed below.",
                "1 Rhea Ortiz 5040", "2 Sam Lind 5035", "Most wins: Rhea Ortiz", "Most poles: Sam Lind",
            ])
    }

    @Test("survives 100,000 levels of nesting")
    func deepNesting() throws {
        let depth = 100_000
        let html =
            String(repeating: "<div>", count: depth)
            + "<p>Deep inside the page there is still a paragraph of text that someone wrote.</p>"
            + String(repeating: "</div>", count: depth)
        #expect(
            try read(html).paragraphs == [
                "Deep inside the page there is still a paragraph of text that someone wrote."
            ])
        // Unclosed inline elements nest just as deep.
        _ = try? read(String(repeating: "<span><b>", count: depth) + "text")
    }

    @Test("fails cleanly on pages with nothing to read")
    func nothingToRead() {
        #expect(throws: ExtractionError.emptyDocument) { try HTMLReader().read([]) }
        #expect(throws: ExtractionError.emptyDocument) { try HTMLReader().read(Array("  \n\t ".utf8)) }
        #expect(throws: ExtractionError.noReadableText) {
            try read("<html><head><script>document.write('<p>made by script</p>')</script></head><body></body></html>")
        }
        var generator = SystemRandomNumberGenerator()
        let garbage = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(throws: ExtractionError.binaryContent) { try HTMLReader().read(garbage) }
    }

    @Test("a byte order mark alone is no page")
    func onlyByteOrderMark() {
        #expect(throws: ExtractionError.noReadableText) { try HTMLReader().read([0xEF, 0xBB, 0xBF]) }
    }

    @Test("emptying scripts before parsing changes nothing a reader sees")
    func prefilterKeepsText() {
        let bytes = Array(newsPage.utf8)
        let filtered = HTMLParser.parse(bytes)
        let unfiltered = HTMLParser.parse(bytes, prefilter: false)
        #expect(
            MainTextExtractor(tree: filtered, title: nil).extract().paragraphs
                == MainTextExtractor(tree: unfiltered, title: nil).extract().paragraphs)
        #expect(HTMLMetadata(tree: filtered).titleElement == HTMLMetadata(tree: unfiltered).titleElement)
    }

    @Test("a tag with thousands of attributes parses quickly", .timeLimit(.minutes(1)))
    func manyAttributes() throws {
        let attributes = (0..<50_000).map { "data-x\($0)=\"\($0)\"" }.joined(separator: " ")
        let html = "<div \(attributes)><p>A paragraph with enough words to be the text of this page.</p></div>"
        #expect(try read(html).paragraphs == ["A paragraph with enough words to be the text of this page."])
    }

    @Test("a stray quote in a script tag hides nothing after it")
    func strayQuoteInTag() throws {
        let html = """
            <html><head><script src="a.js" " type="text/javascript"></script><script>var x = 1;</script></head>
            <body><p>The text after the broken tag is still there for the reader to see in full.</p></body></html>
            """
        #expect(
            try read(html).paragraphs == ["The text after the broken tag is still there for the reader to see in full."]
        )
    }

    @Test("tolerates broken markup")
    func brokenMarkup() throws {
        let html =
            "<p>Unclosed paragraph with words <b>bold <i>both</b> italic</i> and more words to read here"
            + "<p>Second paragraph & an unescaped ampersand < and a stray angle bracket in the running text"
        let text = try read(html)
        #expect(text.paragraphs.count == 2)
        #expect(text.paragraphs[1].contains("& an unescaped ampersand"))
    }
}

@Suite("DateText")
struct DateTextTests {
    @Test(
        "reads dates as pages write them",
        arguments: [
            ("2019-10-16T08:00:00+02:00", "2019-10-16"),
            ("20191016", "2019-10-16"),
            ("1571205600", "2019-10-16"),
            ("Wed, 16 Oct 2019 10:00:00 GMT", "2019-10-16"),
            ("October 16, 2019", "2019-10-16"),
            ("Oct. 16 2019", "2019-10-16"),
            ("16. Oktober 2019", "2019-10-16"),
            ("Mittwoch, 16. Oktober 2019, 08:00 Uhr", "2019-10-16"),
            ("16 octobre 2019", "2019-10-16"),
            ("16 de octubre de 2019", "2019-10-16"),
            ("16 ottobre 2019", "2019-10-16"),
            ("16 października 2019", "2019-10-16"),
            ("16 октября 2019 г.", "2019-10-16"),
            ("2019. október 16.", "2019-10-16"),
            ("2019年10月16日", "2019-10-16"),
            ("16.10.2019", "2019-10-16"),
            ("16/10/2019", "2019-10-16"),
        ]
    )
    func parses(text: String, expected: String) {
        #expect(DateText.parseValue(text)?.day.description == expected)
    }

    @Test("orders all-number dates by the page's language")
    func numericOrder() {
        #expect(DateText.parseValue("03/04/2019", order: .monthFirst)?.day == CivilDate(year: 2019, month: 3, day: 4))
        #expect(DateText.parseValue("03/04/2019", order: .dayFirst)?.day == CivilDate(year: 2019, month: 4, day: 3))
        // A day above 12 settles it either way.
        #expect(DateText.parseValue("10/16/2019", order: .dayFirst)?.day == CivilDate(year: 2019, month: 10, day: 16))
    }

    @Test("rejects what is not a date", arguments: ["", "version 2.10.3", "16:30", "1999999999999999", "31.02.2019"])
    func rejects(text: String) {
        #expect(DateText.parseValue(text) == nil)
    }

    @Test("finds full dates in page addresses")
    func urlDates() {
        #expect(HTMLDateFinder.dateInURL("https://x.example/2019/10/16/story")?.day.description == "2019-10-16")
        #expect(HTMLDateFinder.dateInURL("https://x.example/news/2019-10-16-story")?.day.description == "2019-10-16")
        #expect(HTMLDateFinder.dateInURL("https://x.example/a/20191016/story")?.day.description == "2019-10-16")
        #expect(HTMLDateFinder.dateInURL("https://x.example/2019/10/story") == nil)
        #expect(HTMLDateFinder.dateInURL("https://x.example/story-123456789") == nil)
    }
}

@Suite("JSONParser")
struct JSONParserTests {
    func parse(_ text: String) -> JSONValue? { JSONParser.parse(Array(text.utf8)[...]) }

    @Test("parses every kind of value, keeping key order")
    func values() {
        let value = parse(#" {"b": [1, -2.5, 3e2, true, false, null], "a": "x\"y\u00e9\ud83d\ude00\n"} "#)
        #expect(
            value
                == .object([
                    ("b", .array([.int(1), .double(-2.5), .double(300), .bool(true), .bool(false), .null])),
                    ("a", .string("x\"yé😀\n")),
                ]))
        #expect(value?["a"]?.stringValue == "x\"yé😀\n")
    }

    @Test("is lenient where pages are sloppy")
    func lenient() {
        #expect(parse(#"{"a": 1,}"#) == .object([("a", .int(1))]))
        #expect(parse("[1, 2,]") == .array([.int(1), .int(2)]))
        #expect(parse("\"line\nbreak\"") == .string("line\nbreak"))
    }

    @Test("rejects what is not JSON", arguments: ["", "{", "[1 2]", #"{"a" 1}"#, "tru", "{} {}", #""\u12"#, "-"])
    func rejects(text: String) {
        #expect(parse(text) == nil)
    }

    @Test("reads a value followed by other text")
    func prefix() {
        let bytes = Array(#"{"a": 1}; var x = 2;"#.utf8)
        let result = JSONParser.parsePrefix(bytes[...])
        #expect(result?.value == .object([("a", .int(1))]))
        #expect(result?.end == 8)
    }

    @Test("refuses nesting deeper than the limit instead of overflowing the stack")
    func deepNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(parse(deep) == nil)
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(parse(fine) != nil)
    }
}
