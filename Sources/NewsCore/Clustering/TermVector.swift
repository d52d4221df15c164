import RealModule

/// A sparse, L2-normalised TF-IDF vector over an article's content words.
///
/// Terms are kept sorted by key, so that every sum over them runs in the same order in every process: dictionary
/// order changes from run to run, and floating-point sums in another order can flip a near-tie.
package struct TermVector: Sendable {
    package private(set) var terms: [TermKey]
    package private(set) var weights: [Double]

    /// Builds a vector from unordered weights.
    package init(weights unordered: [TermKey: Double]) {
        let sorted = unordered.sorted { $0.key < $1.key }
        terms = sorted.map(\.key)
        weights = sorted.map(\.value)
    }

    /// Builds a vector from terms already in ascending order, with their weights.
    init(sortedTerms: [TermKey], weights: [Double]) {
        terms = sortedTerms
        self.weights = weights
    }

    /// The weight of `term`, or 0.
    package func weight(of term: String) -> Double {
        weight(of: TermKey(term))
    }

    package func weight(of term: TermKey) -> Double {
        var low = 0
        var high = terms.count
        while low < high {
            let mid = (low + high) / 2
            if terms[mid] < term { low = mid + 1 } else { high = mid }
        }
        return low < terms.count && terms[low] == term ? weights[low] : 0
    }

    /// Cosine similarity by merging the two sorted term lists; both vectors are already unit length.
    package func cosine(_ other: TermVector) -> Double { dotProduct(other).sum }

    /// Whether the two vectors have at least `count` terms in common.
    package func sharesTerms(with other: TermVector, atLeast count: Int) -> Bool { dotProduct(other).shared >= count }

    /// The dot product of the two vectors, and the number of terms they share, from one walk of their terms.
    ///
    /// When one list is far shorter (an article against a large story's centroid), each of its terms is found in the
    /// longer one by binary search instead. The matched products are summed in ascending key order either way, and
    /// a product does not depend on its operands' order, so both ways give the same bits.
    func dotProduct(_ other: TermVector) -> (sum: Double, shared: Int) {
        var sum = 0.0
        var shared = 0
        let (short, long) = terms.count <= other.terms.count ? (self, other) : (other, self)
        if short.terms.count * 16 < long.terms.count {
            var low = 0
            for (index, term) in short.terms.enumerated() {
                var high = long.terms.count
                while low < high {
                    let mid = (low + high) / 2
                    if long.terms[mid] < term { low = mid + 1 } else { high = mid }
                }
                if low == long.terms.count { break }
                if long.terms[low] == term {
                    sum += short.weights[index] * long.weights[low]
                    shared += 1
                }
            }
            return (sum, shared)
        }
        var i = 0
        var j = 0
        while i < terms.count && j < other.terms.count {
            if terms[i] == other.terms[j] {
                sum += weights[i] * other.weights[j]
                shared += 1
                i += 1
                j += 1
            } else if terms[i] < other.terms[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return (sum, shared)
    }

    /// The `count` heaviest terms, heaviest first, ties by key so the result is deterministic.
    package func topTerms(_ count: Int) -> [TermKey] {
        terms.indices.sorted { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : terms[$0] < terms[$1] }
            .prefix(count).map { terms[$0] }
    }

    /// The same direction at unit length (a zero vector stays zero), for the cosine of sums such as centroids.
    package func unitLength() -> TermVector {
        let norm = weights.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
        guard norm > 0 else { return self }
        return TermVector(sortedTerms: terms, weights: weights.map { $0 / norm })
    }

    /// Sums vectors term by term (for a story's centroid), in a deterministic order.
    package static func sum(_ vectors: [TermVector]) -> TermVector {
        if vectors.count <= mergedSumLimit { return mergedSum(vectors) }
        var total = TermKeyMap<Double>(minimumCapacity: vectors.first?.terms.count ?? 0)
        for vector in vectors {
            for (term, weight) in zip(vector.terms, vector.weights) { total.update(term, initial: 0) { $0 += weight } }
        }
        let sorted = total.sortedByKey()
        return TermVector(sortedTerms: sorted.map(\.key), weights: sorted.map(\.value))
    }

    /// Up to this many vectors are summed by merging their sorted terms one vector at a time; more by a hash map and
    /// a sort. Each merge walks the sum so far, so merging costs about the square of the count, and a timeline day's
    /// sum of eight members cost three times less merged than hashed and sorted (perf, stop 23).
    static let mergedSumLimit = 16

    /// `sum(_:)` by merging: each term's weights are added in the vectors' order, starting from zero, as the hash
    /// map adds them, so the two give the same bits.
    static func mergedSum(_ vectors: [TermVector]) -> TermVector {
        var terms: [TermKey] = []
        var weights: [Double] = []
        var nextTerms: [TermKey] = []
        var nextWeights: [Double] = []
        for vector in vectors {
            nextTerms.removeAll(keepingCapacity: true)
            nextWeights.removeAll(keepingCapacity: true)
            nextTerms.reserveCapacity(terms.count + vector.terms.count)
            nextWeights.reserveCapacity(terms.count + vector.terms.count)
            var (i, j) = (0, 0)
            while i < terms.count || j < vector.terms.count {
                if j == vector.terms.count || (i < terms.count && terms[i] < vector.terms[j]) {
                    nextTerms.append(terms[i])
                    nextWeights.append(weights[i])
                    i += 1
                } else if i == terms.count || vector.terms[j] < terms[i] {
                    nextTerms.append(vector.terms[j])
                    nextWeights.append(0 + vector.weights[j])
                    j += 1
                } else {
                    nextTerms.append(terms[i])
                    nextWeights.append(weights[i] + vector.weights[j])
                    i += 1
                    j += 1
                }
            }
            swap(&terms, &nextTerms)
            swap(&weights, &nextWeights)
        }
        return TermVector(sortedTerms: terms, weights: weights)
    }
}

/// Term counts of a set of articles, from which TF-IDF vectors are built.
package struct TermStatistics: Sendable {
    package private(set) var documentFrequency: TermKeyMap<Int>
    package private(set) var documentCount = 0

    /// - Parameter expectedTerms: about how many distinct terms the articles have, so the map is sized once instead
    ///   of growing from 16 (its growing was an eighth of a story timeline's cost; perf, stop 23).
    package init(expectedTerms: Int = 16) {
        documentFrequency = TermKeyMap(minimumCapacity: expectedTerms)
    }

    /// The terms an article is compared on, by key: its title counts twice, because titles name the event.
    ///
    /// - Parameter bodyWord: called with each word of the body as `Tokenizer.forEachWord` gives it, for a caller
    ///   that reads the body's words too (the near-duplicate signature), so the body is tokenized once.
    package static func terms(
        of article: Article, bodyWord: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }
    ) -> [TermKey: Int] {
        var counts: [TermKey: Int] = [:]
        Tokenizer.forEachWord(article.body) { bytes, isASCII in
            bodyWord(bytes)
            if let key = Tokenizer.termKey(ofWord: bytes, isASCII: isASCII) { counts[key, default: 0] += 1 }
        }
        for term in Tokenizer.termKeys(article.title) { counts[term, default: 0] += 2 }
        // The link's slug often describes the article in other words than its headline. Only the words the text
        // lacks, once each: a slug repeating the headline would otherwise weigh the headline's words again.
        if let url = article.url, let slug = URLSlug.text(ofURL: url) {
            for term in Tokenizer.termKeys(slug) where counts[term] == nil { counts[term] = 1 }
        }
        // Who and where, by canonical name, so "Putin", "President Putin" and "Vladimir Putin" meet as one term.
        for mention in article.entities where mention.kind != .misc {
            counts[TermKey("@" + mention.canonical.lowercased())] = 1
        }
        return counts
    }

    /// `inverseFrequency(_:)` of each document frequency from 0 to `documentCount` (no term is in more articles),
    /// for the current `documentCount`; empty until `prepareVectors()`, and again after each `add`.
    private var inverseFrequencies: [Double] = []

    /// Counts one article whose distinct terms are `terms`.
    package mutating func add(terms: some Sequence<TermKey>) {
        documentCount += 1
        inverseFrequencies = []
        for term in terms { documentFrequency.update(term, initial: 0) { $0 += 1 } }
    }

    /// Works out the inverse document frequency of every document frequency once, for the vectors made before the
    /// next `add`: a window's vectors took a logarithm for each of their terms (some 1.5 million for 10,000
    /// articles), though the frequencies take at most as many values as there are articles. The same expression
    /// gives the same bits, so vectors do not depend on whether it was called.
    package mutating func prepareVectors() {
        inverseFrequencies = (0...documentCount).map(inverseFrequency)
    }

    /// Smoothed IDF.
    private func inverseFrequency(_ documentFrequency: Int) -> Double {
        Double.log(onePlus: (Double(documentCount) + 1) / (Double(documentFrequency) + 1))
    }

    /// The TF-IDF vector of one article, from its terms in ascending key order with their counts, as
    /// `ClusterFeatures` keeps them; sublinear TF and smoothed IDF.
    package func vector(sortedTerms: [TermKey], counts: [Int32]) -> TermVector {
        var weights: [Double] = []
        weights.reserveCapacity(sortedTerms.count)
        let prepared = inverseFrequencies
        for (term, count) in zip(sortedTerms, counts) {
            let df = documentFrequency[term] ?? 0
            let idf = df < prepared.count ? prepared[df] : inverseFrequency(df)
            // Most terms occur once: log 1 is 0.
            weights.append((count == 1 ? 1 : 1 + Double.log(Double(count))) * idf)
        }
        let norm = weights.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
        let scale = norm > 0 ? 1 / norm : 0
        return TermVector(sortedTerms: sortedTerms, weights: weights.map { $0 * scale })
    }
}
