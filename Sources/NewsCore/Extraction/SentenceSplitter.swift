/// Splits paragraphs into sentences without breaking at abbreviations, initials, decimals or ellipses inside a
/// sentence, and keeps a quotation's closing attribution ("…!” Trump wrote.) with the quotation.
package enum SentenceSplitter {
    /// Abbreviations that end in a period without ending a sentence (lower-cased, without the period).
    static let abbreviations: WordTable<Bool> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "cmdr", "adm",
        "maj", "st", "jr", "sr", "mt", "ft", "vs", "v", "etc", "inc", "ltd", "co", "corp", "dept", "est",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "fig",
        "e.g", "i.e", "u.s", "u.k", "u.n", "a.m", "p.m", "d.c", "rev", "hon", "pres", "supt", "messrs", "al",
    ]
    /// Abbreviations that only stand before a number (`No. 5`, `Vol. 2`); elsewhere the period ends a sentence.
    static let numberAbbreviations: WordTable<Bool> = ["no", "nos", "vol", "pp", "art", "fig", "ch", "sec"]
    static let speechVerbs: WordTable<Bool> = [
        "said", "says", "wrote", "writes", "told", "added", "asserted", "stated", "asked", "explained", "noted",
        "declared", "tweeted", "posted", "insisted", "argued", "continued", "replied", "warned", "claimed",
    ]

    /// Sentence ranges, as scalar offsets into `scalars`, for the text between `start` and `end`.
    package static func split(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var sentenceStart = skipSpaces(scalars, start, end)
        var index = sentenceStart
        while index < end {
            let scalar = scalars[index]
            guard isTerminator(scalar) else {
                index += 1
                continue
            }
            var after = index + 1
            while after < end && (isTerminator(scalars[after]) || isClosing(scalars[after])) { after += 1 }
            let closesQuote = (index + 1..<after).contains { isClosing(scalars[$0]) }
            let nextStart = skipSpaces(scalars, after, end)
            guard nextStart > after, nextStart < end else {
                index = after
                continue
            }
            let next = scalars[nextStart]
            if scalar == "." && isAbbreviationBefore(scalars, index, lowerBound: sentenceStart, next: next) {
                index = after
                continue
            }
            let startsSentence =
                next.properties.isUppercase || isOpening(next) || ("0"..."9").contains(next)
            if !startsSentence {
                index = after
                continue
            }
            if closesQuote && isShortAttribution(scalars, from: nextStart, to: end) {
                index = after
                continue
            }
            if scalar != "." && !closesQuote
                && continuesInsideQuotation(scalars, opened: sentenceStart..<index, next: nextStart, end: end)
            {
                index = after
                continue
            }
            result.append(sentenceStart..<trimEnd(scalars, sentenceStart, after))
            sentenceStart = nextStart
            index = nextStart
        }
        if sentenceStart < end {
            let trimmed = trimEnd(scalars, sentenceStart, end)
            if trimmed > sentenceStart { result.append(sentenceStart..<trimmed) }
        }
        return result
    }

    static func isTerminator(_ s: Unicode.Scalar) -> Bool { s == "." || s == "!" || s == "?" || s == "…" }
    static func isClosing(_ s: Unicode.Scalar) -> Bool {
        s == "\"" || s == "”" || s == "’" || s == "'" || s == ")" || s == "]" || s == "»"
    }
    static func isOpening(_ s: Unicode.Scalar) -> Bool {
        s == "\"" || s == "“" || s == "‘" || s == "'" || s == "`" || s == "(" || s == "[" || s == "«"
    }

    static func skipSpaces(_ scalars: [Unicode.Scalar], _ from: Int, _ end: Int) -> Int {
        var i = from
        while i < end && ScalarClass.isWhitespace(scalars[i]) { i += 1 }
        return i
    }

    static func trimEnd(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int {
        var i = end
        while i > start && ScalarClass.isWhitespace(scalars[i - 1]) { i -= 1 }
        return i
    }

    static func isAbbreviationBefore(
        _ scalars: [Unicode.Scalar], _ period: Int, lowerBound: Int, next: Unicode.Scalar
    ) -> Bool {
        var wordStart = period
        while wordStart > lowerBound && !ScalarClass.isWhitespace(scalars[wordStart - 1])
            && !isOpening(scalars[wordStart - 1])
        {
            wordStart -= 1
        }
        let word = String(scalars: scalars[wordStart..<period])
        if word.isEmpty { return false }
        // A single capital is an initial (J. R. R. Tolkien); internal periods mark forms like U.S. or e.g.
        if word.unicodeScalars.count == 1, word.unicodeScalars.first!.properties.isUppercase { return true }
        let lowered = word.lowercased()
        if abbreviations.contains(lowered) { return true }
        if numberAbbreviations.contains(lowered) { return ("0"..."9").contains(next) }
        return lowered.contains(".") && lowered.unicodeScalars.count <= 6
    }

    /// Whether an exclamation or question inside a quotation is one of several the quotation runs on with, before it
    /// closes and the sentence goes on in lower case: `bellow ``You resign! You resign!'' at Speaker-elect Robert
    /// Livingston when …` is one sentence, where a break after the first `!` made `You resign!'' at Speaker-elect …`
    /// a sentence of its own, and a story's headline.
    ///
    /// - Parameter opened: the sentence so far, up to the terminator, in which a quotation must be open.
    static func continuesInsideQuotation(
        _ scalars: [Unicode.Scalar], opened: Range<Int>, next: Int, end: Int
    ) -> Bool {
        var open = false
        var i = opened.lowerBound
        while i < opened.upperBound {
            switch scalars[i] {
            case "“": open = true
            case "”": open = false
            case "\"": open.toggle()
            case "`" where i + 1 < opened.upperBound && scalars[i + 1] == "`":
                open = true
                i += 1
            case "'" where i + 1 < opened.upperBound && scalars[i + 1] == "'":
                open = false
                i += 1
            default: break
            }
            i += 1
        }
        guard open else { return false }
        // The quotation closes within a few words, on a terminator, and lower case follows.
        var j = next
        let limit = min(end, next + 80)
        while j < limit {
            let scalar = scalars[j]
            if scalar == "“" || (scalar == "`" && j + 1 < end && scalars[j + 1] == "`") { return false }
            let closes = scalar == "”" || scalar == "\"" || (scalar == "'" && j + 1 < end && scalars[j + 1] == "'")
            if closes {
                guard j > next, isTerminator(scalars[j - 1]) else { return false }
                var k = j + (scalar == "'" ? 2 : 1)
                while k < end && scalars[k] == "'" { k += 1 }
                k = skipSpaces(scalars, k, end)
                return k < end && ScalarClass.isLowercase(scalars[k])
            }
            j += 1
        }
        return false
    }

    static func isShortAttribution(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> Bool {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var i = start
        while i < end && words.count <= 6 {
            let s = scalars[i]
            if s.properties.isAlphabetic || s == "-" || s == "’" || s == "'" {
                current.append(s)
            } else {
                if !current.isEmpty { words.append(String(current).lowercased()) }
                current = String.UnicodeScalarView()
                if isTerminator(s) || s == "," || s == "“" { break }
            }
            i += 1
        }
        if !current.isEmpty { words.append(String(current).lowercased()) }
        return words.count <= 6 && words.contains(where: speechVerbs.contains)
    }
}
