import Testing

@testable import NewsCore

@Suite("DateParser")
struct DateParserTests {
    /// One row of a parsing table: the input and the date, time and offset it must give (nil day: no date).
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var day: String?
        var seconds: Int? = nil
        var offset: Int? = nil

        var testDescription: String { "\"\(text)\"" }
    }

    static let isoCases: [Case] = [
        Case(text: "2025-03-14", day: "2025-03-14"),
        Case(text: "2025/03/14", day: "2025-03-14"),
        Case(text: "  2025-03-14\t", day: "2025-03-14"),
        Case(text: "2025-03-14, Friday", day: "2025-03-14"),
        Case(text: "2025-03-14; updated later", day: "2025-03-14"),
        Case(text: "2025-03-14T09:30", day: "2025-03-14", seconds: 34_200),
        Case(text: "2025-03-14 09:30:15", day: "2025-03-14", seconds: 34_215),
        Case(text: "2025-03-14T09:30:15Z", day: "2025-03-14", seconds: 34_215, offset: 0),
        Case(text: "2025-03-14T09:30:00+01:00", day: "2025-03-14", seconds: 34_200, offset: 3600),
        Case(text: "2025-03-14T09:30:00-05:30", day: "2025-03-14", seconds: 34_200, offset: -19_800),
        Case(text: "2025-03-14T09:30:00+0530", day: "2025-03-14", seconds: 34_200, offset: 19_800),
        Case(text: "2025-03-14T09:30:00-04", day: "2025-03-14", seconds: 34_200, offset: -14_400),
        Case(text: "2025-03-14T09:30+02:00", day: "2025-03-14", seconds: 34_200, offset: 7200),
        Case(text: "2025-03-14T09:30:00.123456Z", day: "2025-03-14", seconds: 34_200, offset: 0),
        Case(text: "2025-03-14T23:59:59.9+01:00", day: "2025-03-14", seconds: 86_399, offset: 3600),
        Case(text: "2025-03-14T00:00:00Z", day: "2025-03-14", seconds: 0, offset: 0),
        // A leap second is clamped to :59 rather than rolling the day over.
        Case(text: "2016-12-31T23:59:60Z", day: "2016-12-31", seconds: 86_399, offset: 0),
        // An impossible time is dropped, the day is kept.
        Case(text: "2025-03-14T25:00:00Z", day: "2025-03-14"),
        Case(text: "2025-03-14T09:75", day: "2025-03-14"),
        Case(text: "2024-02-29", day: "2024-02-29"),
    ]

    @Test("ISO dates with and without time and offset", arguments: isoCases)
    func iso(_ row: Case) {
        check(row)
    }

    static let writtenCases: [Case] = [
        Case(text: "March 14, 2025", day: "2025-03-14"),
        Case(text: "14 Mar 2025", day: "2025-03-14"),
        Case(text: "Friday, March 14, 2025", day: "2025-03-14"),
        Case(text: "Fri, 14 Mar 2025", day: "2025-03-14"),
        Case(text: "Mar. 14 2025", day: "2025-03-14"),
        Case(text: "14 March 2025", day: "2025-03-14"),
        Case(text: "14th March 2025", day: "2025-03-14"),
        Case(text: "March 1st, 2025", day: "2025-03-01"),
        Case(text: "Sept. 3, 2024", day: "2024-09-03"),
        Case(text: "DECEMBER 25, 2024", day: "2024-12-25"),
        Case(text: "may 5 2025", day: "2025-05-05"),
        Case(text: "February 29, 2024", day: "2024-02-29"),
        Case(text: "Published on March 14, 2025 at noon", day: "2025-03-14"),
    ]

    @Test("dates written in words", arguments: writtenCases)
    func written(_ row: Case) {
        check(row)
    }

    static let invalidCases: [Case] = [
        Case(text: "2025-02-30", day: nil),
        Case(text: "2025-02-29", day: nil),
        Case(text: "2025-13-01", day: nil),
        Case(text: "2025-00-10", day: nil),
        Case(text: "2025-04-31", day: nil),
        Case(text: "2025-03-14x", day: nil),
        Case(text: "2025.03.14", day: nil),
        Case(text: "2025-3-14", day: nil),
        Case(text: "February 30, 2025", day: nil),
        Case(text: "30 Feb 2025", day: nil),
        Case(text: "March 32, 2025", day: nil),
        Case(text: "March 14, 25", day: nil),
        Case(text: "Smarch 14, 2025", day: nil),
        Case(text: "March 2025", day: nil),
        Case(text: "yesterday", day: nil),
        Case(text: "", day: nil),
        Case(text: "   ", day: nil),
    ]

    @Test("invalid and unreadable dates give nil", arguments: invalidCases)
    func invalid(_ row: Case) {
        check(row)
    }

    static let embeddedCases: [Case] = [
        Case(text: "— New York Post (@nypost) March 14, 2025", day: "2025-03-14"),
        Case(text: "posted on 14 March 2025 at noon", day: "2025-03-14"),
        Case(text: "Friday, March 14, 2025", day: "2025-03-14"),
        Case(text: "first Jan 2, 2024 then Feb 3, 2025", day: "2024-01-02"),
        Case(text: "nothing dated here at all", day: nil),
        Case(text: "Mar 2025", day: nil),
        Case(text: "", day: nil),
        Case(text: "February 30, 2025 is not a day", day: nil),
    ]

    @Test("first written date inside a longer text", arguments: embeddedCases)
    func firstWritten(_ row: Case) {
        let parsed = DateParser.firstWrittenDate(in: row.text)
        #expect(parsed?.day.description == row.day)
        #expect(parsed?.secondsIntoDay == nil)
        #expect(parsed?.utcOffsetSeconds == nil)
    }

    @Test(
        "trims spaces, tabs and line breaks",
        arguments: [("  a b \n", "a b"), ("\t\r\nx", "x"), ("", ""), (" \n\t ", ""), ("\u{00A0}nbsp\u{2003}", "nbsp")]
    )
    func trimming(text: String, expected: String) {
        #expect(text.trimmingWhitespace() == expected)
    }

    private func check(_ row: Case, sourceLocation: SourceLocation = #_sourceLocation) {
        let parsed = DateParser.parse(row.text)
        guard let day = row.day else {
            #expect(parsed == nil, sourceLocation: sourceLocation)
            return
        }
        #expect(parsed?.day.description == day, sourceLocation: sourceLocation)
        #expect(parsed?.secondsIntoDay == row.seconds, sourceLocation: sourceLocation)
        #expect(parsed?.utcOffsetSeconds == row.offset, sourceLocation: sourceLocation)
    }
}
