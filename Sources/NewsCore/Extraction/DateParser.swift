/// Reads the date formats articles and their headers use.
package enum DateParser {
    /// A date, and the time and offset when the text gave them.
    package struct Parsed: Equatable, Sendable {
        package var day: CivilDate
        package var secondsIntoDay: Int?
        package var utcOffsetSeconds: Int?
    }

    static let monthNames: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// Parses a whole value such as `2025-03-14`, `2025-03-14T09:30:00+01:00`, `March 14, 2025` or `14 Mar 2025`.
    package static func parse(_ text: some StringProtocol) -> Parsed? {
        let trimmed = text.trimmingWhitespace()
        if let iso = parseISO(trimmed) { return iso }
        return parseWritten(trimmed)
    }

    /// Finds the first date written in words (`March 14, 2025`) anywhere in `text`.
    package static func firstWrittenDate(in text: some StringProtocol) -> Parsed? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count >= 3 else { return parseWritten(String(text)) }
        for start in 0..<(words.count - 2) {
            let candidate = words[start...(start + 2)].joined(separator: " ")
            if let parsed = parseWritten(candidate) { return parsed }
        }
        return nil
    }

    static func parseISO(_ text: String) -> Parsed? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for i in range {
                guard bytes[i] >= 48 && bytes[i] <= 57 else { return nil }
                value = value * 10 + Int(bytes[i] - 48)
            }
            return value
        }
        let separator = bytes[4]
        guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/"), bytes[7] == separator,
            let year = number(0..<4), let month = number(5..<7), let dayOfMonth = number(8..<10),
            let day = CivilDate(year: year, month: month, day: dayOfMonth)
        else { return nil }
        var parsed = Parsed(day: day, secondsIntoDay: nil, utcOffsetSeconds: nil)
        guard bytes.count > 10 else { return parsed }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else {
            return bytes[10] == UInt8(ascii: ",") || bytes[10] == UInt8(ascii: ";") ? parsed : nil
        }
        guard let hour = number(11..<13), bytes.count >= 16, bytes[13] == UInt8(ascii: ":"),
            let minute = number(14..<16), hour < 24, minute < 60
        else {
            // `2025-03-14 Putin said …` is a date followed by prose, not a date value; the caller splits it.
            // `2025-03-14T25:00` is a date with a broken time: keep the date.
            return bytes[10] == UInt8(ascii: "T") ? parsed : nil
        }
        var index = 16
        var second = 0
        if bytes.count >= 19, bytes[16] == UInt8(ascii: ":"), let s = number(17..<19), s < 61 {
            second = min(s, 59)
            index = 19
            if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
                index += 1
                while index < bytes.count && bytes[index] >= 48 && bytes[index] <= 57 { index += 1 }
            }
        }
        parsed.secondsIntoDay = hour * 3600 + minute * 60 + second
        if index < bytes.count && bytes[index] == UInt8(ascii: "Z") {
            parsed.utcOffsetSeconds = 0
            index += 1
        } else if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            if let h = number((index + 1)..<(index + 3)) {
                index += 3
                var m = 0
                if index < bytes.count && bytes[index] == UInt8(ascii: ":") { index += 1 }
                if let minutes = number(index..<(index + 2)) {
                    m = minutes
                    index += 2
                }
                if h <= 14 && m < 60 { parsed.utcOffsetSeconds = sign * (h * 3600 + m * 60) }
            }
        }
        // Anything but spaces after the date-time means this is a date followed by prose, not a date value.
        if bytes[index...].contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) { return nil }
        return parsed
    }

    /// `March 14, 2025`, `Mar. 14 2025`, `14 March 2025`, optionally led by a weekday (`Friday, March 14, 2025`).
    static func parseWritten(_ text: String) -> Parsed? {
        let words = text.lowercased().split(whereSeparator: { " ,\t".contains($0) }).map { word in
            word.hasSuffix(".") ? word.dropLast() : word[...]
        }
        guard words.count >= 3 else { return nil }
        for start in 0...(words.count - 3) {
            let a = words[start]
            let b = words[start + 1]
            let c = words[start + 2]
            if let month = monthNames[String(a)], let day = ordinal(b), let year = Int(c), c.count == 4,
                let date = CivilDate(year: year, month: month, day: day)
            {
                return Parsed(day: date, secondsIntoDay: nil, utcOffsetSeconds: nil)
            }
            if let day = ordinal(a), let month = monthNames[String(b)], let year = Int(c), c.count == 4,
                let date = CivilDate(year: year, month: month, day: day)
            {
                return Parsed(day: date, secondsIntoDay: nil, utcOffsetSeconds: nil)
            }
        }
        return nil
    }

    static func ordinal(_ word: Substring) -> Int? {
        var digits = word
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
            digits = digits.dropLast(2)
            break
        }
        guard digits.count <= 2, let value = Int(digits), (1...31).contains(value) else { return nil }
        return value
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    ///
    /// Every line of every file passes through here, so ASCII is classified without the Unicode property tables,
    /// and text with nothing to trim is returned without re-building it scalar by scalar.
    package func trimmingWhitespace() -> String {
        let scalars = self.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isWhitespace })!
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return String(self) }
        // Through the UTF-8 view, copied in one piece: rebuilding it from the scalars went a scalar at a time through
        // an unspecialised generic append (5.6 % of extraction's instructions, callgrind).
        return String(decoding: utf8[first..<scalars.index(after: last)], as: UTF8.self)
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space property; in ASCII that is tab, line feed, vertical tab, form feed, return and space.
    @inline(__always)
    var isWhitespace: Bool {
        value < 0x80 ? (value >= 9 && value <= 13) || value == 32 : properties.isWhitespace
    }
}
