import Testing

@testable import NewsCore

@Suite("DigestRenderer")
struct DigestRendererTests {
    static let day = Fixtures.day("2025-03-14")
    static let renderer = DigestRenderer(digestDirectory: "/srv/news/out/digests")

    static let reuters = Fixtures.article(
        fileName: "a.txt", title: "Truce agreed", published: PublicationDate(day: day, origin: .header),
        outlet: "Reuters", sentences: ["Line one."])
    static let post = Fixtures.article(
        fileName: "b.txt", title: "Truce: the details",
        published: PublicationDate(day: day, secondsIntoDay: 34_200, utcOffsetSeconds: 0, origin: .meta),
        outlet: "New York Post", sentences: ["Line_two <b>."])
    static let wire = Fixtures.article(
        fileName: "c.txt", title: "Single headline", published: PublicationDate(day: day, origin: .arrival),
        outlet: "AP", sentences: ["First summary."])

    static let multiStory = Story(
        id: StoryID("st-0123456789"), headline: "Leaders *agree* on [truce]",
        entries: [
            DigestEntry(article: reuters, location: "/srv/news/archive/2025-03-14/a.txt"),
            DigestEntry(
                article: post, location: nil,
                copies: [
                    ArticleCopy(fileName: "b copy.txt", location: nil, outlet: nil),
                    ArticleCopy(fileName: "b (2).txt", location: "/srv/news/archive/b (2).txt", outlet: "NYP"),
                ]),
        ],
        summary: [
            SummaryLine(text: "Line one.", fileName: "a.txt", sentenceIndex: 0, start: 0, end: 9),
            SummaryLine(text: "Line_two <b>.", fileName: "b.txt", sentenceIndex: 0, start: 0, end: 13),
        ])

    static let singleStory = Story(
        id: StoryID("st-abcdef0123"), headline: "Single headline",
        entries: [DigestEntry(article: wire, location: "/srv/news/inbox/my file (1).txt")],
        summary: [SummaryLine(text: "First summary.", fileName: "c.txt", sentenceIndex: 0, start: 0, end: 14)])

    @Test("a multi-source story shows its quotation once, its wording difference, reported speech, entities and facts")
    func enrichedStory() {
        var story = Self.multiStory
        story.otherDays = [StoryDay(day: Fixtures.day("2025-03-13"), articles: 1, headline: "Talks begin")]
        story.quotations = [
            StoryQuotation(
                text: "I have strongly requested President Putin", speaker: "Donald Trump",
                sources: [
                    QuotationSource(fileName: "a.txt", source: "Reuters", text: "x", start: 0, end: 1),
                    QuotationSource(fileName: "b.txt", source: "New York Post", text: "y", start: 2, end: 3),
                ],
                differences: [[
                    WordingVariant(source: "Reuters", text: "requested President"),
                    WordingVariant(source: "New York Post", text: "requested to President"),
                ]]),
            StoryQuotation(
                text: "the envoy was sent home with “signals” for Trump", speaker: "Dmitri Peskov",
                sources: [QuotationSource(fileName: "b.txt", source: "New York Post", text: "z", start: 4, end: 5)],
                differences: [], isDirect: false),
        ]
        story.entities = [
            StoryEntity(canonical: "Donald Trump", kind: .person, mentions: 4),
            StoryEntity(canonical: "Kyiv", kind: .place, mentions: 2),
            StoryEntity(canonical: "NATO", kind: .organization, mentions: 1),
        ]
        story.additions = [
            SourceAddition(
                fileName: "a.txt", source: "Reuters",
                lines: [SummaryLine(text: "Only Reuters says this.", fileName: "a.txt", sentenceIndex: 3, start: 0, end: 1)])
        ]
        let expected = """
            # News digest — Friday 14 March 2025

            2 articles · 1 story · 2 sources

            ## 1. Leaders \\*agree\\* on \\[truce\\]

            *2 articles from 2 sources: Reuters, New York Post · story [`st-0123456789`](../stories/st-0123456789.md) \
            · also on 2025-03-13 (1 article)*

            Line one. Line\\_two \\<b\\>.

            **Key quotations**

            > “I have strongly requested President Putin”
            >
            > — **Donald Trump**, carried by Reuters and New York Post
            >
            > *Wording differs:* “requested President” (Reuters) against “requested to President” (New York Post)

            > *Reported:* the envoy was sent home with “signals” for Trump
            >
            > — **Dmitri Peskov**, in New York Post

            **People:** Donald Trump · **Places:** Kyiv · **Organisations:** NATO

            **What each source adds**

            - *Reuters*: Only Reuters says this.

            **Sources**

            - [Truce agreed](../../archive/2025-03-14/a.txt) — Reuters, 2025-03-14 (dated in its header)
            - Truce: the details — New York Post, 2025-03-14T09:30:00Z (dated in its metadata) \
            · identical copies: `b copy.txt`, `b (2).txt`

            """
        #expect(Self.renderer.render(Digest(day: Self.day, stories: [story])) == expected)
    }

    @Test("a digest with a multi-source story and a single one")
    func fullDigest() {
        let digest = Digest(day: Self.day, stories: [Self.multiStory, Self.singleStory])
        let expected = """
            # News digest — Friday 14 March 2025

            3 articles · 2 stories · 3 sources

            ## 1. Leaders \\*agree\\* on \\[truce\\]

            *2 articles from 2 sources: Reuters, New York Post · story [`st-0123456789`](../stories/st-0123456789.md)*

            Line one. Line\\_two \\<b\\>.

            **Sources**

            - [Truce agreed](../../archive/2025-03-14/a.txt) — Reuters, 2025-03-14 (dated in its header)
            - Truce: the details — New York Post, 2025-03-14T09:30:00Z (dated in its metadata) \
            · identical copies: `b copy.txt`, `b (2).txt`

            ## Also reported

            - **Single headline** — AP, 2025-03-14 (undated; filed on arrival). First summary. \
            [original](../../inbox/my%20file%20%281%29.txt)

            """
        #expect(Self.renderer.render(digest) == expected)
        #expect(digest.fileCount == 5)
    }

    @Test("only single-article stories are listed under 'Stories', in the singular where it applies")
    func singlesOnly() {
        let digest = Digest(day: Self.day, stories: [Self.singleStory])
        let expected = """
            # News digest — Friday 14 March 2025

            1 article · 1 story · 1 source

            ## Stories

            - **Single headline** — AP, 2025-03-14 (undated; filed on arrival). First summary. \
            [original](../../inbox/my%20file%20%281%29.txt)

            """
        #expect(Self.renderer.render(digest) == expected)
    }

    @Test("an empty day")
    func emptyDay() {
        let digest = Digest(day: Fixtures.day("2024-02-29"), stories: [])
        #expect(
            Self.renderer.render(digest)
                == "# News digest — Thursday 29 February 2024\n\n0 articles · 0 stories · 0 sources\n")
    }

    @Test("a compact line does not repeat a summary equal to the headline, and has no link without a location")
    func compactWithoutRepeat() {
        var story = Self.singleStory
        story.headline = "First summary."
        story.entries[0].location = nil
        var article = story.entries[0].article
        article.outlet = nil
        story.entries[0].article = article
        let out = Self.renderer.render(Digest(day: Self.day, stories: [story]))
        #expect(out.hasSuffix("\n- **First summary.** — outlet not stated, 2025-03-14 (undated; filed on arrival)\n"))
        #expect(!out.contains("[original]"))
    }

    @Test(
        "each date origin is named",
        arguments: [
            (PublicationDate.Origin.header, "dated in its header"),
            (.meta, "dated in its metadata"),
            (.embed, "dated by its embedded post"),
            (.text, "dated in its text"),
            (.arrival, "undated; filed on arrival"),
        ]
    )
    func originNames(origin: PublicationDate.Origin, phrase: String) {
        var article = Self.reuters
        article.published = PublicationDate(day: Self.day, origin: origin)
        #expect(Self.renderer.outletAndDate(article) == "Reuters, 2025-03-14 (\(phrase))")
    }

    @Test("a story of many sources names the first outlets and lists the first sources; its page lists them all")
    func manySources() {
        var story = Self.multiStory
        story.entries = (0..<14).map { index in
            var article = Self.reuters
            article.fileName = "\(index).txt"
            article.title = "Report \(index)"
            article.outlet = "Outlet \(index)"
            return DigestEntry(article: article, location: "/srv/news/archive/\(index).txt")
        }
        let out = Self.renderer.render(Digest(day: Self.day, stories: [story]))
        #expect(out.contains("*14 articles from 14 sources: Outlet 0, Outlet 1, "))
        #expect(out.contains(", Outlet 11 and 2 more · story "))
        #expect(!out.contains("Outlet 12"))
        #expect(out.contains("- [Report 9](../../archive/9.txt) — "))
        #expect(!out.contains("[Report 10]"))
        #expect(out.contains("\n- … and 4 more articles on the [story page](../stories/st-0123456789.md)\n"))

        let page = StoryPageRenderer(storyDirectory: "/srv/news/out/stories").render(story, on: Self.day)
        #expect(page.contains(", Outlet 13 · story "))
        #expect(page.contains("- [Report 13](../../archive/13.txt) — "))
        #expect(!page.contains("more articles on the"))
    }

    @Test("articles that name no outlet are counted in a story's header, not listed by file name")
    func unattributedSources() {
        var story = Self.multiStory
        func entry(_ name: String, outlet: String?) -> DigestEntry {
            var article = Self.reuters
            article.fileName = name
            article.outlet = outlet
            return DigestEntry(article: article, location: nil)
        }
        story.entries = [entry("a.txt", outlet: nil), entry("b.txt", outlet: "Reuters"), entry("c.txt", outlet: nil)]
        let out = Self.renderer.render(Digest(day: Self.day, stories: [story]))
        #expect(out.contains("*3 articles from 3 sources: Reuters and 2 with no outlet named · story "))
        story.entries = [entry("a.txt", outlet: nil), entry("c.txt", outlet: nil)]
        #expect(Self.renderer.render(Digest(day: Self.day, stories: [story]))
            .contains("*2 articles from 2 sources, none naming an outlet · story "))
        // The clusters file still lists each source.
        #expect(story.outlets == ["unattributed (a.txt)", "unattributed (c.txt)"])
    }

    @Test("story numbers count the multi-source stories in order")
    func numbering() {
        var second = Self.multiStory
        second.id = StoryID("st-9999999999")
        second.headline = "Second story"
        let out = Self.renderer.render(Digest(day: Self.day, stories: [Self.multiStory, second, Self.singleStory]))
        #expect(out.contains("\n## 1. Leaders \\*agree\\* on \\[truce\\]\n"))
        #expect(out.contains("\n## 2. Second story\n"))
        #expect(out.contains("\n## Also reported\n"))
        #expect(out.hasPrefix("# News digest — Friday 14 March 2025\n\n5 articles · 3 stories · 3 sources\n"))
    }

    @Test("markup in titles and outlets is escaped")
    func escaping() {
        var article = Self.reuters
        article.title = "A *bold* [claim] | <tag>"
        article.outlet = "Outlet_name"
        let line = Self.renderer.sourceLine(DigestEntry(article: article, location: nil))
        #expect(
            line == "- A \\*bold\\* \\[claim\\] \\| \\<tag\\> — Outlet\\_name, 2025-03-14 (dated in its header)\n")
    }
}
