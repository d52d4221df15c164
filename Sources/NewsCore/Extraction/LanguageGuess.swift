/// A plain check of whether a text is English, by how many of its words are common English function words.
package enum LanguageGuess {
    static let markers: Set<String> = [
        "the", "and", "of", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "he", "she", "by",
        "at", "from", "his", "her", "have", "has", "are", "were", "this", "be", "an", "which", "said",
    ]

    /// True unless the text has enough words to judge and few of them are English function words.
    package static func looksEnglish(_ text: String) -> Bool {
        let words = Tokenizer.words(text.prefix(4000))
        guard words.count >= 20 else { return true }
        let hits = words.reduce(0) { $0 + (markers.contains($1) ? 1 : 0) }
        return Double(hits) / Double(words.count) >= 0.12
    }
}
