/// Name lists the entity recogniser looks words up in: places, given names and surnames from public data (generated,
/// see `docs/gazetteers.md`), and the project's own lists of titles, organisations, nationalities and cue words.
///
/// Every key is lower-case with single spaces and straight apostrophes (`côte d'ivoire`, `new york`); use
/// ``key(_:)`` to normalise a surface form before looking it up. The lists are parsed into one table the first
/// time any is used, once per process (a `static let` is initialised lazily and thread-safely).
package enum Gazetteer {
    /// What lists a key is on; one lookup answers every list at once.
    package struct Entry: OptionSet, Sendable {
        package let rawValue: UInt16
        package init(rawValue: UInt16) { self.rawValue = rawValue }

        package static let country = Entry(rawValue: 1 << 0)
        package static let region = Entry(rawValue: 1 << 1)
        package static let city = Entry(rawValue: 1 << 2)
        package static let capital = Entry(rawValue: 1 << 3)
        package static let language = Entry(rawValue: 1 << 4)
        package static let maleName = Entry(rawValue: 1 << 5)
        package static let femaleName = Entry(rawValue: 1 << 6)
        package static let surname = Entry(rawValue: 1 << 7)
        package static let organization = Entry(rawValue: 1 << 8)
        package static let demonym = Entry(rawValue: 1 << 9)
        package static let misc = Entry(rawValue: 1 << 10)
        package static let common = Entry(rawValue: 1 << 11)

        package static let place: Entry = [.country, .region, .city]
        package static let givenName: Entry = [.maleName, .femaleName]
        /// Names that settle a capitalised phrase's kind on their own.
        package static let known: Entry = [.country, .region, .city, .organization, .demonym, .misc]
    }

    /// One list of the gazetteer, for `Gazetteer.countries.contains(key)`.
    package struct List: Sendable {
        let entry: Entry

        package func contains(_ key: String) -> Bool { !Gazetteer.entry(key).isDisjoint(with: entry) }
    }

    /// Countries, current and former, in their common and official English forms.
    package static let countries = List(entry: .country)
    /// First-level subdivisions (states, provinces, counties), US states, continents and well-known regions.
    package static let regions = List(entry: .region)
    /// Cities of at least 50,000 people and every capital.
    package static let cities = List(entry: .city)
    /// Capital cities: places that are seldom a sports team's name on their own.
    package static let capitals = List(entry: .capital)
    /// Language names.
    package static let languages = List(entry: .language)
    /// Common given names.
    package static let firstNames = List(entry: .givenName)
    /// Given names mostly given to boys.
    package static let maleFirstNames = List(entry: .maleName)
    /// Given names mostly given to girls.
    package static let femaleFirstNames = List(entry: .femaleName)
    /// Common surnames.
    package static let surnames = List(entry: .surname)
    /// Well-known organisations by name or acronym.
    package static let organizations = List(entry: .organization)
    /// Nationality and group words (`German`, `Serbs`, `Moslem`).
    package static let demonyms = List(entry: .demonym)
    /// Names of recurring events, treaties and the like that are neither places nor organisations.
    package static let miscNames = List(entry: .misc)
    /// Common English words (lower case), to tell `Results` at the start of a line from a name.
    package static let commonWords = List(entry: .common)

    /// Every list, loaded on first use (a `static let` is initialised once, thread-safely). A byte-keyed table:
    /// extraction asks about every token (``WordTable``).
    static let entries: WordTable<Entry> = {
        var result: [String: Entry] = [:]
        result.reserveCapacity(50_000)
        func add(_ text: String, _ entry: Entry) {
            for key in lines(text) { result[key, default: []].insert(entry) }
        }
        add(countryList, .country)
        add(extraCountryList, .country)
        add(regionList, .region)
        add(extraRegionList, .region)
        add(cityList, .city)
        add(capitalList, .capital)
        add(languageList, .language)
        add(surnameList, .surname)
        add(organizationList, .organization)
        add(demonymList, .demonym)
        add(miscNameList, .misc)
        add(commonWordList, .common)
        let notGiven = lines(notFirstNameList)
        for key in lines(maleFirstNameList) where !notGiven.contains(key) { result[key, default: []].insert(.maleName) }
        for key in lines(femaleFirstNameList) where !notGiven.contains(key) {
            result[key, default: []].insert(.femaleName)
        }
        return WordTable(result)
    }()

    /// The lists `key` is on (empty when none).
    package static func entry(_ key: String) -> Entry { entries[key] ?? [] }

    /// Whether `key` is a common English word or a plain inflection of one (`results`, `women`, `leading`).
    package static func isCommonWord(_ key: String) -> Bool {
        if entry(key).contains(.common) { return true }
        for suffix in ["s", "es", "ed", "ing", "ly"]
        where key.hasSuffix(suffix) && key.utf8.count > suffix.utf8.count + 2 {
            if entry(String(key.dropLast(suffix.count))).contains(.common) { return true }
        }
        return false
    }

    /// The lookup key of a surface form: lower-case, single spaces, straight apostrophes.
    package static func key(_ text: some StringProtocol) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.unicodeScalars.append(" ")
                pendingSpace = false
            }
            result.unicodeScalars.append(scalar == "’" ? "'" : scalar)
        }
        return result.lowercased()
    }

    /// Whether `key` names a place of any kind.
    package static func isPlace(_ key: String) -> Bool { !entry(key).isDisjoint(with: .place) }

    /// The entries of a list: one per line; the lists carry no surrounding spaces, so none are trimmed.
    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        for line in text.utf8.split(separator: UInt8(ascii: "\n")) where line.first != UInt8(ascii: "#") {
            result.append(String(decoding: line, as: UTF8.self))
        }
        return result
    }
}
