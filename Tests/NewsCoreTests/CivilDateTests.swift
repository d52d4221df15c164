import Testing

@testable import NewsCore

@Suite("CivilDate")
struct CivilDateTests {
    @Test(
        "seconds since the epoch give the UTC day",
        arguments: [
            (Int64(0), "1970-01-01"),
            (-1, "1969-12-31"),
            (86_399, "1970-01-01"),
            (86_400, "1970-01-02"),
            (-86_400, "1969-12-31"),
            (-86_401, "1969-12-30"),
            (-31_536_000, "1969-01-01"),
            (951_782_400, "2000-02-29"),
            (951_868_800, "2000-03-01"),
            (-2_203_891_200, "1900-03-01"),
            (1_741_910_400, "2025-03-14"),
            (-62_135_596_800, "0001-01-01"),
            (253_402_214_400, "9999-12-31"),
        ]
    )
    func fromSeconds(seconds: Int64, expected: String) {
        #expect(CivilDate(secondsSinceEpoch: seconds).description == expected)
    }

    static let offsetCases: [(seconds: Int64, offset: Int, expected: String)] = [
        // 2025-03-14T23:30:00Z is already the 15th one hour east, and still the 14th west of UTC.
        (Int64(1_741_995_000), 3600, "2025-03-15"),
        (1_741_995_000, -3600, "2025-03-14"),
        // 2025-03-14T00:30:00Z is the 13th in New York (UTC-4 in March).
        (1_741_912_200, -4 * 3600, "2025-03-13"),
        // Just after midnight at UTC+14.
        (1_741_860_000, 50_400, "2025-03-14"),
        // Negative seconds with a positive offset cross back over the epoch.
        (-1800, 3600, "1970-01-01"),
        (1800, -3600, "1969-12-31"),
    ]

    @Test("the UTC offset moves the day boundary", arguments: offsetCases)
    func fromSecondsWithOffset(seconds: Int64, offset: Int, expected: String) {
        #expect(CivilDate(secondsSinceEpoch: seconds, utcOffsetSeconds: offset).description == expected)
    }

    @Test(
        "days since the epoch",
        arguments: [
            ("1970-01-01", 0),
            ("1969-12-31", -1),
            ("2000-02-29", 11_016),
            ("2000-03-01", 11_017),
            ("2025-03-14", 20_161),
            ("1900-03-01", -25_508),
            ("1600-02-29", -135_081),
            ("0001-01-01", -719_162),
            ("9999-12-31", 2_932_896),
        ]
    )
    func daysSinceEpoch(iso: String, days: Int) throws {
        let date = try #require(CivilDate(iso: iso))
        #expect(date.daysSinceEpoch == days)
    }

    @Test("day numbers and dates convert both ways across four centuries and the epoch")
    func roundTrip() throws {
        var previous = CivilDate(secondsSinceEpoch: -200_000 * 86_400)
        for days in -199_999...160_000 {
            let date = CivilDate(secondsSinceEpoch: Int64(days) * 86_400)
            #expect(date.daysSinceEpoch == days)
            // Each day is a valid Gregorian date and strictly after the one before.
            let rebuilt = try #require(CivilDate(year: date.year, month: date.month, day: date.day))
            #expect(rebuilt == date)
            #expect(previous < date)
            previous = date
        }
    }

    @Test(
        "valid and invalid fields",
        arguments: [
            (2024, 2, 29, true),
            (2025, 2, 29, false),
            (2000, 2, 29, true),
            (1900, 2, 29, false),
            (2100, 2, 29, false),
            (2025, 2, 28, true),
            (2025, 4, 30, true),
            (2025, 4, 31, false),
            (2025, 12, 31, true),
            (2025, 1, 0, false),
            (2025, 0, 1, false),
            (2025, 13, 1, false),
            (0, 1, 1, false),
            (1, 1, 1, true),
            (9999, 12, 31, true),
            (10_000, 1, 1, false),
            (-1, 1, 1, false),
        ]
    )
    func validation(year: Int, month: Int, day: Int, valid: Bool) {
        let date = CivilDate(year: year, month: month, day: day)
        #expect((date != nil) == valid)
        if let date {
            #expect(date.year == year && date.month == month && date.day == day)
        }
    }

    @Test(
        "parses YYYY-MM-DD",
        arguments: [
            ("2025-03-14", CivilDate(year: 2025, month: 3, day: 14)),
            ("2024-02-29", CivilDate(year: 2024, month: 2, day: 29)),
            ("0042-01-05", CivilDate(year: 42, month: 1, day: 5)),
            ("2025-02-29", nil),
            ("2025-02-30", nil),
            ("2025-13-01", nil),
            ("2025-00-10", nil),
            ("2025-3-14", nil),
            ("25-03-14", nil),
            ("2025/03/14", nil),
            ("2025-03-14 ", nil),
            ("2025-03-14T10:00", nil),
            ("20250314", nil),
            ("", nil),
            ("abcd-ef-gh", nil),
        ]
    )
    func parsesISO(text: String, expected: CivilDate?) {
        #expect(CivilDate(iso: text) == expected)
    }

    @Test("parses from a substring")
    func parsesSubstring() {
        let text = "day=2025-03-14;"
        let slice = text.dropFirst(4).dropLast()
        #expect(CivilDate(iso: slice) == CivilDate(year: 2025, month: 3, day: 14))
    }

    @Test("rejects signs inside the fields", arguments: ["+025-03-14", "2025-+3-14", "2025-03-+4", "2025--3-14"])
    func rejectsSigns(text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test(
        "description pads to YYYY-MM-DD",
        arguments: [
            (2025, 3, 14, "2025-03-14"),
            (42, 1, 5, "0042-01-05"),
            (1, 1, 1, "0001-01-01"),
            (9999, 12, 31, "9999-12-31"),
        ]
    )
    func description(year: Int, month: Int, day: Int, expected: String) throws {
        let date = try #require(CivilDate(year: year, month: month, day: day))
        #expect(date.description == expected)
        #expect(CivilDate(iso: expected) == date)
    }

    @Test("orders by year, then month, then day")
    func ordering() throws {
        let dates = try ["2025-03-14", "2024-12-31", "2025-01-31", "2025-03-02", "1999-07-01"].map {
            try #require(CivilDate(iso: $0))
        }
        #expect(
            dates.sorted().map(\.description) == [
                "1999-07-01", "2024-12-31", "2025-01-31", "2025-03-02", "2025-03-14",
            ])
    }

    @Test(
        "days in a month",
        arguments: [
            (1, 2025, 31), (2, 2025, 28), (2, 2024, 29), (2, 1900, 28), (2, 2000, 29), (4, 2025, 30),
            (6, 2025, 30), (9, 2025, 30), (11, 2025, 30), (12, 2025, 31), (7, 2025, 31), (8, 2025, 31),
        ]
    )
    func daysInMonth(month: Int, year: Int, days: Int) {
        #expect(CivilDate.daysIn(month: month, year: year) == days)
    }
}
