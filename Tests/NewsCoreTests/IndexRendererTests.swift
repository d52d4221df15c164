import Testing

@testable import NewsCore

@Suite("IndexRenderer")
struct IndexRendererTests {
    @Test("no days yet")
    func empty() {
        #expect(IndexRenderer.render([]) == "# News digests\n\nNo articles yet.\n")
    }

    @Test("days newest first, with singular and plural counts")
    func days() {
        let days = [
            IndexRenderer.Day(day: Fixtures.day("2025-03-13"), articles: 1, stories: 1),
            IndexRenderer.Day(day: Fixtures.day("2025-03-14"), articles: 2, stories: 1),
            IndexRenderer.Day(day: Fixtures.day("2024-12-31"), articles: 5, stories: 3),
        ]
        let expected = """
            # News digests

            - [Friday 14 March 2025](digests/2025-03-14.md) — 2 articles, 1 story
            - [Thursday 13 March 2025](digests/2025-03-13.md) — 1 article, 1 story
            - [Tuesday 31 December 2024](digests/2024-12-31.md) — 5 articles, 3 stories

            """
        #expect(IndexRenderer.render(days) == expected)
    }
}
