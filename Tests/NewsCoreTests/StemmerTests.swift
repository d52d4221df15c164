import Foundation
import Testing

@testable import NewsCore

@Suite("Stemmer")
struct StemmerTests {
    @Test(
        "English Snowball stems",
        arguments: [
            ("talks", "talk"), ("talked", "talk"), ("talking", "talk"), ("negotiations", "negoti"),
            ("ceasefire", "ceasefir"), ("running", "run"), ("happily", "happili"), ("a", "a"),
        ])
    func stems(word: String, stem: String) {
        #expect(Stemmer().stem(word) == stem)
    }

    @Test("a batch stems like single words, in order")
    func batch() {
        let words = ["presidents", "presided", "", "élections", "troops"]
        #expect(Stemmer().stems(words) == words.map { Stemmer().stem($0) })
        #expect(Stemmer().stems(words)[2] == "")
    }

    @Test("an unknown algorithm leaves words as they are")
    func unknownAlgorithm() {
        #expect(Stemmer(algorithm: "klingon").stems(["talks"]) == ["talks"])
    }

    @Test("stemmers on many tasks at once agree", .timeLimit(.minutes(1)))
    func concurrent() async {
        let words = (0..<200).map { "negotiations\($0 % 7)" } + ["talking", "ceasefires"]
        let expected = Stemmer().stems(words)
        let stemmer = Stemmer()
        await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 { group.addTask { stemmer.stems(words) } }
            for await result in group { #expect(result == expected) }
        }
    }

    // MARK: Keywords

    @Test("keywords favour the title, names and repeated content words over everyday words")
    func keywords() {
        let body = """
            The harbour authority said the pier will be rebuilt. Harbour repairs started on Monday and the pier \
            should reopen by May. Amelia Hart, who runs the harbour, said the repairs were going well.
            """
        let entities = EntityRecognizer().mentions(title: nil, body: body, sentences: [])
        let keywords = KeywordExtractor(limit: 5).keywords(
            title: "Harbour pier rebuilt", body: body, entities: entities)
        #expect(keywords.count == 5)
        #expect(Array(keywords.prefix(2)) == ["harbour", "pier"])
        #expect(!keywords.contains("said"))
        #expect(!keywords.contains("the"))
    }

    @Test("no words, no keywords")
    func noKeywords() {
        #expect(KeywordExtractor().keywords(title: "", body: "", entities: []).isEmpty)
    }

    @Test("an article's keywords come from its title, body and names; a payload that stored them still reads")
    func articleKeywords() throws {
        let article = try Fixtures.extract(
            "Title: Harbour pier rebuilt\n\nThe harbour authority said the pier will be rebuilt. Harbour repairs "
                + "started on Monday and the pier should reopen by May.")
        #expect(Array(article.keywords.prefix(2)) == ["harbour", "pier"])
        #expect(article.keywords == KeywordExtractor().keywords(
            title: article.title, body: article.body, entities: article.entities))
        // Payloads written before stop 16 carry the keywords they were built with; the key is ignored.
        var payload = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(article)) as? [String: Any])
        #expect(payload["keywords"] == nil)
        payload["keywords"] = ["stale"]
        let read = try JSONDecoder().decode(Article.self, from: JSONSerialization.data(withJSONObject: payload))
        #expect(read == article)
    }
}
