import Foundation
import Testing

@testable import NewsCore

@Suite("Article byte form")
struct ArticleBytesTests {
    /// The seeds as extracted (quotations with and without speakers, entities whose canonical name differs from the
    /// mention), and a hand-made article with a time, a negative UTC offset and every other optional field set the
    /// other way.
    static func articles() throws -> [Article] {
        var other = Fixtures.article(
            fileName: "naïve — file\n.txt", title: "Zürich: «quoted» title", titleIsGenerated: true,
            published: PublicationDate(
                day: CivilDate(year: 1969, month: 12, day: 31)!, secondsIntoDay: 0, utcOffsetSeconds: -34_200,
                origin: .arrival),
            outlet: nil, sentences: ["Ünïcödé 😀 text.", ""])
        other.url = "https://example.org/a?b=c"
        other.authors = ["Ann Lee", ""]
        other.isEnglish = false
        other.entities = [EntityMention(text: "", kind: .misc, canonical: "x", start: 0, end: 0, inTitle: true)]
        other.quotes = [
            Quotation(text: "", speaker: "", start: -1, end: Int.max, normalized: ""),
            Quotation(text: "reported", speaker: nil, start: 0, end: 8, normalized: "reported", isDirect: false),
        ]
        return [try Seeds.article("000_"), try Seeds.article("001_"), other]
    }

    @Test("every field reads back as it was written, and the form starts with a byte no JSON starts with")
    func roundTrip() throws {
        let articles = try Self.articles()
        #expect(articles[0].quotes.contains { $0.speaker != nil })
        #expect(articles.flatMap(\.entities).contains { $0.canonical != $0.text })
        for article in articles {
            let bytes = article.encoded()
            #expect(Article.isByteForm(bytes))
            #expect(try Article(encoded: bytes) == article)
            #expect(!Article.isByteForm(try JSONEncoder().encode(article)))
        }
        // Smaller than the JSON it replaces: the seed's JSON repeats every key of every sentence and mention.
        let sizes = (bytes: articles[0].encoded().count, json: try JSONEncoder().encode(articles[0]).count)
        #expect(sizes.bytes * 3 < sizes.json * 2, "\(sizes)")
    }

    @Test("an article stored in version 1, which did not say which quotations are direct, reads them from the body")
    func versionOneQuotations() throws {
        let seed = try Seeds.article("000_")
        // The seed has both: its posts and statements in marks, and what it reports of Trump's.
        #expect(Set(seed.quotes.map(\.isDirect)) == [true, false])
        let read = try Article(encoded: seed.encoded(version: 1))
        #expect(read.quotes.map(\.isDirect) == seed.quotes.map(\.isDirect))
        #expect(read == seed)
    }

    @Test("bytes cut short, lengthened or of another version are refused, never misread")
    func damagedBytesAreRefused() throws {
        let bytes = try Seeds.article("001_").encoded()
        for length in 0..<bytes.count {
            #expect(throws: DamagedArticle.self) { try Article(encoded: Array(bytes.prefix(length))) }
        }
        #expect(throws: DamagedArticle.self) { try Article(encoded: bytes + [0]) }
        var otherVersion = bytes
        otherVersion[1] = Article.bytesVersion + 1
        #expect(throws: DamagedArticle.self) { try Article(encoded: otherVersion) }
    }
}
