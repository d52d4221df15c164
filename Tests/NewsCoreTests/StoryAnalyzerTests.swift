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
        // The quotations the seeds' README asks for are among those a digest shows, each with its speaker.
        let shown = analyzer.quotations(entries).prefix(DigestRenderer(digestDirectory: "d").quotationsPerStory)
        for (start, speaker) in [
            ("We had very good", "Donald Trump"), ("We agree with the proposal", "Vladimir Putin"),
            ("Russian troops are advancing", "Vladimir Putin"), ("A lot still needs", "Dmitri Peskov"),
        ] {
            #expect(shown.contains { $0.text.hasPrefix(start) && $0.speaker == speaker && $0.isDirect }, "\(start)")
        }
        #expect(shown.contains { $0.text.contains("very disappointing moment for the world") && $0.speaker == "Donald Trump" })
    }

    @Test("reported speech whose quoted words a direct quotation gives repeats it; fewer than three words do not count")
    func reportedSpeechRepeatingDirectWords() {
        func quotation(_ text: String, direct: Bool) -> StoryQuotation {
            StoryQuotation(
                text: text, speaker: "Amelia Hart",
                sources: [QuotationSource(fileName: "a.txt", source: "a.txt", text: text, start: 0, end: 0)],
                differences: [], isDirect: direct)
        }
        let quotations = [
            quotation("We will rebuild the harbour together, with the whole town", direct: true),
            quotation("the council would “rebuild the harbour together” by May", direct: false),
            quotation("the council “has not yet paid” the crews", direct: false),
            quotation("the town would work \"together, with the whole\" of its people", direct: false),
            quotation("the harbour is “the town” itself", direct: false),
            quotation("the crews would “rebuild the harbour together”", direct: true),
        ]
        #expect(StoryAnalyzer.repeatsDirectWords(quotations) == [false, true, false, true, false, false])
        #expect(StoryAnalyzer.quotedPhrases(in: "a “b c” d \"e\" «f»") == ["b c", "e", "f"])
    }

    @Test("a story names whom its articles name: a surname alone is the full name, and one article's aside is left out")
    func storyEntities() throws {
        let texts = [
            "Title: Edward Snowden speaks at SXSW festival\n\nEdward Snowden spoke to the SXSW festival in Austin by video "
                + "on Monday. He urged technology firms to encrypt their data.",
            "Title: Snowden urges encryption at SXSW\n\nEdward Snowden told the SXSW audience in Austin that encryption "
                + "works. Maria Lopez, who runs the hall, said it was full.",
            "Title: Leaker tells festival to encrypt\n\nSnowden addressed the SXSW festival in Austin from Moscow on "
                + "Monday. Snowden said firms must protect their users.",
            // The recogniser reads a sentence-opening "Defiant Snowden" as a name of its own.
            "Title: Defiant Snowden tells SXSW to encrypt\n\nDefiant Snowden spoke to the SXSW festival in Austin on "
                + "Monday. He said more.",
        ]
        let entries = try texts.enumerated().map { index, text in
            DigestEntry(article: try Fixtures.extract(text, fileName: "\(index).txt"), location: nil)
        }
        let names = StoryAnalyzer().entities(entries).map(\.canonical)
        // Named by all three articles, so among the first, with SXSW and Austin.
        #expect(Set(names.prefix(3)) == ["Edward Snowden", "SXSW", "Austin"])
        #expect(!names.contains("Snowden"))
        #expect(!names.contains("Defiant Snowden"))
        #expect(names.contains("Austin"))
        #expect(!names.contains("Maria Lopez"))
        #expect(!names.contains("Moscow"))
        // In a story of two, each name counts: both articles are the story.
        let pair = StoryAnalyzer().entities(Array(entries.prefix(2))).map(\.canonical)
        #expect(pair.contains("Maria Lopez"))
    }

    @Test("a name two outlets write in different capitals is listed once, as most of its articles spell it")
    func nameSpelledInDifferentCapitals() throws {
        // The seeds: one outlet writes "TRUTH Social", the other "Truth Social".
        let seeds = StoryAnalyzer().entities([try Seeds.entry("000"), try Seeds.entry("001")]).map(\.canonical)
        #expect(seeds.filter { $0.lowercased() == "truth social" }.count == 1)
        let texts = [
            "Title: PIMCO names new chief\n\nPIMCO said on Monday that its chief would leave the firm in March.",
            "Title: Pimco chief to leave\n\nThe bond giant Pimco said its chief would leave. Pimco gave no reason.",
            "Title: Bond firm chief quits\n\nPimco, the bond firm, said its chief would step down in March.",
        ]
        let entries = try texts.enumerated().map { index, text in
            DigestEntry(article: try Fixtures.extract(text, fileName: "\(index).txt"), location: nil)
        }
        let names = StoryAnalyzer().entities(entries).map(\.canonical)
        #expect(names.filter { $0.lowercased() == "pimco" } == ["Pimco"])
        // Counted as one name, it is named by all three articles and leads the list.
        #expect(names.first == "Pimco")
    }

    @Test("the speakers take turns among quotations carried alike, so one speaker quoted at length does not fill them")
    func speakersTakeTurns() throws {
        let text = """
            Title: Harbour to reopen in spring
            Date: 2025-03-14

            “The harbour will reopen in the spring,” Amelia Hart said on Monday. “The new pier is nearly finished,” \
            Amelia Hart said. “We thank every crew for their patience,” Amelia Hart said.

            “Our boats are ready to sail again,” Tom Briggs said.
            """
        let entries = [DigestEntry(article: try Fixtures.extract(text, fileName: "a.txt"), location: nil)]
        let quotations = StoryAnalyzer().quotations(entries)
        #expect(quotations.map(\.speaker) == ["Amelia Hart", "Tom Briggs", "Amelia Hart", "Amelia Hart"])
        #expect(quotations.map { $0.text.split(separator: " ").prefix(2).joined(separator: " ") }
            == ["The harbour", "Our boats", "The new", "We thank"])
        // Carried as widely, attributed and direct come before the turns: a reported quotation stays after them.
        #expect(StoryAnalyzer.takingTurns([0, 1, 2, 3], tier: { $0 < 3 ? 1 : 0 }, speaker: { ["A", "A", "B", "C"][$0] })
            == [0, 2, 1, 3])
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
