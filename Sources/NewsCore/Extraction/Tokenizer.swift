/// Splits text into lower-cased word tokens for similarity and salience.
package enum Tokenizer {
    /// Common English function words that say nothing about what an article is about.
    package static let stopWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "down", "during", "each", "even", "ever", "few", "for", "from", "further", "had", "has",
        "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in",
        "into", "is", "it", "its", "itself", "just", "last", "like", "many", "may", "me", "might", "more", "most",
        "much", "must", "my", "myself", "new", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only",
        "or", "other", "our", "ours", "ourselves", "out", "over", "own", "said", "same", "say", "says", "she",
        "should", "since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs", "them",
        "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "two", "under",
        "until", "up", "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
        "why", "will", "with", "would", "year", "years", "yet", "you", "your", "yours", "yourself", "told", "according",
        "s", "t", "don", "it's", "mr", "mrs", "ms",
    ]

    /// Lower-cased words (letters and digits, with inner apostrophes and hyphens), in order.
    package static func words(_ text: some StringProtocol) -> [String] {
        var result: [String] = []
        forEachWord(text) { bytes, _ in result.append(String(decoding: bytes, as: UTF8.self)) }
        return result
    }

    /// Calls `body` with each of `words(text)` as its lower-cased UTF-8 bytes, and whether they are all ASCII.
    ///
    /// Every article is tokenized several times between its arrival and its story (its summary, language, cluster
    /// features, the story's summary, quotations and what each source adds), so this is among the hottest code. Most
    /// callers want a key, a hash or a count of each word, which the bytes give without a `String` each: making those
    /// Strings, hashing them into Sets and folding them with Unicode-aware suffix tests was a fifth of extracting and
    /// clustering an article (callgrind, stop 20). ASCII is classified and lower-cased by byte, and the Unicode
    /// property tables are consulted only for other scalars, which gives the same words as asking the tables for
    /// every scalar.
    package static func forEachWord(
        _ text: some StringProtocol, _ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ isASCII: Bool) -> Void
    ) {
        let scanned: Void? = text.utf8.withContiguousStorageIfAvailable { forEachWord(inUTF8: $0, body) }
        if scanned == nil {
            var copy = String(text)
            copy.withUTF8 { forEachWord(inUTF8: $0, body) }
        }
    }

    /// `forEachWord` over a `String`'s UTF-8 (valid UTF-8).
    ///
    /// A word is lower-cased into one buffer as it is read, no longer than the text, so nothing is allocated per
    /// word. ASCII letters are lower-cased by byte; a word with other letters is lower-cased whole by the standard
    /// library, which gives the same as lower-casing every letter of it there, since an ASCII letter lower-cases to
    /// itself or its lower-case form whatever surrounds it.
    static func forEachWord(
        inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (_ bytes: UnsafeBufferPointer<UInt8>, _ isASCII: Bool) -> Void
    ) {
        guard !bytes.isEmpty else { return }
        let word = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        defer { word.deallocate() }
        var length = 0
        var ascii = true
        let (apostrophe, hyphen) = (UInt8(ascii: "'"), UInt8(ascii: "-"))
        func flush() {
            while length > 0 && (word[length - 1] == apostrophe || word[length - 1] == hyphen) { length -= 1 }
            if length > 0 {
                if ascii {
                    body(UnsafeBufferPointer(rebasing: word[..<length]), true)
                } else {
                    var lowered = String(decoding: word[..<length], as: UTF8.self).lowercased()
                    lowered.withUTF8 { body($0, false) }
                }
            }
            length = 0
            ascii = true
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                // ASCII letters are the only alphabetic ASCII scalars, and 0-9 the only numeric ones.
                if byte &- 97 < 26 || byte &- 48 < 10 {
                    word[length] = byte
                    length += 1
                } else if byte &- 65 < 26 {
                    word[length] = byte | 0x20
                    length += 1
                } else if (byte == apostrophe || byte == hyphen) && length > 0 {
                    word[length] = byte
                    length += 1
                } else {
                    flush()
                }
                continue
            }
            let (scalar, scalarLength) = Unicode.Scalar.decoded(fromValidUTF8: bytes, at: index)
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                ascii = false
                for offset in 0..<scalarLength { word[length + offset] = bytes[index + offset] }
                length += scalarLength
            } else if scalar == "’" && length > 0 {
                // Three bytes become one: the word stays within the text's length.
                word[length] = apostrophe
                length += 1
            } else {
                flush()
            }
            index += scalarLength
        }
        flush()
    }

    /// `terms(text)` as keys: `terms(text).map(TermKey.init)`, without a `String` for each ASCII word.
    package static func termKeys(_ text: some StringProtocol) -> [TermKey] {
        var keys: [TermKey] = []
        forEachWord(text) { bytes, isASCII in
            if let key = termKey(ofWord: bytes, isASCII: isASCII) { keys.append(key) }
        }
        return keys
    }

    /// The key of the term a word of `forEachWord` gives (`term(ofWord:)`), or nil when it gives none.
    ///
    /// An ASCII word is filtered and folded on its bytes, exactly as `term(ofWord:)` and `fold` treat its `String`:
    /// for ASCII, characters are bytes. Other words, rare in the packs' English, take the `String` path.
    static func termKey(ofWord bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> TermKey? {
        guard isASCII else { return term(ofWord: String(decoding: bytes, as: UTF8.self)).map(TermKey.init) }
        guard bytes.count > 1, !isStopWord(bytes) else { return nil }
        let (s, apostrophe) = (UInt8(ascii: "s"), UInt8(ascii: "'"))
        var end = bytes.count
        if end >= 2 && bytes[end - 1] == s && bytes[end - 2] == apostrophe { end -= 2 }
        if end > 4 && bytes[end - 3] == UInt8(ascii: "i") && bytes[end - 2] == UInt8(ascii: "e") && bytes[end - 1] == s {
            return TermKey(utf8: bytes[..<(end - 3)], then: UInt8(ascii: "y"))
        }
        if end > 3 && bytes[end - 1] == s {
            let before = bytes[end - 2]
            if before != s && before != UInt8(ascii: "u") && before != UInt8(ascii: "i") {
                return TermKey(utf8: bytes[..<(end - 1)])
            }
        }
        return TermKey(utf8: bytes[..<end])
    }

    /// Whether lower-cased ASCII `bytes` spell one of `stopWords`.
    static func isStopWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { stopWordBytes.contains(bytes) }

    static let stopWordBytes = WordTable(stopWords)

    /// Content words: `words` without stop words and one-letter tokens, with English plurals folded (`talks` → `talk`).
    package static func terms(_ text: some StringProtocol) -> [String] {
        words(text).compactMap(term(ofWord:))
    }

    /// The term a word of `words` gives, or nil when it is a stop word or one character long.
    static func term(ofWord word: String) -> String? {
        // Not `word.count > 1`: `count` walks every character of every word, 5 % of a clustering's instructions
        // (callgrind); this walks at most two.
        guard !word.isEmpty, word.index(after: word.startIndex) != word.endIndex, !stopWords.contains(word)
        else { return nil }
        return fold(word)
    }

    /// A light suffix fold so that inflections of one word meet; the Snowball stemmer replaces it later.
    static func fold(_ word: String) -> String {
        var w = word
        if w.hasSuffix("'s") { w.removeLast(2) }
        // The suffix first: most words have none, and `count` walks the whole word.
        if w.hasSuffix("ies") && w.count > 4 { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is") && w.count > 3 {
            return String(w.dropLast())
        }
        return w
    }
}
