import Testing

@testable import NewsCore

@Suite("WordTable")
struct WordTableTests {
    @Test("answers every word of the lists it was built from with its value, and no other")
    func values() {
        let entries = Dictionary(uniqueKeysWithValues: (0..<5_000).map { ("word\($0)", $0) })
        let table = WordTable(entries)
        for (word, value) in entries { #expect(table[word] == value) }
        for word in ["word", "word5000", "word-1", "Word1", "", "word10 "] { #expect(table[word] == nil) }
        #expect(Set(table.words) == Set(entries.keys))
    }

    @Test("a word of other bytes matches as a Set<String> would: any canonically equivalent spelling")
    func canonicalEquivalence() {
        let table: WordTable<Bool> = ["café", "são paulo", "kremlin"]
        let set: Set<String> = ["café", "são paulo", "kremlin"]
        for word in ["café", "cafe\u{301}", "sa\u{303}o paulo", "são paulo", "cafe", "kremlin", "kremlin\u{301}"] {
            #expect(table.contains(word) == set.contains(word), "\(word)")
        }
        #expect(table.contains("cafe\u{301}"))
    }

    @Test("the gazetteer and the cue words answer as their lists do")
    func lists() {
        #expect(Gazetteer.countries.contains("germany") && Gazetteer.cities.contains("munich"))
        #expect(Gazetteer.entry("new york city").contains(.city) && Gazetteer.entry("munich ").isEmpty)
        #expect(SpeechCues.reportVerbs.contains("said") && !SpeechCues.reportVerbs.contains("Said"))
        #expect(EntityCues.personTitles.contains("president") && !EntityCues.personTitles.contains("presiden"))
    }
}
