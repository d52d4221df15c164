/// Finds near-duplicates — syndicated wire copy, a re-sent article with small edits, a page saved twice — with
/// MinHash over word shingles and locality-sensitive hashing, so candidates come from shared bands, not all pairs.
package struct NearDuplicateDetector: Sendable {
    /// Estimated Jaccard similarity of shingle sets at or above which two articles are copies of one text.
    package var threshold: Double
    /// Words per shingle.
    package var shingleLength: Int
    /// Articles shorter than this many words are never folded: short texts share shingles by chance.
    package var minimumWords: Int

    static let hashCount = 64
    static let bands = 16
    static let bucketLimit = 64

    package init(threshold: Double = 0.8, shingleLength: Int = 4, minimumWords: Int = 25) {
        self.threshold = threshold
        self.shingleLength = shingleLength
        self.minimumWords = minimumWords
    }

    /// For each text, the index of the earlier text it copies, or nil. Earlier means lower index: callers pass texts
    /// in a deterministic order.
    package func originals(of texts: [String]) -> [Int?] {
        originals(ofSignatures: texts.map(signature))
    }

    /// The same, from signatures already computed with `signature(_:)` (nil for texts too short to compare).
    package func originals(ofSignatures signatures: [[UInt64]?]) -> [Int?] {
        var buckets: [Int: [Int]] = [:]
        var result = [Int?](repeating: nil, count: signatures.count)
        let rows = Self.hashCount / Self.bands
        for (index, signature) in signatures.enumerated() {
            guard let signature else { continue }
            var candidates = Set<Int>()
            var keys: [Int] = []
            for band in 0..<Self.bands {
                var hasher = FNV1a()
                hasher.combine(UInt64(band))
                for row in 0..<rows { hasher.combine(signature[band * rows + row]) }
                let key = Int(truncatingIfNeeded: hasher.value)
                keys.append(key)
                candidates.formUnion(buckets[key] ?? [])
            }
            var best: (index: Int, similarity: Double)?
            for other in candidates.sorted() {
                guard let otherSignature = signatures[other] else { continue }
                let similarity = Self.estimatedJaccard(signature, otherSignature)
                if similarity >= threshold, similarity > (best?.similarity ?? 0) { best = (other, similarity) }
            }
            if let best {
                // Point at the first text of the chain, so copies of copies share one original.
                result[index] = result[best.index] ?? best.index
            }
            // Only originals go into the buckets: a copy points at its original anyway, and leaving copies out keeps
            // buckets short when one text is carried many times.
            // A bucket already holding `bucketLimit` distinct originals is filled by boilerplate that unrelated texts
            // share, not by copying; it takes no more, so a window of templated texts is not compared pair by pair.
            // A real copy still meets its original in the bands of the text that is its own.
            if result[index] == nil {
                for key in keys where buckets[key, default: []].count < Self.bucketLimit {
                    buckets[key, default: []].append(index)
                }
            }
        }
        return result
    }

    package func signature(_ text: String) -> [UInt64]? {
        let words = Tokenizer.words(text)
        guard words.count >= minimumWords else { return nil }
        var minima = [UInt64](repeating: .max, count: Self.hashCount)
        let wordHashes = words.map { word -> UInt64 in
            var hasher = FNV1a()
            for byte in word.utf8 { hasher.combine(UInt64(byte)) }
            return hasher.value
        }
        for start in 0...(wordHashes.count - shingleLength) {
            var shingle: UInt64 = 0x9E37_79B9_7F4A_7C15
            for offset in 0..<shingleLength { shingle = (shingle &* 31) ^ wordHashes[start + offset] }
            for i in 0..<Self.hashCount {
                let value = Self.mix(shingle ^ Self.seeds[i])
                if value < minima[i] { minima[i] = value }
            }
        }
        return minima
    }

    static func estimatedJaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        var equal = 0
        for i in 0..<a.count where a[i] == b[i] { equal += 1 }
        return Double(equal) / Double(a.count)
    }

    /// Fixed seeds, so signatures are the same in every process.
    static let seeds: [UInt64] = (0..<hashCount).map { mix(UInt64($0) &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019) }

    /// SplitMix64's finaliser: a fast, well-distributed 64-bit mix.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// 64-bit FNV-1a, for hashing that must not change between processes (Swift's `Hasher` is seeded per process).
struct FNV1a {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func combine(_ word: UInt64) {
        var w = word
        for _ in 0..<8 {
            value ^= w & 0xFF
            value = value &* 0x100_0000_01B3
            w >>= 8
        }
    }
}
