import Testing

@testable import NewsCore

@Suite("Dateline")
struct DatelineTests {
    @Test(
        "a wire dateline is cut from the lead sentence",
        arguments: [
            ("MUNICH, Germany (AP) _ U.S. prosecutors have asked for more time.", "U.S. prosecutors have asked for more time."),
            ("WASHINGTON _ NASA and the Russian agency have agreed to wait.", "NASA and the Russian agency have agreed to wait."),
            ("NEW YORK (AP) — Stocks rose on Wednesday after the report.", "Stocks rose on Wednesday after the report."),
            ("LAKE BUENA VISTA, Fla. – Brittany Lincicome stood off to the side.", "Brittany Lincicome stood off to the side."),
            ("SEOUL, South Korea (AP) _ President Clinton won support on Saturday.", "President Clinton won support on Saturday."),
            ("LONDON, March 14 (Reuters) - Shares in the bank fell sharply.", "Shares in the bank fell sharply."),
            ("(CNN) -- How do you reinvigorate a heritage brand?", "How do you reinvigorate a heritage brand?"),
            ("OTTAWA — “We will not comment,” the minister said.", "“We will not comment,” the minister said."),
            ("MÜNCHEN — Die Polizei hat am Montag zwei Männer festgenommen.", "Die Polizei hat am Montag zwei Männer festgenommen."),
        ]
    )
    func cut(sentence: String, rest: String) {
        let length = Dateline.length(in: sentence)
        #expect(String(String.UnicodeScalarView(sentence.unicodeScalars.dropFirst(length))) == rest)
    }

    @Test(
        "a sentence that only looks like one keeps its opening",
        arguments: [
            "U.S. - China trade talks resumed on Monday in Geneva.",
            "NASA — the agency said on Monday — will launch in May.",
            "Bill Clinton - the former president - spoke on Monday.",
            "The president spoke in WASHINGTON - and nobody listened.",
            "BREAKING _ Too short.",
            "Stocks rose on Wednesday after the report.",
            "(Updated) the figures were revised on Monday afternoon.",
        ]
    )
    func kept(sentence: String) {
        #expect(Dateline.length(in: sentence) == 0)
    }

    @Test("the lead sentence starts after the dateline, and its offsets still point into the body")
    func leadSentence() throws {
        let article = try Fixtures.extract(
            "MUNICH, Germany (AP) _ U.S. prosecutors have asked for a 20-day extension. The court agreed.")
        let lead = try #require(article.sentences.first)
        #expect(lead.text == "U.S. prosecutors have asked for a 20-day extension.")
        let body = Array(article.body.unicodeScalars)
        #expect(String(String.UnicodeScalarView(body[lead.start..<lead.end])) == lead.text)
        #expect(article.body.hasPrefix("MUNICH, Germany (AP) _ "))
        #expect(article.title == "U.S. prosecutors have asked for a 20-day extension")
        #expect(article.summary.first.map { article.sentences[$0].text } == lead.text)
    }
}
