/// A word or punctuation mark of a text, with its place in the text as Unicode-scalar offsets.
struct TextToken: Sendable {
    enum Kind: Sendable { case word, number, punctuation }

    var start: Int
    var end: Int
    /// The token as written.
    var text: String
    /// Lower-case, with `’` folded to `'`; the gazetteers' key form.
    var key: String
    var kind: Kind
    /// The first letter is a capital (`Putin`, `U.S.`, `McCallum`).
    var isCapitalized: Bool
    /// There are letters and none is lower-case (`NATO`, `LONDON`).
    var isAllCaps: Bool
    /// A line break separates it from the token before (or it is the first token).
    var startsLine: Bool
    /// It begins a sentence: the first word of a line, or the first after a full stop, possibly behind an opening
    /// quotation mark or bracket.
    var startsSentence = false

    var isWord: Bool { kind == .word }

    /// A single capital with a full stop (`P.`), as in initials.
    var isInitial: Bool {
        let scalars = text.unicodeScalars
        return scalars.count == 2 && scalars.last == "." && scalars.first!.properties.isUppercase
    }

    /// Letters only, in capitals, two to six of them, optionally with full stops (`NATO`, `U.N.`, `CNN`).
    var isAcronym: Bool {
        guard isAllCaps else { return false }
        var letters = 0
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic {
                letters += 1
            } else if scalar != "." && scalar != "&" {
                return false
            }
        }
        return letters >= 2 && letters <= 6
    }
}

/// Splits text into ``TextToken``s without creating a `Character` per letter.
enum TokenScanner {
    /// Abbreviations whose full stop belongs to the word (`Mr.`, `Inc.`, `St.`), lower-case without the stop.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "cmdr", "adm",
        "maj", "st", "jr", "sr", "mt", "ft", "inc", "ltd", "co", "corp", "bros", "rev", "hon", "messrs", "cpl",
        "pte", "brig", "msgr", "no", "vs", "dept", "univ", "assn", "ave", "blvd", "rd", "jan", "feb", "mar", "apr",
        "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Tokens of `scalars[range]`.
    static func tokens(_ scalars: [Unicode.Scalar], in range: Range<Int>? = nil) -> [TextToken] {
        let bounds = range ?? 0..<scalars.count
        var result: [TextToken] = []
        result.reserveCapacity(bounds.count / 5)
        var index = bounds.lowerBound
        var sawLineBreak = true
        while index < bounds.upperBound {
            let scalar = scalars[index]
            if scalar.properties.isWhitespace {
                if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    sawLineBreak = true
                }
                index += 1
                continue
            }
            if let end = urlEnd(scalars, from: index, limit: bounds.upperBound) {
                // A link's words (`t.co/TNglrey7ZG`) are not names; the whole link is one symbol.
                let text = String(String.UnicodeScalarView(scalars[index..<end]))
                result.append(
                    TextToken(
                        start: index, end: end, text: text, key: text, kind: .punctuation, isCapitalized: false,
                        isAllCaps: false, startsLine: sawLineBreak))
                index = end
                sawLineBreak = false
                continue
            }
            if isWordScalar(scalar) {
                var end = index + 1
                while end < bounds.upperBound {
                    let next = scalars[end]
                    if isWordScalar(next) || next.properties.generalCategory == .nonspacingMark {
                        end += 1
                    } else if isJoiner(next), end + 1 < bounds.upperBound, isWordScalar(scalars[end + 1]) {
                        end += 2
                    } else {
                        break
                    }
                }
                if end < bounds.upperBound, scalars[end] == ".", takesFullStop(scalars, index, end) { end += 1 }
                appendWord(scalars, index, end, lineBreak: sawLineBreak, to: &result)
                index = end
            } else {
                let text = String(scalar)
                result.append(
                    TextToken(
                        start: index, end: index + 1, text: text, key: scalar == "’" ? "'" : text, kind: .punctuation,
                        isCapitalized: false, isAllCaps: false, startsLine: sawLineBreak))
                index += 1
            }
            sawLineBreak = false
        }
        markSentenceStarts(&result)
        return result
    }

    /// The end of a link starting at `start` (`https://…`, `www.…`, `pic.twitter.com/…`), or nil.
    static func urlEnd(_ scalars: [Unicode.Scalar], from start: Int, limit: Int) -> Int? {
        guard scalars[start].properties.isAlphabetic else { return nil }
        var end = start
        var slashes = 0
        var colonSlash = false
        while end < limit && !scalars[end].properties.isWhitespace {
            if scalars[end] == "/" {
                slashes += 1
                if end > start, scalars[end - 1] == ":" { colonSlash = true }
            }
            end += 1
        }
        let isWWW = end - start > 4 && scalars[start] == "w" && scalars[start + 1] == "w" && scalars[start + 2] == "w"
            && scalars[start + 3] == "."
        guard colonSlash || isWWW || (slashes >= 1 && scalars[start..<end].contains(".") && end - start > 8
            && !scalars[start].properties.isUppercase) else { return nil }
        while end > start, [".", ",", ")", ";", ":", "\"", "”", "’"].contains(scalars[end - 1]) { end -= 1 }
        return end
    }

    /// Cuts `Russia-Ukraine` into two places, so a compound of two known places yields both.
    static func splitPlaceCompounds(_ tokens: [TextToken], _ scalars: [Unicode.Scalar]) -> [TextToken] {
        guard tokens.contains(where: { $0.isWord && $0.isCapitalized && $0.key.contains("-") }) else { return tokens }
        var result: [TextToken] = []
        result.reserveCapacity(tokens.count + 4)
        for token in tokens {
            guard token.isWord, token.isCapitalized, token.key.contains("-"), !Gazetteer.isPlace(token.key) else {
                result.append(token)
                continue
            }
            let parts = token.key.split(separator: "-")
            guard parts.count >= 2, parts.allSatisfy({ Gazetteer.countries.contains(String($0)) || Gazetteer.isPlace(String($0)) })
            else {
                result.append(token)
                continue
            }
            var partStart = token.start
            for offset in token.start...token.end where offset == token.end || scalars[offset] == "-" {
                var part = word(scalars, partStart, offset, lineBreak: partStart == token.start && token.startsLine)
                part.startsSentence = partStart == token.start && token.startsSentence
                result.append(part)
                if offset < token.end {
                    result.append(
                        TextToken(
                            start: offset, end: offset + 1, text: "-", key: "-", kind: .punctuation,
                            isCapitalized: false, isAllCaps: false, startsLine: false))
                }
                partStart = offset + 1
            }
        }
        return result
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "’" || scalar == "-" || scalar == "." || scalar == "&" || scalar == "‘"
    }

    /// Whether the full stop after `scalars[start..<end]` is part of the word (`U.S.`, `P.`, `Inc.`).
    static func takesFullStop(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        if length == 1 { return scalars[start].properties.isUppercase }
        if scalars[start..<end].contains(".") {
            // `U.S`, `e.g`: letters with inner stops, but not a number such as 1.5.
            return scalars[end - 1].properties.isAlphabetic && length <= 8
        }
        guard length <= 5 else { return false }
        var lower = ""
        for scalar in scalars[start..<end] { lower.unicodeScalars.append(scalar) }
        return abbreviations.contains(lower.lowercased())
    }

    static func appendWord(
        _ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, lineBreak: Bool, to result: inout [TextToken]
    ) {
        var wordEnd = end
        // A possessive `'s` is a token of its own, as in CoNLL's tokenisation (`Russia ’s`).
        if end - start > 2, scalars[end - 1] == "s" || scalars[end - 1] == "S",
            scalars[end - 2] == "'" || scalars[end - 2] == "’"
        {
            wordEnd = end - 2
        }
        result.append(word(scalars, start, wordEnd, lineBreak: lineBreak))
        if wordEnd < end {
            var possessive = word(scalars, wordEnd, end, lineBreak: false)
            possessive.kind = .punctuation
            possessive.isCapitalized = false
            result.append(possessive)
        }
    }

    static func word(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, lineBreak: Bool) -> TextToken {
        var text = String.UnicodeScalarView()
        var key = String.UnicodeScalarView()
        var hasLetter = false
        var hasLower = false
        var digitsOnly = true
        for scalar in scalars[start..<end] {
            text.append(scalar)
            key.append(scalar == "’" ? "'" : scalar)
            let properties = scalar.properties
            if properties.isAlphabetic {
                hasLetter = true
                digitsOnly = false
                if properties.isLowercase { hasLower = true }
            } else if !("0"..."9").contains(scalar) && scalar != "." && scalar != "," {
                digitsOnly = false
            }
        }
        let first = scalars[start]
        return TextToken(
            start: start, end: end, text: String(text), key: String(key).lowercased(),
            kind: digitsOnly ? .number : .word, isCapitalized: first.properties.isUppercase,
            isAllCaps: hasLetter && !hasLower, startsLine: lineBreak)
    }

    static func isOpening(_ text: String) -> Bool {
        text == "\"" || text == "“" || text == "‘" || text == "'" || text == "(" || text == "[" || text == "«"
            || text == "`" || text == "—" || text == "–" || text == "-" || text == "*" || text == "•"
    }

    static func markSentenceStarts(_ tokens: inout [TextToken]) {
        var atStart = true
        for index in tokens.indices {
            let token = tokens[index]
            if token.startsLine { atStart = true }
            if token.kind == .punctuation {
                if token.text == "." || token.text == "!" || token.text == "?" || token.text == "…" {
                    atStart = true
                } else if token.text == "“" || (token.text == "\"" && opensQuote(tokens, index)) {
                    // A quotation usually starts with a capital whatever the word.
                    atStart = true
                } else if !isOpening(token.text) {
                    atStart = false
                }
                continue
            }
            tokens[index].startsSentence = atStart
            atStart = false
        }
    }

    /// Whether a straight double quote opens (rather than closes) a quotation: text follows it directly.
    static func opensQuote(_ tokens: [TextToken], _ index: Int) -> Bool {
        guard index + 1 < tokens.count else { return false }
        return tokens[index + 1].start == tokens[index].end
            && (index == 0 || tokens[index - 1].end < tokens[index].start || tokens[index].startsLine)
    }
}
