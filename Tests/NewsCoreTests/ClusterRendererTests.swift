import Testing

@testable import NewsCore

@Suite("ClusterRenderer")
struct ClusterRendererTests {
    static let day = Fixtures.day("2025-03-14")

    @Test("a story with a copy renders the scorer's JSON contract")
    func story() {
        let first = Fixtures.article(
            fileName: "a.txt", title: "Truce agreed", published: PublicationDate(day: Self.day, origin: .header),
            outlet: "Reuters", sentences: ["Line one."], contentHash: "aaa")
        let second = Fixtures.article(
            fileName: "b.txt", title: "Truce: the \"details\"",
            published: PublicationDate(day: Self.day, secondsIntoDay: 34_200, utcOffsetSeconds: 3600, origin: .meta),
            outlet: nil, sentences: ["Line two."], contentHash: "bbb")
        let story = Story(
            id: StoryID("st-0123456789"), headline: "Leaders agree on a truce",
            entries: [
                DigestEntry(article: first, location: "/x/a.txt"),
                DigestEntry(
                    article: second, location: nil,
                    copies: [ArticleCopy(fileName: "b copy.txt", location: nil, outlet: "Copy Outlet")]),
            ],
            summary: [SummaryLine(text: "Line one.", fileName: "a.txt", sentenceIndex: 0, start: 0, end: 9)])
        // Each story is compact on a line of its own (split here only to keep the source readable).
        let storyLine = [
            #"{"id":"st-0123456789","headline":"Leaders agree on a truce","summary":["Line one."],"#,
            #""summary_sources":[{"file":"a.txt","sentence":0,"start":0,"end":9}],"#,
            #""outlets":["Reuters","unattributed (b.txt)"],"quotations":[],"entities":[],"articles":["#,
            #"{"file":"a.txt","title":"Truce agreed","outlet":"Reuters","published":"2025-03-14","sha256":"aaa"},"#,
            #"{"file":"b.txt","title":"Truce: the \"details\"","outlet":null,"#,
            #""published":"2025-03-14T09:30:00+01:00","sha256":"bbb"},"#,
            #"{"file":"b copy.txt","duplicate_of":"b.txt","outlet":"Copy Outlet","near_duplicate":false}]}"#,
        ].joined()
        let expected = "{\n  \"date\": \"2025-03-14\",\n  \"stories\": [\n    " + storyLine + "\n  ]\n}\n"
        #expect(ClusterRenderer.render(Digest(day: Self.day, stories: [story])) == expected)
    }

    @Test("a quotation gives a source's wording only where it differs from the quotation's, with every offset")
    func quotationSources() {
        var story = DigestRendererTests.multiStory
        story.quotations = [
            StoryQuotation(
                text: "I have strongly requested President Putin", speaker: "Donald Trump",
                sources: [
                    QuotationSource(
                        fileName: "a.txt", source: "Reuters", text: "I have strongly requested President Putin",
                        start: 10, end: 51),
                    QuotationSource(
                        fileName: "b.txt", source: "New York Post", text: "I have strongly requested to President Putin",
                        start: 20, end: 64),
                ],
                differences: [])
        ]
        let text = ClusterRenderer.render(Digest(day: Self.day, stories: [story]))
        func member(_ value: JSONValue?, _ key: String) -> JSONValue? {
            guard case .object(let pairs)? = value else { return nil }
            return pairs.first { $0.0 == key }?.1
        }
        func element(_ value: JSONValue?, _ index: Int) -> JSONValue? {
            guard case .array(let items)? = value, items.indices.contains(index) else { return nil }
            return items[index]
        }
        let quotation = element(member(element(member(JSONParser.parse(ArraySlice(text.utf8)), "stories"), 0), "quotations"), 0)
        #expect(member(quotation, "text") == .string("I have strongly requested President Putin"))
        #expect(member(quotation, "direct") == .bool(true))
        #expect(element(member(quotation, "sources"), 0) == .object([("file", "a.txt"), ("start", 10), ("end", 51)]))
        #expect(
            element(member(quotation, "sources"), 1)
                == .object([
                    ("file", "b.txt"), ("text", "I have strongly requested to President Putin"), ("start", 20),
                    ("end", 64),
                ]))
    }

    @Test("an empty day")
    func emptyDay() {
        #expect(
            ClusterRenderer.render(Digest(day: Self.day, stories: []))
                == "{\n  \"date\": \"2025-03-14\",\n  \"stories\": []\n}\n")
    }
}
