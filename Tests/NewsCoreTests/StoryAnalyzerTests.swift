import Testing

@testable import NewsCore

@Suite("StoryAnalyzer")
struct StoryAnalyzerTests {
    @Test("the seeds' story lists its outlets among its organisations and its quotation once with both sources")
    func seedStory() throws {
        let entries = [try Seeds.entry("000"), try Seeds.entry("001")]
        let analyzer = StoryAnalyzer()
        let organisations = analyzer.entities(entries).filter { $0.kind == .organization }.map(\.canonical)
        #expect(organisations.contains("New York Post"))
        #expect(organisations.contains("NATO"))
        let trump = try #require(analyzer.quotations(entries).first { $0.text.hasPrefix("We had very good") })
        #expect(trump.speaker == "Donald Trump")
        #expect(trump.sources.count == 2)
        let variants = trump.differences.map { $0.map(\.text) }
        #expect(variants.contains(["requested President", "requested to President"]))
    }

    @Test("a short phrase quoted in a report is not the statement it comes from")
    func phraseIsNotStatement() {
        let phrase = Tokenizer.words("very good productive discussions")
        let statement = Tokenizer.words(
            "We had very good and productive discussions with President Vladimir Putin of Russia yesterday")
        #expect(!StoryAnalyzer.isSameQuotation(phrase, statement, threshold: 0.6))
        #expect(StoryAnalyzer.isSameQuotation(statement, statement.dropLast().map { $0 }, threshold: 0.6))
    }

    @Test("word differences carry one word of context on each side")
    func wordDiff() {
        let pairs = WordDiff.differences(
            "I have strongly requested President Putin", "I have strongly requested to President Putin")
        #expect(pairs.count == 1)
        #expect(pairs.first?.0 == "requested President")
        #expect(pairs.first?.1 == "requested to President")
    }
}
