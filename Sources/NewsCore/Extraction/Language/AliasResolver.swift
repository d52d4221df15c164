/// Gives every mention its entity's canonical name, merging the ways one article writes one entity:
/// `Putin` and `President Putin` with `Vladimir Putin`, `Witloff` with `Steve Witkoff` (a one-letter slip in a
/// surname the article spells right elsewhere), `NATO` in capitals with `Nato`, `U.S.` with `United States`.
enum AliasResolver {
    /// Places with several usual spellings, by lookup key.
    static let placeAliases: [String: String] = [
        "us": "United States", "u.s.": "United States", "u.s": "United States", "usa": "United States",
        "u.s.a.": "United States", "united states": "United States", "united states of america": "United States",
        "america": "United States", "uk": "United Kingdom", "u.k.": "United Kingdom", "u.k": "United Kingdom",
        "britain": "United Kingdom", "great britain": "United Kingdom", "united kingdom": "United Kingdom",
        "kiev": "Kyiv", "kyiv": "Kyiv", "russian federation": "Russia", "uae": "United Arab Emirates",
        "u.a.e.": "United Arab Emirates", "ussr": "Soviet Union", "u.s.s.r.": "Soviet Union",
    ]

    static func resolve(_ found: [EntityRecognizer.Found]) -> [EntityMention] {
        let people = personCanonicals(found)
        var spellings: [String: [String: Int]] = [:]
        for mention in found where mention.kind != .person {
            spellings[baseKey(mention), default: [:]][displayForm(mention), default: 0] += 1
        }
        return found.map { mention in
            let canonical: String
            if mention.kind == .person {
                canonical = people[mention.key] ?? displayForm(mention)
            } else if mention.kind == .place, let alias = placeAliases[baseKey(mention)] {
                canonical = alias
            } else {
                canonical = preferredSpelling(spellings[baseKey(mention)] ?? [:]) ?? displayForm(mention)
            }
            return EntityMention(
                text: mention.text, kind: mention.kind, canonical: canonical, start: mention.start, end: mention.end,
                inTitle: mention.inTitle)
        }
    }

    /// The key without a leading article: `the Kremlin` and `Kremlin` are one entity.
    static func baseKey(_ mention: EntityRecognizer.Found) -> String {
        mention.key.hasPrefix("the ") ? String(mention.key.dropFirst(4)) : mention.key
    }

    /// The mention as a name: single spaces, no leading article, capitals only where a name has them.
    static func displayForm(_ mention: EntityRecognizer.Found) -> String {
        var words = mention.text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        if words.count > 1, words[0].lowercased() == "the" { words.removeFirst() }
        let allCaps = !words.contains { word in word.unicodeScalars.contains { $0.properties.isLowercase } }
        if allCaps && mention.kind != .organization || allCaps && words.joined().unicodeScalars.count > 6 {
            words = words.map(titleCased)
        }
        return words.joined(separator: " ")
    }

    static func titleCased(_ word: String) -> String {
        var result = ""
        var startOfPart = true
        for scalar in word.unicodeScalars {
            let text = String(scalar)
            result += startOfPart ? text.uppercased() : text.lowercased()
            startOfPart = scalar == "-" || scalar == "'" || scalar == "’" || scalar == "."
        }
        return result
    }

    /// The most frequent spelling, preferring mixed case over capitals.
    static func preferredSpelling(_ counts: [String: Int]) -> String? {
        counts.max { a, b in
            if a.value != b.value { return a.value < b.value }
            return a.key > b.key
        }?.key
    }

    /// Canonical names of people by mention key: full names stand for themselves; a single name or a shorter form
    /// takes the full name it is part of (the most frequent if several), or one a single edit away.
    static func personCanonicals(_ found: [EntityRecognizer.Found]) -> [String: String] {
        var fullNames: [(words: [String], display: String, count: Int, order: Int)] = []
        var fullIndex: [String: Int] = [:]
        for mention in found where mention.kind == .person {
            let words = nameWords(mention.words)
            guard words.count >= 2 else { continue }
            let display = displayForm(mention)
            if let index = fullIndex[mention.key] {
                fullNames[index].count += 1
            } else {
                fullIndex[mention.key] = fullNames.count
                fullNames.append((words, display, 1, fullNames.count))
            }
        }
        func best(_ candidates: [Int]) -> Int? {
            candidates.max { a, b in
                let x = fullNames[a]
                let y = fullNames[b]
                // The most frequent full name; on a tie the first written, which is how an article introduces
                // someone (`Kevin Vickers`, not a caption's `Canadian Press Kevin Vickers`).
                if x.count != y.count { return x.count < y.count }
                return x.order > y.order
            }
        }
        var result: [String: String] = [:]
        // A full name that is a longer form of another (`Donald J. Trump`, `Donald Trump`) joins the more common one.
        for (key, index) in fullIndex {
            let name = fullNames[index]
            let matches = fullNames.indices.filter { other in
                fullNames[other].words.first == name.words.first && fullNames[other].words.last == name.words.last
            }
            if let target = best(matches) { result[key] = fullNames[target].display }
        }
        for mention in found where mention.kind == .person && result[mention.key] == nil {
            let words = nameWords(mention.words)
            guard let word = words.last else { continue }
            var matches = fullNames.indices.filter { fullNames[$0].words.last == word }
            if matches.isEmpty { matches = fullNames.indices.filter { fullNames[$0].words.first == word } }
            if matches.isEmpty {
                let scalars = Array(word.unicodeScalars)
                if scalars.count >= 5 {
                    matches = fullNames.indices.filter { index in
                        let surname = Array(fullNames[index].words.last!.unicodeScalars)
                        return surname.count >= 5 && surname.first == scalars.first
                            && EditDistance.isAtMostOne(surname, scalars)
                    }
                }
            }
            if let target = best(matches) { result[mention.key] = fullNames[target].display }
        }
        // Single names with no full name: a misspelling joins the more frequent spelling.
        var singles: [String: (display: String, count: Int)] = [:]
        for mention in found where mention.kind == .person && result[mention.key] == nil {
            singles[mention.key, default: (displayForm(mention), 0)].count += 1
        }
        for (key, single) in singles {
            let scalars = Array(key.unicodeScalars)
            let rival = singles.filter { other in
                other.key != key && other.value.count > single.count && scalars.count >= 5
                    && other.key.unicodeScalars.first == scalars.first
                    && EditDistance.isAtMostOne(Array(other.key.unicodeScalars), scalars)
            }.max { $0.value.count < $1.value.count }
            result[key] = rival?.value.display ?? single.display
        }
        return result
    }

    /// A name's words without titles and honorifics.
    static func nameWords(_ words: [String]) -> [String] {
        words.filter { !EntityCues.personTitles.contains($0) && $0 != "jr" && $0 != "jr." && $0 != "sr" }
    }
}
