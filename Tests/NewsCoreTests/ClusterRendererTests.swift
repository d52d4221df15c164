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
        let expected = """
            {
              "date": "2025-03-14",
              "stories": [
                {
                  "id": "st-0123456789",
                  "headline": "Leaders agree on a truce",
                  "summary": [
                    "Line one."
                  ],
                  "summary_sources": [
                    {
                      "file": "a.txt",
                      "sentence": 0,
                      "start": 0,
                      "end": 9
                    }
                  ],
                  "outlets": [
                    "Reuters",
                    "unattributed (b.txt)"
                  ],
                  "quotations": [],
                  "entities": [],
                  "articles": [
                    {
                      "file": "a.txt",
                      "title": "Truce agreed",
                      "outlet": "Reuters",
                      "published": "2025-03-14",
                      "sha256": "aaa"
                    },
                    {
                      "file": "b.txt",
                      "title": "Truce: the \\"details\\"",
                      "outlet": null,
                      "published": "2025-03-14T09:30:00+01:00",
                      "sha256": "bbb"
                    },
                    {
                      "file": "b copy.txt",
                      "duplicate_of": "b.txt",
                      "outlet": "Copy Outlet",
                      "near_duplicate": false
                    }
                  ]
                }
              ]
            }

            """
        #expect(ClusterRenderer.render(Digest(day: Self.day, stories: [story])) == expected)
    }

    @Test("an empty day")
    func emptyDay() {
        #expect(
            ClusterRenderer.render(Digest(day: Self.day, stories: []))
                == "{\n  \"date\": \"2025-03-14\",\n  \"stories\": []\n}\n")
    }
}
