import Foundation
import Testing

@testable import NewsCore

@Suite("Story byte form")
struct StoryBytesTests {
    /// The seeds' story (a quotation in two wordings, speakers, names, what each source adds), and a hand-made story
    /// with copies of both kinds and every optional field set the other way.
    static func stories() throws -> [Story] {
        let seeds = StoryClusterer().digest(
            for: Fixtures.day("2025-03-14"), entries: [try Seeds.entry("000_"), try Seeds.entry("001_")])
        var other = Story(
            id: StoryID("st-0000000000"), headline: "Zürich: «quoted» headline",
            entries: [
                DigestEntry(
                    article: Fixtures.article(
                        fileName: "naïve\n.txt", title: "", published: PublicationDate(
                            day: Fixtures.day("1969-12-31"), secondsIntoDay: 0, utcOffsetSeconds: -34_200, origin: .arrival),
                        outlet: nil, sentences: ["Ünïcödé."]),
                    location: nil,
                    copies: [
                        ArticleCopy(fileName: "copy.txt", location: "/srv/archive/copy.txt", outlet: "AP"),
                        ArticleCopy(fileName: "near.txt", location: nil, outlet: nil, isExact: false, title: "Near 😀"),
                    ])
            ],
            summary: [SummaryLine(text: "", fileName: "naïve\n.txt", sentenceIndex: 0, start: -1, end: Int.max)])
        other.quotations = [
            StoryQuotation(
                text: "", speaker: nil,
                sources: [QuotationSource(fileName: "naïve\n.txt", source: "", text: "", start: 0, end: 0)],
                differences: [[], [WordingVariant(source: "a", text: "")]])
        ]
        other.entities = [StoryEntity(canonical: "", kind: .misc, mentions: 0)]
        other.additions = [SourceAddition(fileName: "", source: "", lines: [])]
        return seeds.stories.map { $0.withoutArticleText() } + [other.withoutArticleText()]
    }

    @Test("every field of a built story reads back as it was written")
    func roundTrip() throws {
        let stories = try Self.stories()
        let seeds = stories[0]
        // The test covers what the seeds' story shows.
        #expect(seeds.entries.count == 2 && seeds.summary.count >= 2 && !seeds.additions.isEmpty)
        #expect(seeds.quotations.contains { !$0.differences.isEmpty && $0.speaker != nil })
        #expect(Set(seeds.quotations.map(\.isDirect)) == [true, false])
        #expect(Set(seeds.entities.map(\.kind)).count >= 2)
        for story in stories {
            #expect(try Story(encoded: story.encoded()) == story)
        }
    }

    @Test("a story's timeline is not kept: each render works it out")
    func timelineIsLeftOut() throws {
        var story = try Self.stories()[0]
        story.otherDays = [StoryDay(day: Fixtures.day("2025-03-15"), articles: 2, headline: "Next day")]
        let read = try Story(encoded: story.encoded())
        #expect(read.otherDays.isEmpty)
        story.otherDays = []
        #expect(read == story)
    }

    @Test("bytes cut short, lengthened or of another version are refused, never misread")
    func damagedBytesAreRefused() throws {
        let bytes = try Self.stories()[0].encoded()
        for length in 0..<bytes.count {
            #expect(throws: DamagedStory.self) { try Story(encoded: Array(bytes.prefix(length))) }
        }
        #expect(throws: DamagedStory.self) { try Story(encoded: bytes + [0]) }
        var otherVersion = bytes
        otherVersion[1] = Story.bytesVersion + 1
        #expect(throws: DamagedStory.self) { try Story(encoded: otherVersion) }
    }
}
