import Testing

@testable import NewsCore

@Suite("SentenceSplitter")
struct SentenceSplitterTests {
    /// The sentences of `text`, split over the whole of it.
    static func sentences(_ text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        return SentenceSplitter.split(scalars, from: 0, to: scalars.count).map {
            String(String.UnicodeScalarView(scalars[$0]))
        }
    }

    @Test(
        "abbreviations, initials, decimals and ellipses do not end a sentence",
        arguments: [
            (
                "Officials in the U.S. Senate voted on Friday. The bill passed.",
                ["Officials in the U.S. Senate voted on Friday.", "The bill passed."]
            ),
            (
                "The U.S. economy grew. Markets rose.",
                ["The U.S. economy grew.", "Markets rose."]
            ),
            (
                "Mr. Smith went to Washington. He arrived late.",
                ["Mr. Smith went to Washington.", "He arrived late."]
            ),
            (
                "Gen. Milley spoke first. Troops listened.",
                ["Gen. Milley spoke first.", "Troops listened."]
            ),
            (
                "The talks began on Jan. 5 in Geneva. They ended a week later.",
                ["The talks began on Jan. 5 in Geneva.", "They ended a week later."]
            ),
            (
                "J. R. R. Tolkien wrote it. Readers loved it.",
                ["J. R. R. Tolkien wrote it.", "Readers loved it."]
            ),
            (
                "Inflation was 3.5 percent in May. Rates held.",
                ["Inflation was 3.5 percent in May.", "Rates held."]
            ),
            (
                "He paused... and then spoke. Everyone listened.",
                ["He paused... and then spoke.", "Everyone listened."]
            ),
            (
                "This is developing… more soon. Stay tuned.",
                ["This is developing… more soon.", "Stay tuned."]
            ),
            (
                "Dr. Jones and Sen. Warren met at 9 a.m. on Monday. Nothing was agreed.",
                ["Dr. Jones and Sen. Warren met at 9 a.m. on Monday.", "Nothing was agreed."]
            ),
            (
                "Troops e.g. Marines were sent. Others stayed.",
                ["Troops e.g. Marines were sent.", "Others stayed."]
            ),
        ]
    )
    func noFalseBreaks(text: String, expected: [String]) {
        #expect(Self.sentences(text) == expected)
    }

    @Test(
        "sentences end at . ! ? and … before a capital, digit or opening quote",
        arguments: [
            ("Is it over? Nobody knows! Really.", ["Is it over?", "Nobody knows!", "Really."]),
            ("It ended. 2025 was hard.", ["It ended.", "2025 was hard."]),
            ("He left. “Goodbye,” he said.", ["He left.", "“Goodbye,” he said."]),
            // Wire copy's opening marks.
            ("He left. ``Goodbye,'' he said.", ["He left.", "``Goodbye,'' he said."]),
            ("He left. (It was late.) Then silence.", ["He left.", "(It was late.)", "Then silence."]),
            ("Wait… Then it happened.", ["Wait…", "Then it happened."]),
            ("No terminator here", ["No terminator here"]),
            ("One.  Two.  ", ["One.", "Two."]),
            ("   ", []),
            ("", []),
        ]
    )
    func breaks(text: String, expected: [String]) {
        #expect(Self.sentences(text) == expected)
    }

    @Test(
        "a quotation stays one sentence with a short attribution after it, or running on through an exclamation",
        arguments: [
            (
                "“This would be a horrible massacre. God bless them all!!!” Trump wrote. Markets were calm.",
                [
                    "“This would be a horrible massacre.",
                    "God bless them all!!!” Trump wrote.",
                    "Markets were calm.",
                ]
            ),
            (
                "“We agree with the proposal,” Putin said. “Talks go on.” Peskov told reporters. Then he left.",
                [
                    "“We agree with the proposal,” Putin said.",
                    "“Talks go on.” Peskov told reporters.",
                    "Then he left.",
                ]
            ),
            (
                "\"It is over.\" The President of the United States said so. Others disagreed.",
                ["\"It is over.\"", "The President of the United States said so.", "Others disagreed."]
            ),
            (
                "“We will.” Officials agreed. Nothing changed.",
                ["“We will.”", "Officials agreed.", "Nothing changed."]
            ),
            // A quotation that runs on through an exclamation, closes and goes on in lower case is one sentence.
            (
                "Democrats bellow ``You resign! You resign!'' at Livingston when he calls. He went on.",
                ["Democrats bellow ``You resign! You resign!'' at Livingston when he calls.", "He went on."]
            ),
            (
                "They chanted “Out! Out!” at the minister. Then they left.",
                ["They chanted “Out! Out!” at the minister.", "Then they left."]
            ),
            // A quotation that closes on its own ends its sentence there; one not yet open is no quotation.
            (
                "He asked “Why? Who knew?” Nobody answered. Is it late? Yes “it” is.",
                ["He asked “Why?", "Who knew?”", "Nobody answered.", "Is it late?", "Yes “it” is."]
            ),
        ]
    )
    func quotationAttribution(text: String, expected: [String]) {
        #expect(Self.sentences(text) == expected)
    }

    @Test("'no' ends a sentence unless a number follows")
    func noIsAWord() {
        #expect(Self.sentences("Room No. 5 was empty. Guests left.") == ["Room No. 5 was empty.", "Guests left."])
        #expect(Self.sentences("He said no. Then he left.") == ["He said no.", "Then he left."])
    }

    @Test("ranges are offsets into the scalars and honour the bounds")
    func rangesWithinBounds() {
        let text = "Skip this. First one. Second one. Skip too."
        let scalars = Array(text.unicodeScalars)
        let start = 11
        let end = 33
        let ranges = SentenceSplitter.split(scalars, from: start, to: end)
        #expect(ranges == [11..<21, 22..<33])
        #expect(ranges.map { String(String.UnicodeScalarView(scalars[$0])) } == ["First one.", "Second one."])
    }

    @Test("offsets count Unicode scalars, not bytes or characters")
    func scalarOffsets() {
        let text = "Café “au lait”. Née à Paris."
        let scalars = Array(text.unicodeScalars)
        let ranges = SentenceSplitter.split(scalars, from: 0, to: scalars.count)
        #expect(ranges == [0..<15, 16..<28])
    }
}
