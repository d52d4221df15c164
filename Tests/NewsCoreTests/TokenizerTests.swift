import Testing

@testable import NewsCore

@Suite("Tokenizer")
struct TokenizerTests {
    @Test(
        "words between spaces are counted and the last of several found as split(separator:) finds them",
        arguments: ["", " ", "one", " one ", "two words", "  two   words  ", "Ann Marie Ó Súilleabháin", "a  b c",
                    "Côte d’Ivoire", "x "])
    func wordsBetweenSpaces(_ text: String) {
        let words = text.split(separator: " ")
        #expect(text.spaceSeparatedWordCount == words.count)
        #expect(text.lastOfSeveralWords.map(String.init) == (words.count > 1 ? words.last.map(String.init) : nil))
    }

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

    @Test(
        "term keys from the bytes are the keys of the terms from Strings",
        arguments: [
            "The talks between Russia and Ukraine, both parties' ties, the press and the virus crisis",
            "Mr. Putin said it's over; Russia’s troops, James's cousins, the us's allies and 3 ies",
            "Café ZÜRICH’s élites, ÉTÉ, 東京 talks, Zoë’s parties, naïve cities, e\u{301}tudes",
            "x y z -- a's s's ies iess gases buses crises it'S DON'T Told ACCORDING",
            "",
        ]
    )
    func termKeys(text: String) {
        #expect(Tokenizer.termKeys(text) == Self.referenceWords(text).compactMap(Self.referenceTerm).map(TermKey.init))
        #expect(Tokenizer.termKeys(text) == Tokenizer.terms(text).map(TermKey.init))
        var fromBytes: [String] = []
        Tokenizer.forEachWord(text) { bytes, isASCII in
            fromBytes.append(String(decoding: bytes, as: UTF8.self))
            #expect(isASCII == bytes.allSatisfy { $0 < 0x80 })
        }
        #expect(fromBytes == Self.referenceWords(text))
        #expect(Tokenizer.words(text) == Self.referenceWords(text))
    }

    @Test("the seeds' words and term keys from the bytes are those of the reference from Strings")
    func seedTermKeys() throws {
        for prefix in ["000_", "001_"] {
            let article = try Seeds.article(prefix)
            for text in [article.title, article.body] + article.sentences.map(\.text) {
                #expect(Tokenizer.words(text) == Self.referenceWords(text))
                #expect(
                    Tokenizer.termKeys(text) == Self.referenceWords(text).compactMap(Self.referenceTerm).map(TermKey.init))
            }
        }
    }

    /// The words as the tokenizer made them before it read bytes (stop 19): a `String` per word from a walk over
    /// the Unicode scalars, each scalar classified by its properties and each word lower-cased whole.
    static func referenceWords(_ text: some StringProtocol) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() {
            while current.hasSuffix("'") || current.hasSuffix("-") { current.removeLast() }
            if !current.isEmpty { words.append(current.lowercased()) }
            current = ""
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.unicodeScalars.append(scalar)
            } else if (scalar == "'" || scalar == "-") && !current.isEmpty {
                current.unicodeScalars.append(scalar)
            } else if scalar == "’" && !current.isEmpty {
                current.append("'")
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// The term a reference word gives, if any: stop words and one-character words dropped, plurals folded.
    static func referenceTerm(_ word: String) -> String? {
        guard word.count > 1, !Tokenizer.stopWords.contains(word) else { return nil }
        return Tokenizer.fold(word)
    }

    @Test("a set of words answers by bytes exactly, not by key alone")
    func wordBytes() {
        let set = WordTable(["the", "and", "kremlin"])
        func contains(_ word: String) -> Bool { Array(word.utf8).withUnsafeBufferPointer { set.contains($0) } }
        #expect(contains("the") && contains("and") && contains("kremlin"))
        #expect(!contains("th") && !contains("then") && !contains("kremlins") && !contains("") && !contains("The"))
        #expect(Tokenizer.stopWords.allSatisfy { word in
            Array(word.utf8).withUnsafeBufferPointer { Tokenizer.isStopWord($0) }
        })
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
        let (ceasefire, putin, trump, call, moscow) = (
            TermKey("ceasefire"), TermKey("putin"), TermKey("trump"), TermKey("call"), TermKey("moscow")
        )
        #expect(textTerms[ceasefire] == nil && textTerms[putin] == nil)
        #expect(terms[ceasefire] == 1 && terms[putin] == 1 && terms[trump] == 1 && terms[call] == 1)
        // In the headline already: its weight stays the headline's.
        #expect(textTerms[moscow] != nil && terms[moscow] == textTerms[moscow])
        #expect(Set(terms.keys).subtracting(textTerms.keys) == [ceasefire, putin, trump, call])
    }
}
