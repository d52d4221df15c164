/// The dateline wire copy opens with: `MUNICH, Germany (AP) _`, `WASHINGTON —`, `LAKE BUENA VISTA, Fla. –`,
/// `(CNN) --`.
///
/// It says where the report was filed, not what happened. Left in the lead sentence it opens the story's summary
/// and any headline made from the lead, and spends five of a summary's hundred words on a place and an agency. The
/// body keeps it: the entity recogniser reads the place from it.
enum Dateline {
    /// How many Unicode scalars at the start of `sentence` are a dateline and the space after it; 0 when it does not
    /// open with one.
    ///
    /// A dateline is a place in capitals (one to four words, then at most four words of region or date after a
    /// comma), or an agency in parentheses, or both, followed by a dash or underscore set off by spaces. What follows
    /// must start a sentence (a capital, a digit or a quotation mark) and be at least three words long, so a
    /// sentence such as `NASA — the agency said …` is left alone.
    static func length(in sentence: String) -> Int {
        let words = Self.words(sentence, limit: 16)
        var index = 0
        var place = 0
        while index < words.count, place < 4, isPlaceWord(words[index].text, first: place == 0) {
            place += 1
            index += 1
            if words[index - 1].text.hasSuffix(",") { break }
        }
        if place > 0, words[index - 1].text.hasSuffix(",") {
            // The region or the date after the place: `Germany`, `South Korea`, `Fla.`, `March 14`.
            var region = 0
            while index < words.count, region < 4, let first = words[index].text.unicodeScalars.first,
                first.properties.isUppercase || ("0"..."9").contains(first)
            {
                region += 1
                index += 1
                if !words[index - 1].text.hasSuffix(",") && (index >= words.count || !continuesRegion(words[index].text)) {
                    break
                }
            }
            guard region > 0 else { return 0 }
        }
        var agency = false
        if index < words.count, words[index].text.hasPrefix("(") {
            var end = index
            while end < words.count, end - index < 3, !words[end].text.hasSuffix(")") { end += 1 }
            guard end < words.count, words[end].text.hasSuffix(")"),
                words[index...end].reduce(0, { $0 + $1.text.count }) <= 24
            else { return 0 }
            agency = true
            index = end + 1
        }
        guard place > 0 || agency, index < words.count, separators.contains(words[index].text) else { return 0 }
        index += 1
        guard words.count - index >= 3, let opening = words[index].text.unicodeScalars.first,
            opening.properties.isUppercase || ("0"..."9").contains(opening) || "\"“‘'`".unicodeScalars.contains(opening)
        else { return 0 }
        return words[index].start
    }

    static let separators: Set<Substring> = ["_", "-", "--", "–", "—", "―"]

    /// A word of the place in capitals: `MUNICH,`, `NEW`, `ST.`; the first must be a word of three letters or more
    /// without a period, so `U.S. - China talks` does not read as a dateline.
    static func isPlaceWord(_ word: Substring, first: Bool) -> Bool {
        let core = word.hasSuffix(",") ? word.dropLast() : word
        var letters = 0
        for scalar in core.unicodeScalars {
            if scalar.properties.isAlphabetic {
                guard scalar.properties.isUppercase else { return false }
                letters += 1
            } else if !(scalar == "." || scalar == "-" || scalar == "'" || scalar == "’" || scalar == "&") {
                return false
            }
        }
        if first { return letters >= 3 && !core.contains(".") }
        return letters >= 1
    }

    /// Whether `word` carries on a region or date of several words (`South Korea`, `March 14`) rather than ending it.
    static func continuesRegion(_ word: Substring) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        return first.properties.isUppercase || ("0"..."9").contains(first)
    }

    /// The first `limit` space-separated words of `text`, each with the offset in scalars where it starts.
    static func words(_ text: String, limit: Int) -> [(text: Substring, start: Int)] {
        var words: [(text: Substring, start: Int)] = []
        var wordStart: (index: String.Index, offset: Int)?
        for (offset, index) in text.unicodeScalars.indices.enumerated() {
            if ScalarClass.isWhitespace(text.unicodeScalars[index]) {
                if let start = wordStart {
                    words.append((text[start.index..<index], start.offset))
                    wordStart = nil
                    if words.count == limit { return words }
                }
            } else if wordStart == nil {
                wordStart = (index, offset)
            }
        }
        if let start = wordStart { words.append((text[start.index...], start.offset)) }
        return words
    }
}
