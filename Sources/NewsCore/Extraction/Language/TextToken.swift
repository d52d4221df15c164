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
    /// Whether the text has a letter (not only digits and signs).
    var hasLetter = false

    /// The punctuation mark, for a punctuation token of one scalar; NUL otherwise. Comparing it is cheaper than
    /// comparing `text` (`tokens[i].mark == ","`, not `tokens[i].text == ","`), and it is kept, not derived from
    /// `text` each time: the quotation scan asks it of nearly every token, several times.
    var mark: Unicode.Scalar = "\0"

    var isWord: Bool { kind == .word }

    /// Whether the word has a hyphen inside (`Russia-Ukraine`, `U.S.-based`).
    var hasHyphen: Bool { key.utf8.contains(UInt8(ascii: "-")) }

    /// A single capital with a full stop (`P.`), as in initials.
    var isInitial: Bool {
        let scalars = text.unicodeScalars
        return scalars.count == 2 && scalars.last == "." && ScalarClass.isUppercase(scalars.first!)
    }

    /// Letters only, in capitals, two to six of them, optionally with full stops (`NATO`, `U.N.`, `CNN`).
    var isAcronym: Bool {
        guard isAllCaps else { return false }
        var letters = 0
        for scalar in text.unicodeScalars {
            if ScalarClass.isLetter(scalar) {
                letters += 1
            } else if scalar != "." && scalar != "&" {
                return false
            }
        }
        return letters >= 2 && letters <= 6
    }
}

/// Character classes with an ASCII fast path: `Unicode.Scalar.Properties` is a table lookup that costs more than
/// the rest of tokenising put together.
enum ScalarClass {
    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        return s.properties.isAlphabetic
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    @inline(__always) static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return s.properties.isUppercase
    }

    @inline(__always) static func isLowercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return s.properties.isLowercase
    }

    @inline(__always) static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return s.properties.isWhitespace
    }

    @inline(__always) static func isMark(_ s: Unicode.Scalar) -> Bool {
        s.value >= 0x300 && s.properties.generalCategory == .nonspacingMark
    }
}

/// Splits text into ``TextToken``s without creating a `Character` per letter.
/// A text's Unicode scalars and tokens, scanned once for the stages that read both: names (`EntityRecognizer`) and
/// quotations (`QuotationExtractor`) each scanned the whole body again, 10 % of extracting an article (callgrind,
/// stop 20).
package struct ScannedText: Sendable {
    let scalars: [Unicode.Scalar]
    let tokens: [TextToken]

    package init(_ text: String) {
        scalars = [Unicode.Scalar](scalarsOf: text)
        tokens = TokenScanner.tokens(scalars)
    }
}

enum TokenScanner {
    /// Abbreviations whose full stop belongs to the word (`Mr.`, `Inc.`, `St.`), lower-case without the stop.
    static let abbreviations: WordTable<Bool> = [
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
            if ScalarClass.isWhitespace(scalar) {
                if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    sawLineBreak = true
                }
                index += 1
                continue
            }
            if let end = urlEnd(scalars, from: index, limit: bounds.upperBound) {
                // A link's words (`t.co/TNglrey7ZG`) are not names; the whole link is one symbol.
                let text = String(scalars: scalars[index..<end])
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
                    if isWordScalar(next) || ScalarClass.isMark(next) {
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
                        isCapitalized: false, isAllCaps: false, startsLine: sawLineBreak, mark: scalar))
                index += 1
            }
            sawLineBreak = false
        }
        markSentenceStarts(&result)
        return result
    }

    /// The end of a link starting at `start` (`https://…`, `www.…`, `pic.twitter.com/…`), or nil.
    static func urlEnd(_ scalars: [Unicode.Scalar], from start: Int, limit: Int) -> Int? {
        guard ScalarClass.isLetter(scalars[start]) else { return nil }
        var end = start
        var slashes = 0
        var colonSlash = false
        while end < limit && !ScalarClass.isWhitespace(scalars[end]) {
            if scalars[end] == "/" {
                slashes += 1
                if end > start, scalars[end - 1] == ":" { colonSlash = true }
            }
            end += 1
        }
        let isWWW = end - start > 4 && scalars[start] == "w" && scalars[start + 1] == "w" && scalars[start + 2] == "w"
            && scalars[start + 3] == "."
        guard colonSlash || isWWW || (slashes >= 1 && scalars[start..<end].contains(".") && end - start > 8
            && !ScalarClass.isUppercase(scalars[start])) else { return nil }
        while end > start, [".", ",", ")", ";", ":", "\"", "”", "’"].contains(scalars[end - 1]) { end -= 1 }
        return end
    }

    /// Cuts `Russia-Ukraine` into two places, so a compound of two known places yields both.
    static func splitPlaceCompounds(_ tokens: [TextToken], _ scalars: [Unicode.Scalar]) -> [TextToken] {
        guard tokens.contains(where: { $0.isWord && $0.isCapitalized && $0.hasHyphen }) else { return tokens }
        var result: [TextToken] = []
        result.reserveCapacity(tokens.count + 4)
        for token in tokens {
            guard token.isWord, token.isCapitalized, token.hasHyphen, !Gazetteer.isPlace(token.key) else {
                result.append(token)
                continue
            }
            let parts = token.key.split(separator: "-")
            guard parts.count >= 2, parts.allSatisfy({ Gazetteer.isPlace(String($0)) })
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
                            isCapitalized: false, isAllCaps: false, startsLine: false, mark: "-"))
                }
                partStart = offset + 1
            }
        }
        return result
    }

    @inline(__always) static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        ScalarClass.isLetter(scalar) || ScalarClass.isDigit(scalar)
    }

    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "’" || scalar == "-" || scalar == "." || scalar == "&" || scalar == "‘"
    }

    /// Whether the full stop after `scalars[start..<end]` is part of the word (`U.S.`, `P.`, `Inc.`).
    static func takesFullStop(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        if length == 1 { return ScalarClass.isUppercase(scalars[start]) }
        if scalars[start..<end].contains(".") {
            // `U.S`, `e.g`: letters with inner stops, but not a number such as 1.5.
            return ScalarClass.isLetter(scalars[end - 1]) && length <= 8
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
        var hasLetter = false
        var hasLower = false
        var isASCII = true
        var digitsOnly = true
        // Whether the key differs from the text: a capital or a curly apostrophe to fold.
        var folds = false
        for scalar in scalars[start..<end] {
            if (scalar.value >= 0x41 && scalar.value <= 0x5A) || scalar == "’" { folds = true }
            if ScalarClass.isLetter(scalar) {
                hasLetter = true
                digitsOnly = false
                if ScalarClass.isLowercase(scalar) { hasLower = true }
            } else if !ScalarClass.isDigit(scalar) && scalar != "." && scalar != "," {
                digitsOnly = false
            }
            if scalar.value >= 0x80 && scalar != "’" { isASCII = false }
        }
        let text: String
        let key: String
        if isASCII {
            // Most words: build both strings from bytes, lower-casing and folding `’` on the way, with no
            // `lowercased()` and no per-scalar appends.
            (text, key) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: (end - start) * 6) { buffer in
                var count = 0
                for scalar in scalars[start..<end] {
                    if scalar == "’" {
                        buffer[count] = 0xE2
                        buffer[count + 1] = 0x80
                        buffer[count + 2] = 0x99
                        count += 3
                    } else {
                        buffer[count] = UInt8(scalar.value)
                        count += 1
                    }
                }
                let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[0..<count]), as: UTF8.self)
                // Most words are written in lower case already: their key is their text, not a second string.
                guard folds else { return (text, text) }
                var keyCount = 0
                let keyStart = count
                for scalar in scalars[start..<end] {
                    var byte = scalar == "’" ? UInt8(ascii: "'") : UInt8(scalar.value)
                    if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                    buffer[keyStart + keyCount] = byte
                    keyCount += 1
                }
                let key = String(
                    decoding: UnsafeBufferPointer(rebasing: buffer[keyStart..<(keyStart + keyCount)]), as: UTF8.self)
                return (text, key)
            }
        } else {
            var view = String.UnicodeScalarView()
            var folded = String.UnicodeScalarView()
            for scalar in scalars[start..<end] {
                view.append(scalar)
                folded.append(scalar == "’" ? "'" : scalar)
            }
            text = String(view)
            key = String(folded).lowercased()
        }
        return TextToken(
            start: start, end: end, text: text, key: key, kind: digitsOnly ? .number : .word,
            isCapitalized: ScalarClass.isUppercase(scalars[start]), isAllCaps: hasLetter && !hasLower,
            startsLine: lineBreak, hasLetter: hasLetter)
    }

    static func isOpening(_ mark: Unicode.Scalar) -> Bool {
        switch mark {
        case "\"", "“", "‘", "'", "(", "[", "«", "`", "—", "–", "-", "*", "•": return true
        default: return false
        }
    }

    static func markSentenceStarts(_ tokens: inout [TextToken]) {
        var atStart = true
        for index in tokens.indices {
            let token = tokens[index]
            if token.startsLine { atStart = true }
            if token.kind == .punctuation {
                let mark = token.mark
                if mark == "." || mark == "!" || mark == "?" || mark == "…" {
                    atStart = true
                } else if mark == "“" || (mark == "\"" && opensQuote(tokens, index)) {
                    // A quotation usually starts with a capital whatever the word.
                    atStart = true
                } else if !isOpening(mark) {
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
