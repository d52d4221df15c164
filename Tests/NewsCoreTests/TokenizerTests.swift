import Testing

@testable import NewsCore

@Suite("Tokenizer")
struct TokenizerTests {
    @Test("scalars decoded from UTF-8 and text built from scalars match the standard library's")
    func scalarText() {
        for text in ["", "plain ASCII", "Zoë’s café «ouvert» — 東京 🇺🇦 e\u{301}", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}"] {
            let scalars = [Unicode.Scalar](scalarsOf: text)
            #expect(scalars == Array(text.unicodeScalars))
            #expect(String(scalars: scalars[...]) == text)
            if scalars.count > 2 {
                #expect(String(scalars: scalars[1..<(scalars.count - 1)])
                    == String(String.UnicodeScalarView(scalars[1..<(scalars.count - 1)])))
            }
        }
    }

    @Test(
        "words are lower-cased runs of letters and digits",
        arguments: [
            ("Hello, World!", ["hello", "world"]),
            ("Russia’s war", ["russia's", "war"]),
            ("don't stop", ["don't", "stop"]),
            ("the players' union", ["the", "players", "union"]),
            ("a cease-fire for 30-day", ["a", "cease-fire", "for", "30-day"]),
            ("-leading and trailing- hyphens", ["leading", "and", "trailing", "hyphens"]),
            ("'quoted' words", ["quoted", "words"]),
            ("In 2025 it was 3.5%", ["in", "2025", "it", "was", "3", "5"]),
            ("Café Zürich, ÉTÉ", ["café", "zürich", "été"]),
            ("TRUTH Social", ["truth", "social"]),
            ("e-mail—and…more", ["e-mail", "and", "more"]),
            ("  ", []),
            ("", []),
        ]
    )
    func words(text: String, expected: [String]) {
        #expect(Tokenizer.words(text) == expected)
    }

    @Test(
        "terms drop stop words and one-letter tokens and fold plurals",
        arguments: [
            ("The talks between Russia and Ukraine", ["talk", "russia", "ukraine"]),
            ("I have a plan", ["plan"]),
            ("Mr. Putin said it's over", ["putin"]),
            ("Russia’s troops", ["russia", "troop"]),
            ("both parties agreed", ["party", "agreed"]),
            ("the press covered the crisis and the virus", ["press", "covered", "crisis", "virus"]),
            ("gas ties", ["gas", "tie"]),
            ("x y z", []),
        ]
    )
    func terms(text: String, expected: [String]) {
        #expect(Tokenizer.terms(text) == expected)
    }

    @Test(
        "plural folding",
        arguments: [
            ("talks", "talk"), ("parties", "party"), ("ties", "tie"), ("press", "press"), ("virus", "virus"),
            ("crisis", "crisis"), ("gas", "gas"), ("putin's", "putin"), ("ukraine", "ukraine"),
        ]
    )
    func fold(word: String, expected: String) {
        #expect(Tokenizer.fold(word) == expected)
    }

    @Test("works on substrings")
    func substring() {
        let text = "ignored | Ceasefire Talks"
        #expect(Tokenizer.terms(text.dropFirst(10)) == ["ceasefire", "talk"])
    }

    @Test(
        "a link's slug is its segment of three or more words, without ids, dates or extension",
        arguments: [
            ("https://example.org/world/2025/03/14/kremlin-weighs-ceasefire-call/", "kremlin weighs ceasefire call"),
            (
                "http://news.example.com/europe/putin_meets_envoy_in_moscow.html?ref=rss#top",
                "putin meets envoy in moscow"
            ),
            (
                "https://example.com/a/8301-1009_3-5762/talks-resume-in-riyadh-after-pause-12345.php",
                "talks resume in riyadh after pause"
            ),
            ("https://example.com/world/ceasefire-talks-begin\\?type=rss", "ceasefire talks begin"),
            ("https://example.com/arts-entertainment/celebrity/one-two-three/x1387/", "one two three"),
            ("https://example.com/news/2025/03/14/6256627/", nil),
            ("https://example.com/arts-entertainment/", nil),
            ("https://example.com", nil),
            ("not a link", nil),
        ] as [(String, String?)]
    )
    func slug(url: String, expected: String?) {
        #expect(URLSlug.text(ofURL: url) == expected)
    }

    @Test("the slug's words join an article's terms once each, only those its text lacks")
    func slugTerms() throws {
        let article = try Fixtures.extract(
            """
            Moscow waits for Washington's answer
            date 2025-03-14T10:00:00Z
            source Example Wire
            url https://example.org/world/2025/03/14/putin-trump-ceasefire-call-moscow/
            """)
        var withoutLink = article
        withoutLink.url = nil
        let terms = TermStatistics.terms(of: article)
        let textTerms = TermStatistics.terms(of: withoutLink)
        #expect(textTerms["ceasefire"] == nil && textTerms["putin"] == nil)
        #expect(terms["ceasefire"] == 1 && terms["putin"] == 1 && terms["trump"] == 1 && terms["call"] == 1)
        // In the headline already: its weight stays the headline's.
        #expect(textTerms["moscow"] != nil && terms["moscow"] == textTerms["moscow"])
        #expect(Set(terms.keys).subtracting(textTerms.keys) == ["ceasefire", "putin", "trump", "call"])
    }
}
