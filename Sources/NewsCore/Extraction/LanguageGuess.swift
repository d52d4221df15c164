/// A plain check of whether a text is English, by how many of its words are common English function words.
package enum LanguageGuess {
    static let markers = WordTable([
        "the", "and", "of", "to", "in", "is", "that", "for", "it", "was", "on", "with", "as", "he", "she", "by",
        "at", "from", "his", "her", "have", "has", "are", "were", "this", "be", "an", "which", "said",
    ])

    /// True unless the text has enough words to judge and few of them are English function words.
    package static func looksEnglish(_ text: String) -> Bool {
        var (words, hits) = (0, 0)
        var text = text
        text.withUTF8 { utf8 in
            // The first 4,000 bytes, cut back to a scalar's start: `prefix(4000)` counted characters, which walks
            // grapheme breaks and was 2 % of extracting an article (callgrind).
            var end = min(utf8.count, 4000)
            while end < utf8.count && end > 0 && utf8[end] & 0xC0 == 0x80 { end -= 1 }
            Tokenizer.forEachWord(inUTF8: UnsafeBufferPointer(rebasing: utf8[..<end])) { bytes, _ in
                words += 1
                if markers.contains(bytes) { hits += 1 }
            }
        }
        guard words >= 20 else { return true }
        return Double(hits) / Double(words) >= 0.12
    }
}
