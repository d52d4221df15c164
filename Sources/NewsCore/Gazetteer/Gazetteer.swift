/// Name lists the entity recogniser looks words up in: places, given names and surnames from public data (generated,
/// see `docs/gazetteers.md`), and the project's own lists of titles, organisations, nationalities and cue words.
///
/// Every key is lower-case with single spaces and straight apostrophes (`côte d'ivoire`, `new york`); use
/// ``key(_:)`` to normalise a surface form before looking it up. Each set is built from its text the first time it is
/// used, once per process (a `static let` is initialised lazily and thread-safely).
package enum Gazetteer {
    /// Countries, current and former, in their common and official English forms.
    package static let countries: Set<String> = lines(countryList).union(lines(extraCountryList))
    /// First-level subdivisions (states, provinces, counties), US states, continents and well-known regions.
    package static let regions: Set<String> = lines(regionList).union(lines(extraRegionList))
    /// Cities of at least 50,000 people and every capital.
    package static let cities: Set<String> = lines(cityList)
    /// Language names.
    package static let languages: Set<String> = lines(languageList)
    /// Common given names.
    package static let firstNames: Set<String> = maleFirstNames.union(femaleFirstNames)
    /// Given names mostly given to boys.
    package static let maleFirstNames: Set<String> = lines(maleFirstNameList).subtracting(lines(notFirstNameList))
    /// Given names mostly given to girls.
    package static let femaleFirstNames: Set<String> = lines(femaleFirstNameList).subtracting(lines(notFirstNameList))
    /// Common surnames.
    package static let surnames: Set<String> = lines(surnameList)
    /// Well-known organisations by name or acronym.
    package static let organizations: Set<String> = lines(organizationList)
    /// Nationality and group words (`German`, `Serbs`, `Moslem`).
    package static let demonyms: Set<String> = lines(demonymList)
    /// Names of recurring events, treaties and the like that are neither places nor organisations.
    package static let miscNames: Set<String> = lines(miscNameList)

    /// Common English words (lower case), to tell `Results` at the start of a line from a name.
    package static let commonWords: Set<String> = lines(commonWordList)

    /// Whether `key` is a common English word or a plain inflection of one (`results`, `women`, `leading`).
    package static func isCommonWord(_ key: String) -> Bool {
        if commonWords.contains(key) { return true }
        for suffix in ["s", "es", "ed", "ing", "ly"] where key.hasSuffix(suffix) && key.count > suffix.count + 2 {
            if commonWords.contains(String(key.dropLast(suffix.count))) { return true }
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
    package static func isPlace(_ key: String) -> Bool {
        countries.contains(key) || regions.contains(key) || cities.contains(key)
    }

    static func lines(_ text: String) -> Set<String> {
        var result = Set<String>()
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingWhitespace()
            if !trimmed.isEmpty && !trimmed.hasPrefix("#") { result.insert(trimmed) }
        }
        return result
    }
}
