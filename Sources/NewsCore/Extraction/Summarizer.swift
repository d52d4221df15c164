/// Picks an article's key sentences by centrality, position and the words they share with the title, leaving out
/// near-repeats.
package struct Summarizer: Sendable {
    package var length: Int

    package init(length: Int) { self.length = length }

    /// Indexes of the chosen sentences, in body order. `title` is the article's own headline, when it has one (not one
    /// made from the lead, which would only favour the lead again).
    package func select(_ sentences: [Sentence], title: String? = nil) -> [Int] {
        guard length > 0, !sentences.isEmpty else { return [] }
        let termSets = sentences.map { Set(Tokenizer.termKeys($0.text)) }
        let titleTerms = Set(title.map { Tokenizer.termKeys($0) } ?? [])
        var documentFrequency = TermKeyMap<Int>()
        for terms in termSets { for term in terms { documentFrequency.update(term, initial: 0) { $0 += 1 } } }
        let scores = sentences.indices.map { index -> Double in
            let terms = termSets[index]
            guard !terms.isEmpty else { return 0 }
            // Centrality: how many other sentences share this one's words, normalised by its length.
            let shared = terms.reduce(0.0) { $0 + Double((documentFrequency[$1] ?? 1) - 1) }
            let centrality = shared / Double(terms.count).squareRoot()
            let position = 1.0 / (1.0 + 0.3 * Double(index))
            // A headline names what the story is about, so a sentence that repeats its words states the news (the
            // title method of extractive summarising); normalised so that long titles do not outweigh the rest.
            let titleShare = titleTerms.isEmpty
                ? 0 : Double(terms.intersection(titleTerms).count) / Double(titleTerms.count).squareRoot()
            let tooShort = terms.count < 4 ? 0.3 : 1.0
            return (centrality * 0.5 + position * 2.0 + titleShare) * tooShort
        }
        let order = sentences.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        var chosen: [Int] = []
        for index in order where chosen.count < length {
            let redundant = chosen.contains { Self.overlap(termSets[$0], termSets[index]) > 0.6 }
            if !redundant && !termSets[index].isEmpty { chosen.append(index) }
        }
        return chosen.sorted()
    }

    static func overlap<Term: Hashable>(_ a: Set<Term>, _ b: Set<Term>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return Double(a.intersection(b).count) / Double(min(a.count, b.count))
    }
}
