import Foundation
import Testing

@testable import NewsCore

@Suite("NearDuplicateDetector")
struct NearDuplicateDetectorTests {
    static let wire = """
        The regional water authority said on Tuesday that reservoir levels had fallen to their lowest point in \
        eleven years after a dry winter, and asked households to limit garden watering until the autumn rains \
        return. Engineers will inspect the main dam next month, and the authority expects to publish a plan \
        for new storage by the end of the year, its director told reporters at a briefing in the capital. \
        Farmers in the river valley have already cut their planting, and two towns in the north now draw water \
        from tankers three days a week. The authority's board will meet again in June to decide whether the \
        limits should become rules with fines, a step it last took during the drought of the late nineties.
        """

    @Test("a word's bytes hash in one step to what combining each byte widened to eight bytes gives")
    func widenedByteHashing() {
        var oneStep = FNV1a()
        var eightSteps = FNV1a()
        for round in 0..<3 {
            for byte in UInt8.min...UInt8.max {
                oneStep.combineWidened(byte ^ UInt8(round * 85))
                eightSteps.combine(UInt64(byte ^ UInt8(round * 85)))
                #expect(oneStep.value == eightSteps.value)
            }
        }
    }

    @Test("a lightly edited copy points at its original; an unrelated text does not")
    func editedCopy() {
        // A resent copy with the day corrected and a line added, as wire services re-issue a story.
        let edited = Self.wire.replacingOccurrences(of: "on Tuesday", with: "on Wednesday") + " (Corrects day.)"
        let unrelated = """
            The city orchestra opened its season with a new symphony by a young composer, and the hall was \
            full for the first time since the renovation. Critics praised the brass section and the conductor, \
            who has led the orchestra for nine seasons, said the programme would tour three countries in spring.
            """
        let originals = NearDuplicateDetector().originals(of: [Self.wire, unrelated, edited])
        #expect(originals == [nil, nil, 0])
    }

    @Test("skipping candidates that share too few bands finds the same originals as comparing every pair")
    func bandFilterIsExact() {
        // Signatures made by changing 0–20 positions of a few bases, so pairs fall on both sides of the threshold
        // (52 equal positions of 64); too few per base to fill any bucket.
        var generator = SplitMix(seed: 7)
        let bases = (0..<12).map { _ in (0..<NearDuplicateDetector.hashCount).map { _ in generator.next() } }
        let signatures: [[UInt64]?] = (0..<400).map { n in
            var signature = bases[Int(generator.next() % UInt64(bases.count))]
            for _ in 0..<Int(generator.next() % 21) {
                signature[Int(generator.next() % UInt64(signature.count))] = generator.next()
            }
            return n % 50 == 0 ? nil : signature
        }
        let detector = NearDuplicateDetector()
        // The reference: each signature's best earlier original by equal positions, ties to the earliest.
        var expected = [Int?](repeating: nil, count: signatures.count)
        for (index, signature) in signatures.enumerated() {
            guard let signature else { continue }
            var best: (index: Int, equal: Int)?
            for other in 0..<index where expected[other] == nil {
                guard let candidate = signatures[other] else { continue }
                let equal = zip(signature, candidate).filter { $0 == $1 }.count
                if Double(equal) / Double(signature.count) >= detector.threshold, equal > (best?.equal ?? 0) {
                    best = (other, equal)
                }
            }
            if let best { expected[index] = expected[best.index] ?? best.index }
        }
        let found = detector.originals(ofSignatures: signatures)
        #expect(found == expected)
        #expect(found.compactMap { $0 }.count > 100, "the case must hold many copies to mean anything")
    }

    @Test("two signatures agree in about the share of positions that is their texts' shingle Jaccard similarity")
    func agreementEstimatesJaccard() throws {
        var generator = SplitMix(seed: 11)
        let detector = NearDuplicateDetector()
        for length in [400, 30] {
            for replaced in [0.0, 0.02, 0.1, 0.3] {
                var estimated = 0.0
                var actual = 0.0
                let pairs = 40
                for _ in 0..<pairs {
                    let words = (0..<length).map { _ in generator.next() }
                    var edited = words
                    for index in edited.indices where Double(generator.next() % 1000) < replaced * 1000 {
                        edited[index] = generator.next()
                    }
                    let a = try #require(detector.signature(wordHashes: words))
                    let b = try #require(detector.signature(wordHashes: edited))
                    estimated += Double(zip(a, b).count { $0 == $1 }) / Double(a.count)
                    let shingles = { (text: [UInt64]) in
                        Set((0...(text.count - detector.shingleLength)).map { Array(text[$0..<($0 + detector.shingleLength)]) })
                    }
                    let (x, y) = (shingles(words), shingles(edited))
                    actual += Double(x.intersection(y).count) / Double(x.union(y).count)
                }
                // Each estimate's standard deviation is at most 1/16; over 40 pairs the mean's is under 0.01.
                #expect(abs(estimated - actual) / Double(pairs) < 0.05, "\(length) words, \(replaced) replaced")
            }
        }
    }

    /// A fixed pseudo-random sequence, so the test sees the same signatures every run.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            return NearDuplicateDetector.mix(state)
        }
    }

    @Test("a copy is still found among many texts that share boilerplate, past the bucket limit")
    func copyAmongTemplatedTexts() {
        // Texts that share a long template but differ in their own sentence: not copies of each other, and enough
        // of them to fill the template's buckets.
        let template = Self.wire.split(separator: " ").prefix(40).joined(separator: " ")
        let texts = (0..<(NearDuplicateDetector.bucketLimit * 2)).map { n in
            template + " " + (0..<40).map { Self.word(n * 40 + $0) }.joined(separator: " ")
        }
        let target = texts.count - 3
        let copy = texts[target].replacingOccurrences(of: "Engineers will", with: "Engineers are to")
        let originals = NearDuplicateDetector().originals(of: texts + [copy])
        #expect(originals.last == target)
        #expect(originals.dropLast().allSatisfy { $0 == nil })
    }

    /// A made-up word for `n`, distinct for each n (the tokenizer drops digits, so numbers would not differ).
    static func word(_ n: Int) -> String {
        let letters = Array("bcdfghjklmnpqrstvwz")
        var value = n
        var word = ""
        repeat {
            word.append(letters[value % letters.count])
            word.append("aeiou".randomElementFixed(value))
            value /= letters.count
        } while value > 0
        return word
    }
}

extension String {
    fileprivate func randomElementFixed(_ n: Int) -> Character { Array(self)[n % count] }
}
