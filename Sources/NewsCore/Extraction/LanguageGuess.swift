/// A plain check of whether a text is English, by how many of its words are common English function words.
package enum LanguageGuess {
    static let markers = Tokenizer.WordBytes([
        "the", "and", "of", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "he", "she", "by",
        "at", "from", "his", "her", "have", "has", "are", "were", "this", "be", "an", "which", "said",
    ])

    /// True unless the text has enough words to judge and few of them are English function words.
    package static func looksEnglish(_ text: String) -> Bool {
        var (words, hits) = (0, 0)
        Tokenizer.forEachWord(text.prefix(4000)) { bytes, _ in
            words += 1
            if markers.contains(bytes) { hits += 1 }
        }
        guard words >= 20 else { return true }
        return Double(hits) / Double(words) >= 0.12
    }
}
