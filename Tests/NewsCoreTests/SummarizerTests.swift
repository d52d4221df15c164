import Testing

@testable import NewsCore

@Suite("Summarizer")
struct SummarizerTests {
    func sentences(_ texts: [String]) -> [Sentence] {
        var offset = 0
        return texts.map { text in
            defer { offset += text.unicodeScalars.count + 1 }
            return Sentence(text: text, start: offset, end: offset + text.unicodeScalars.count, paragraph: 0)
        }
    }

    let body = [
        "Local officials opened a renovated library branch downtown on Monday morning.",
        "Severe flooding forced thousands of coastal residents from their homes overnight.",
    ]

    @Test("without a title the lead sentence is the summary")
    func leadWithoutTitle() {
        #expect(Summarizer(length: 1).select(sentences(body)) == [0])
    }

    @Test("a sentence that repeats the headline's words outranks an unrelated lead")
    func titleWords() {
        let chosen = Summarizer(length: 1).select(
            sentences(body), title: "Coastal flooding drives thousands from their homes")
        #expect(chosen == [1])
    }
}
