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
    ///
    /// Every article is tokenized several times per render (clustering, story summaries), so this is among the
    /// hottest code: ASCII is classified and lower-cased by byte, and the Unicode property tables are consulted only
    /// for other scalars, which gives the same words as asking the tables for every scalar.
    package static func words(_ text: some StringProtocol) -> [String] {
        var result: [String] = []
        // The current word's UTF-8 bytes, as written; `ascii` says whether byte-wise lower-casing is exact.
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var ascii = true
        func flush() {
            while let last = current.last, last == UInt8(ascii: "'") || last == UInt8(ascii: "-") { current.removeLast() }
            if !current.isEmpty {
                if ascii {
                    for index in current.indices where current[index] &- 65 < 26 { current[index] |= 0x20 }
                    result.append(String(decoding: current, as: UTF8.self))
                } else {
                    result.append(String(decoding: current, as: UTF8.self).lowercased())
                }
            }
            current.removeAll(keepingCapacity: true)
            ascii = true
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(truncatingIfNeeded: value)
                // ASCII letters are the only alphabetic ASCII scalars, and 0-9 the only numeric ones.
                if byte &- 97 < 26 || byte &- 65 < 26 || byte &- 48 < 10 {
                    current.append(byte)
                } else if (byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-")) && !current.isEmpty {
                    current.append(byte)
                } else {
                    flush()
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                ascii = false
                current.append(contentsOf: UTF8.encode(scalar)!)
            } else if scalar == "’" && !current.isEmpty {
                current.append(UInt8(ascii: "'"))
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// Content words: `words` without stop words and one-letter tokens, with English plurals folded (`talks` → `talk`).
    package static func terms(_ text: some StringProtocol) -> [String] {
        terms(ofWords: words(text))
    }

    /// `terms` of a text whose `words` the caller has already.
    package static func terms(ofWords words: [String]) -> [String] {
        words.compactMap { word in
            // Not `word.count > 1`: `count` walks every character of every word, 5 % of a clustering's instructions
            // (callgrind); this walks at most two.
            guard !word.isEmpty, word.index(after: word.startIndex) != word.endIndex, !stopWords.contains(word)
            else { return nil }
            return fold(word)
        }
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
