import Testing

@testable import NewsCore

@Suite("EntityRecognizer")
struct EntityRecognizerTests {
    let recognizer = EntityRecognizer()

    func mentions(_ body: String, title: String? = nil) -> [EntityMention] {
        recognizer.mentions(title: title, body: body, sentences: [])
    }

    func kinds(_ mentions: [EntityMention]) -> [String: EntityKind] {
        Dictionary(mentions.map { ($0.text, $0.kind) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: Kinds

    @Test("titles mark people and are left out of the name")
    func titlesMarkPeople() {
        let found = mentions("Prime Minister Mark Carney met Gen. Tomas Ibarra in Ottawa on Tuesday.")
        #expect(found.map(\.text) == ["Mark Carney", "Tomas Ibarra", "Ottawa"])
        #expect(found.map(\.kind) == [.person, .person, .place])
    }

    @Test("a headline's opening capital is not a name's: an everyday word before an acronym, a clause after a colon")
    func headlineOpeningWords() {
        // A headline alone shows none of its words in lower case, so the document cannot tell them apart.
        let cases: [(title: String, names: [String: EntityKind])] = [
            ("Proposed FDA rules worry dairy farmers: Harper", ["FDA": .organization, "Harper": .person]),
            ("Harper: His FDA plan leaves farms in a better place", ["FDA": .organization]),
            ("Janet Harper tells farmers: Be Internet 'pioneers'", ["Janet Harper": .person, "Internet": .misc]),
        ]
        for (title, names) in cases {
            #expect(kinds(mentions("", title: title)) == names, "\(title)")
        }
    }

    @Test(
        "a Title Case headline cut short by an aggregator, or dated with a year, is still Title Case: a name ends at its verb",
        arguments: [
            "Janet Harper Misses Her Train, Blames Weather On Start Of Week  ...",
            "Harper Girlfriend 2024: Ex- Janet Harper Marries Engineer Paul  ...",
        ])
    func titleCaseHeadlines(title: String) {
        let found = mentions("", title: title)
        #expect(found.contains { $0.kind == .person && $0.text == "Janet Harper" })
        #expect(!found.contains { $0.text.contains("Misses") || $0.text.contains("Marries") })
    }

    @Test("an institution named in two halves joined by 'and' is one name; two names joined by 'and' stay two")
    func institutionNamedWithAnd() {
        let found = kinds(mentions(
            "Officials of the Truth and Reconciliation Commission met the Food and Drug Administration on Monday. "
                + "Britain and France objected, and Microsoft and Apple Inc declined to comment."))
        #expect(found["Truth and Reconciliation Commission"] == .organization)
        #expect(found["Food and Drug Administration"] == .organization)
        #expect(found["Britain"] == .place && found["France"] == .place)
        #expect(found.keys.allSatisfy { !$0.hasPrefix("Microsoft and") })
    }

    @Test("organisation words, acronyms and lists make organisations")
    func organisations() {
        let found = kinds(
            mentions("Officials at Brightwater Holdings Inc and the Ministry of Fisheries told NATO and the IMF."))
        #expect(found["Brightwater Holdings Inc"] == .organization)
        #expect(found["Ministry of Fisheries"] == .organization)
        #expect(found["NATO"] == .organization)
        #expect(found["IMF"] == .organization)
    }

    @Test("nationalities and events are MISC, countries and cities places")
    func miscAndPlaces() {
        let found = kinds(mentions("German and Brazilian fans travelled from Lisbon to Qatar for the World Cup."))
        #expect(found["German"] == .misc)
        #expect(found["Brazilian"] == .misc)
        #expect(found["World Cup"] == .misc)
        #expect(found["Lisbon"] == .place)
        #expect(found["Qatar"] == .place)
    }

    @Test("an ordinary word that starts a sentence is not a name")
    func sentenceStarts() {
        let found = mentions("After the vote, Police said the Senate would meet. Results were late.")
        #expect(!found.contains { $0.text == "After" || $0.text == "Police" || $0.text == "Results" })
        #expect(found.contains { $0.text == "Senate" && $0.kind == .organization })
    }

    @Test("a surname alone after the full name is the same person")
    func surnamePropagation() {
        let found = mentions("Selma Okonkwo-Reyes won the race. Okonkwo-Reyes thanked her coach.")
        #expect(found.allSatisfy { $0.kind == .person })
        #expect(found.map(\.canonical) == ["Selma Okonkwo-Reyes", "Selma Okonkwo-Reyes"])
    }

    @Test("in a results list a county before a score is a team, not a place")
    func sportsTeams() {
        let body = "Result on Friday :\nLeicestershire 296 , Somerset 83 .\nThe match was played in Leicester ."
        let found = recognizer.mentions(title: "CRICKET - COUNTY SCORES .", body: body, sentences: [])
        let kinds = kinds(found)
        #expect(kinds["Leicestershire"] == .organization)
        #expect(kinds["Somerset"] == .organization)
        #expect(kinds["Leicester"] == .place)
    }

    @Test("lines in capitals are read through the names the document knows")
    func capitalsLines() {
        let title = "ATHLETICS - OKONKWO WINS IN BERLIN ."
        let body = "BERLIN 1996-08-30\nSelma Okonkwo won the 400 metres in Berlin on Friday ."
        let found = recognizer.mentions(title: title, body: body, sentences: [])
        #expect(found.filter(\.inTitle).map(\.text) == ["OKONKWO", "BERLIN"])
        #expect(found.first { $0.text == "OKONKWO" }?.canonical == "Selma Okonkwo")
        #expect(found.contains { $0.text == "BERLIN" && !$0.inTitle && $0.kind == .place })
    }

    // MARK: Canonical names

    @Test("aliases merge: surname, title and full name")
    func aliases() {
        let found = mentions("President Vladimir Putin spoke. Later Putin said more, and Donald Trump answered.")
        let putin = found.filter { $0.text.contains("Putin") }
        #expect(putin.count == 2)
        #expect(putin.allSatisfy { $0.canonical == "Vladimir Putin" })
    }

    @Test("a one-letter misspelling of a known surname joins it")
    func misspelling() {
        let found = mentions("Envoy Steve Witkoff left Moscow. Witloff was sent home. Witkoff said little.")
        #expect(found.first { $0.text == "Witloff" }?.kind == .person)
        #expect(found.first { $0.text == "Witloff" }?.canonical == "Steve Witkoff")
    }

    @Test("US, U.S. and United States share one canonical name")
    func placeAliases() {
        let found = mentions("The U.S. and the United States Senate differ; US officials agree.")
        #expect(found.filter { $0.kind == .place }.allSatisfy { $0.canonical == "United States" })
    }

    // MARK: Order and offsets

    @Test("title mentions come first, with offsets into the title")
    func titleFirst() throws {
        let title = "Kowalski visits Nairobi"
        let body = "Anna Kowalski arrived in Nairobi on Monday."
        let found = recognizer.mentions(title: title, body: body, sentences: [])
        #expect(found.prefix(2).allSatisfy { $0.inTitle })
        let first = try #require(found.first)
        #expect(first.start == 0 && first.end == 8)
        #expect(found.dropFirst(2).map(\.text) == ["Anna Kowalski", "Nairobi"])
    }

    @Test("offsets count Unicode scalars, so accents and emoji before a name do not shift it")
    func scalarOffsets() {
        let body = "Café 🎉 déjà vu: Marie Curie lived in Paris."
        let scalars = Array(body.unicodeScalars)
        for mention in mentions(body) {
            let slice = String(String.UnicodeScalarView(scalars[mention.start..<mention.end]))
            #expect(slice == mention.text)
        }
        #expect(mentions(body).map(\.text) == ["Marie Curie", "Paris"])
    }

    @Test("CoNLL-style spaces before punctuation and possessives")
    func conllTokenisation() {
        let found = mentions("Pete Sampras ( U.S. ) beat Spain 's Carlos Moya 6-4 .")
        #expect(found.map(\.text) == ["Pete Sampras", "U.S.", "Spain", "Carlos Moya"])
        #expect(found.map(\.kind) == [.person, .place, .place, .person])
    }

    @Test("an empty body has no mentions")
    func empty() {
        #expect(mentions("").isEmpty)
    }

    // MARK: The seed articles

    @Test("the seed articles name the people, places and organisations of the story")
    func seeds() throws {
        var canonical: [EntityKind: Set<String>] = [:]
        var texts: [String: String] = [:]
        for prefix in ["000_", "001_"] {
            for mention in try Seeds.article(prefix).entities {
                canonical[mention.kind, default: []].insert(mention.canonical)
                texts[mention.text] = mention.canonical
            }
        }
        let people = canonical[.person] ?? []
        for name in ["Donald Trump", "Vladimir Putin", "Steve Witkoff", "Dmitri Peskov"] {
            #expect(people.contains(name), "missing person \(name)")
        }
        #expect(texts["Witloff"] == "Steve Witkoff")
        #expect(texts["Putin"] == "Vladimir Putin")
        let places = canonical[.place] ?? []
        for name in ["Russia", "Ukraine", "Kyiv", "Moscow", "Crimea"] {
            #expect(places.contains(name), "missing place \(name)")
        }
        let organizations = canonical[.organization] ?? []
        for name in ["NATO", "CNN", "Kremlin"] {
            #expect(organizations.contains(name), "missing organisation \(name)")
        }
        // `From The New York Post:` and the embed line stay out of the body, so the Post is not a mention here; the
        // story lists it among its organisations as an outlet (StoryAnalyzerTests).
    }
}
