import RealModule

/// A sparse, L2-normalised TF-IDF vector over an article's content words.
package struct TermVector: Sendable {
    package var weights: [String: Double]

    package init(weights: [String: Double]) { self.weights = weights }

    /// Cosine similarity; both vectors are already unit length.
    package func cosine(_ other: TermVector) -> Double {
        let (small, large) = weights.count <= other.weights.count ? (self, other) : (other, self)
        var sum = 0.0
        for (term, weight) in small.weights { sum += weight * (large.weights[term] ?? 0) }
        return sum
    }

    /// The `count` heaviest terms, heaviest first, ties by name so the result is deterministic.
    package func topTerms(_ count: Int) -> [String] {
        weights.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(count).map(\.key)
    }
}

/// Term counts of a set of articles, from which TF-IDF vectors are built.
package struct TermStatistics: Sendable {
    package private(set) var documentFrequency: [String: Int] = [:]
    package private(set) var documentCount = 0

    package init() {}

    /// The terms an article is compared on: its title counts twice, because titles name the event.
    package static func terms(of article: Article) -> [String: Int] {
        var counts: [String: Int] = [:]
        for term in Tokenizer.terms(article.title) { counts[term, default: 0] += 2 }
        for term in Tokenizer.terms(article.body) { counts[term, default: 0] += 1 }
        return counts
    }

    package mutating func add(_ termCounts: [String: Int]) {
        documentCount += 1
        for term in termCounts.keys { documentFrequency[term, default: 0] += 1 }
    }

    /// The TF-IDF vector of one article's term counts, with sublinear TF and smoothed IDF.
    package func vector(for termCounts: [String: Int]) -> TermVector {
        var weights: [String: Double] = [:]
        var norm = 0.0
        let n = Double(documentCount)
        for (term, count) in termCounts {
            let df = Double(documentFrequency[term] ?? 0)
            let idf = Double.log(onePlus: (n + 1) / (df + 1))
            let weight = (1 + Double.log(Double(count))) * idf
            weights[term] = weight
            norm += weight * weight
        }
        let scale = norm > 0 ? 1 / norm.squareRoot() : 0
        for key in weights.keys { weights[key]! *= scale }
        return TermVector(weights: weights)
    }
}
