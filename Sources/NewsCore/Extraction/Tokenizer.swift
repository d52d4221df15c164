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
        var current = String.UnicodeScalarView()
        func flush() {
            while let last = current.last, last == "'" || last == "-" { current.removeLast() }
            if !current.isEmpty { result.append(String(current).lowercased()) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if (scalar == "'" || scalar == "’" || scalar == "-") && !current.isEmpty {
                current.append(scalar == "’" ? "'" : scalar)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// Content words: `words` without stop words and one-letter tokens, with English plurals folded (`talks` → `talk`).
    package static func terms(_ text: some StringProtocol) -> [String] {
        words(text).compactMap { word in
            guard word.count > 1, !stopWords.contains(word) else { return nil }
            return fold(word)
        }
    }

    /// A light suffix fold so that inflections of one word meet; the Snowball stemmer replaces it later.
    static func fold(_ word: String) -> String {
        var w = word
        if w.hasSuffix("'s") { w.removeLast(2) }
        if w.count > 4 && w.hasSuffix("ies") { return String(w.dropLast(3)) + "y" }
        if w.count > 3 && w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is") {
            return String(w.dropLast())
        }
        return w
    }
}
