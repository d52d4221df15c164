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
