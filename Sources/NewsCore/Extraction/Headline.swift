/// Writes a headline from an article's lead when the source gave none.
package enum Headline {
    static let maximumWords = 26

    /// The lead sentence, cut at a clause boundary or after `maximumWords` words.
    package static func fromLead(_ lead: String) -> String {
        let words = lead.split(separator: " ")
        guard words.count > maximumWords else { return stripFinalPeriod(lead.trimmingWhitespace()) }
        // Prefer ending at a comma when that still leaves a headline-sized clause.
        for cut in stride(from: maximumWords, through: 7, by: -1)
        where words[cut - 1].hasSuffix(",") && endsAClause(words[0..<cut]) {
            return String(words[0..<cut].joined(separator: " ").dropLast())
        }
        // Not on a word that needs the next one (`a war of…`).
        var end = maximumWords
        while end > maximumWords - 3, linking.contains(words[end - 1].lowercased()) { end -= 1 }
        return words[0..<end].joined(separator: " ") + "…"
    }

    /// Whether the words up to a comma can stand as a headline: a cut there must not end before the main clause has
    /// said anything. Without a parser, three shapes tell it has not:
    /// - the words since the previous comma are a name or a date (`…, Joel Klein,`): fewer than four words;
    /// - the lead opens with a phrase set before its subject (`Shortly before the suit was filed in May,`,
    ///   `opensWithFrontedPhrase`), and what follows that phrase is not yet a clause of its own;
    /// - a name and what describes it (`The Taliban, who control 90 percent of Afghanistan,`, `Joel Klein, the
    ///   assistant attorney general,`): the last part opens with a relative pronoun or an article, and the part before
    ///   it is a few words (or, for a relative pronoun, nothing: the fronted phrase was all there was).
    static func endsAClause(_ words: ArraySlice<Substring>) -> Bool {
        var segments: [[Substring]] = [[]]
        for word in words {
            segments[segments.count - 1].append(word)
            if word.hasSuffix(",") { segments.append([]) }
        }
        if segments.last?.isEmpty == true { segments.removeLast() }
        guard let last = segments.last, last.count >= 4 else { return false }
        var mainClause = segments[...]
        if opensWithFrontedPhrase(segments[0]) { mainClause = mainClause.dropFirst() }
        guard !mainClause.isEmpty else { return false }
        let before = mainClause.dropLast().last
        switch last.first?.lowercased() {
        case let word? where relatives.contains(word): return before.map { $0.count > 3 } ?? false
        case "the", "a", "an": return before.map { $0.count > 3 } ?? true
        default: return true
        }
    }

    /// Whether a lead's first part is a phrase set before its subject: it opens with a preposition or conjunction
    /// (`After a day of fighting,`), a participle (`Keeping a promise to Israel,`), or a time before or after
    /// something within its first five words (`Less than a week before Clinton arrives,`).
    static func opensWithFrontedPhrase(_ part: [Substring]) -> Bool {
        guard let opening = part.first?.lowercased() else { return false }
        if fronting.contains(opening) || (opening.count > 4 && opening.hasSuffix("ing")) { return true }
        return part.prefix(5).contains { subordinating.contains($0.lowercased()) }
    }

    /// Words that open a clause set before the main one, wherever they stand in its first words.
    static let subordinating: WordTable<Bool> = [
        "before", "after", "when", "while", "since", "until", "although", "though", "because", "unless", "once",
    ]

    /// Words that open a phrase set before a sentence's subject, besides `subordinating`.
    static let fronting: WordTable<Bool> = [
        "as", "if", "despite", "shortly", "following", "with", "without", "amid", "in", "on", "at", "during", "by",
        "for", "from", "under", "over", "to", "but", "and", "just",
    ]

    /// Words that open a clause describing the noun before them.
    static let relatives: WordTable<Bool> = ["who", "which", "whose", "whom", "where", "when"]

    /// Words a headline cannot end on.
    static let linking: WordTable<Bool> = [
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "that", "its",
        "their", "his", "her",
    ]

    static func stripFinalPeriod(_ text: String) -> String {
        text.hasSuffix(".") && !text.hasSuffix("..") ? String(text.dropLast()) : text
    }
}
