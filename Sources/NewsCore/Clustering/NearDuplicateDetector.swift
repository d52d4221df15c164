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
        let agreeingNeeded = minimumAgreeingPositions
        let sharedBandsNeeded = max(1, Self.bands - (Self.hashCount - agreeingNeeded))
        // How many of the current text's bands each earlier original shares, and which originals were met.
        var sharedBands = [UInt8](repeating: 0, count: signatures.count)
        var met: [Int] = []
        for (index, signature) in signatures.enumerated() {
            guard let signature else { continue }
            var keys: [Int] = []
            var fullBuckets = 0
            for band in 0..<Self.bands {
                var hasher = FNV1a()
                hasher.combine(UInt64(band))
                for row in 0..<rows { hasher.combine(signature[band * rows + row]) }
                let key = Int(truncatingIfNeeded: hasher.value)
                keys.append(key)
                guard let bucket = buckets[key] else { continue }
                if bucket.count >= Self.bucketLimit { fullBuckets += 1 }
                for other in bucket {
                    if sharedBands[other] == 0 { met.append(other) }
                    sharedBands[other] += 1
                }
            }
            // A copy shares at least `sharedBandsNeeded` whole bands (see `minimumAgreeingPositions`); it may be missing
            // from a full bucket, since a full bucket takes no more, so each full bucket lowers what is required.
            let needed = max(1, sharedBandsNeeded - fullBuckets)
            var best: (index: Int, agreeing: Int)?
            met.sort()
            for other in met where Int(sharedBands[other]) >= needed {
                guard let otherSignature = signatures[other],
                    let agreeing = Self.agreeingPositions(signature, otherSignature, atLeast: agreeingNeeded)
                else { continue }
                if agreeing > (best?.agreeing ?? 0) { best = (other, agreeing) }
            }
            for other in met { sharedBands[other] = 0 }
            met.removeAll(keepingCapacity: true)
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

    /// The fewest equal signature positions of two texts at or above `threshold` (52 of 64 at 0.8).
    ///
    /// It also bounds the bands they share: at most `hashCount` less this many positions differ (12), each differing
    /// position spoils at most one band, so at least `bands` less that many bands (4 of 16) agree whole. `originals`
    /// compares only candidates met in that many bands, and the bound is exact: no pair at the threshold is skipped.
    var minimumAgreeingPositions: Int {
        Int((threshold * Double(Self.hashCount)).rounded(.up))
    }

    /// How many positions of `a` and `b` agree, or nil as soon as fewer than `needed` can.
    static func agreeingPositions(_ a: [UInt64], _ b: [UInt64], atLeast needed: Int) -> Int? {
        guard a.count == b.count else { return nil }
        let allowedToDiffer = a.count - needed
        var differing = 0
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                for i in 0..<a.count where a[i] != b[i] {
                    differing += 1
                    if differing > allowedToDiffer { return nil }
                }
                return a.count - differing
            }
        }
    }

    package func signature(_ text: String) -> [UInt64]? {
        var wordHashes: [UInt64] = []
        Tokenizer.forEachWord(text) { bytes, _ in wordHashes.append(Self.wordHash(bytes)) }
        return signature(wordHashes: wordHashes)
    }

    /// How a signature's shingles see a word of `Tokenizer.forEachWord`.
    static func wordHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = FNV1a()
        for byte in bytes { hasher.combineWidened(byte) }
        return hasher.value
    }

    /// The signature of a text whose words' `wordHash`es the caller has already.
    func signature(wordHashes: [UInt64]) -> [UInt64]? {
        guard wordHashes.count >= minimumWords else { return nil }
        var minima = [UInt64](repeating: .max, count: Self.hashCount)
        // Through buffer pointers: the 64 hashes of each shingle are most of an article's features, and the checks of
        // two array indexes and of the seeds' lazy initialisation were a third of their instructions (callgrind).
        let seeds = Self.seeds
        seeds.withUnsafeBufferPointer { seeds in
            minima.withUnsafeMutableBufferPointer { minima in
                for start in 0...(wordHashes.count - shingleLength) {
                    var shingle: UInt64 = 0x9E37_79B9_7F4A_7C15
                    for offset in 0..<shingleLength { shingle = (shingle &* 31) ^ wordHashes[start + offset] }
                    for i in 0..<minima.count {
                        // A new minimum is rare after the first shingles: a branch the processor predicts, rather
                        // than a store every time.
                        let value = Self.mix(shingle ^ seeds[i])
                        if value < minima[i] { minima[i] = value }
                    }
                }
            }
        }
        return minima
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

    static let prime: UInt64 = 0x100_0000_01B3

    mutating func combine(_ word: UInt64) {
        var w = word
        for _ in 0..<8 {
            value ^= w & 0xFF
            value = value &* Self.prime
            w >>= 8
        }
    }

    /// The same as `combine(UInt64(byte))`, which signatures have always hashed words' bytes with, in one step: the
    /// seven zero bytes after the first change nothing when xored in, so their seven multiplications are one by the
    /// prime's seventh power.
    mutating func combineWidened(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* Self.prime &* Self.primeToTheSeventh
    }

    static let primeToTheSeventh: UInt64 = (0..<7).reduce(1) { power, _ in power &* prime }
}
