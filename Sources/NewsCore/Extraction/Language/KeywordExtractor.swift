/// Picks an article's most salient terms: content words counted by Snowball stem, weighted up in the title and the
/// lead and for names, weighted down when they are everyday English.
///
/// ```swift
/// KeywordExtractor().keywords(title: "Putin weighs ceasefire", body: body, entities: entities)
/// // ["ceasefire", "putin", "ukraine", …]
/// ```
package struct KeywordExtractor: Sendable {
    /// How many terms to return at most.
    package var limit: Int

    package init(limit: Int = 10) { self.limit = limit }

    /// The most salient terms, most salient first, each in its most frequent lower-case spelling.
    package func keywords(title: String, body: String, entities: [EntityMention]) -> [String] {
        let titleWords = Self.words(title)
        let bodyWords = Self.words(body)
        guard !bodyWords.isEmpty || !titleWords.isEmpty else { return [] }
        var nameWords = Set<String>()
        var seenNames = Set<String>()
        for mention in entities where seenNames.insert(mention.text).inserted {
            for word in Gazetteer.key(mention.text).split(separator: " ") { nameWords.insert(String(word)) }
        }

        // Weights per distinct word first: dictionary work and stemming (about 0.3 µs a word) once per word.
        struct Word {
            var weight = 0.0
            var count = 0
            var first: Int
        }
        var words: [String: Word] = [:]
        var order: [String] = []
        let lead = titleWords.count + max(1, bodyWords.count / 5)
        for (index, word) in (titleWords + bodyWords).enumerated() {
            let position = index < titleWords.count ? 3.0 : index < lead ? 1.5 : 1.0
            if words[word] == nil {
                words[word] = Word(first: index)
                order.append(word)
            }
            words[word]!.weight += position
            words[word]!.count += 1
        }
        let stems = Stemmer().stems(order)

        struct Term {
            var score = 0.0
            var first: Int
            var spelling: String
            var spellingCount: Int
        }
        var terms: [String: Term] = [:]
        for (index, word) in order.enumerated() {
            let entry = words[word]!
            var weight = entry.weight
            if nameWords.contains(word) {
                weight *= 1.5
            } else if Gazetteer.isCommonWord(word) {
                // Everyday words (`said`, `people`, `time`) say little about what this article is about.
                weight *= 0.5
            }
            let stem = stems[index]
            if var term = terms[stem] {
                term.score += weight
                if entry.count > term.spellingCount { (term.spelling, term.spellingCount) = (word, entry.count) }
                terms[stem] = term
            } else {
                terms[stem] = Term(score: weight, first: entry.first, spelling: word, spellingCount: entry.count)
            }
        }
        let ranked = terms.values.sorted { a, b in a.score != b.score ? a.score > b.score : a.first < b.first }
        return ranked.prefix(limit).map(\.spelling)
    }

    /// The text's content words, lower-case (possessive endings are tokens of their own).
    static func words(_ text: String) -> [String] {
        let scalars = [Unicode.Scalar](scalarsOf: text)
        return TokenScanner.tokens(scalars).compactMap { token in
            guard token.isWord, token.hasLetter, token.end - token.start >= 3, !skipped.contains(token.key) else {
                return nil
            }
            return token.key
        }
    }

    /// Words that are never keywords: function words, stop words, months and days.
    static let skipped: Set<String> = Tokenizer.stopWords.union(EntityCues.functionWords.words)
        .union(EntityCues.notNames.words)
}
