/// Writes a headline from an article's lead when the source gave none.
package enum Headline {
    static let maximumWords = 26

    /// The lead sentence, cut at a clause boundary or after `maximumWords` words.
    package static func fromLead(_ lead: String) -> String {
        let words = lead.split(separator: " ")
        guard words.count > maximumWords else { return stripFinalPeriod(lead.trimmingWhitespace()) }
        // Prefer ending at a comma when that still leaves a headline-sized clause.
        for cut in stride(from: maximumWords, through: 7, by: -1) where words[cut - 1].hasSuffix(",") {
            return String(words[0..<cut].joined(separator: " ").dropLast())
        }
        return words[0..<maximumWords].joined(separator: " ") + "…"
    }

    static func stripFinalPeriod(_ text: String) -> String {
        text.hasSuffix(".") && !text.hasSuffix("..") ? String(text.dropLast()) : text
    }
}
