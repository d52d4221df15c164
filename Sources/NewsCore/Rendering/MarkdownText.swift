/// Escapes text for safe inline use in Markdown.
package enum MarkdownText {
    /// Text with the characters that Markdown would read as markup escaped, and line breaks folded to spaces.
    ///
    /// Wire copy's doubled quotation marks (AP's ``` ``Nothing could …'' ```) are shown as the curly marks they stand
    /// for: escaped, they read as a row of backslashes and backticks. Two apostrophes close such a quotation only after
    /// two backticks opened one in the same text, so an inch mark (`5''`) elsewhere stays. Inside such a quotation, a
    /// quotation within it is one backtick and one apostrophe (``` ``He said, `Refer to the clips.' '' ```), shown as
    /// ‘…’; an apostrophe followed by a letter is one (`don't`) and stays.
    ///
    /// Every character it changes is ASCII, and no byte of a longer UTF-8 sequence is, so it works on the bytes: most
    /// texts need nothing and are returned as they are, and the rest are copied whole up to the first change. Appending
    /// a scalar at a time was the largest part of rendering a digest's text (perf, stop 20).
    package static func inline(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: { needsChange[Int($0)] }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            var wireQuotation = false
            var innerQuotation = false
            var index = first
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                let doubled = index < bytes.count && bytes[index] == byte
                switch byte {
                case UInt8(ascii: "`") where doubled:
                    out.append(contentsOf: "“".utf8)
                    index += 1
                    wireQuotation = true
                case UInt8(ascii: "`") where wireQuotation && !innerQuotation:
                    out.append(contentsOf: "‘".utf8)
                    innerQuotation = true
                // Before the doubled case: `'''` closes the inner quotation, then the outer one.
                case UInt8(ascii: "'") where innerQuotation && !(index < bytes.count && Self.continuesAWord(bytes[index])):
                    out.append(contentsOf: "’".utf8)
                    innerQuotation = false
                case UInt8(ascii: "'") where doubled && wireQuotation:
                    out.append(contentsOf: "”".utf8)
                    index += 1
                    wireQuotation = false
                case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                    out.append(UInt8(ascii: " "))
                case _ where needsChange[Int(byte)]:
                    out.append(UInt8(ascii: "\\"))
                    out.append(byte)
                default:
                    out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// Whether a byte after an apostrophe makes it one (`don't`): an ASCII letter, or any byte of a longer character.
    private static func continuesAWord(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte | 0x20) &- UInt8(ascii: "a") < 26
    }

    /// The bytes `inline` escapes or folds, by value.
    private static let needsChange: [Bool] = (0..<256).map { byte in
        "\\`*_[]<>|\n\r\t".utf8.contains(UInt8(byte))
    }

    static let weekdays = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// `Friday 14 March 2025`.
    package static func longDate(_ day: CivilDate) -> String {
        let weekday = weekdays[((day.daysSinceEpoch % 7) + 7) % 7]
        return "\(weekday) \(day.day) \(months[day.month - 1]) \(day.year)"
    }
}
