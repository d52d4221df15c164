/// Escapes text for safe inline use in Markdown.
package enum MarkdownText {
    /// Text with the characters that Markdown would read as markup escaped, and line breaks folded to spaces.
    package static func inline(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|":
                out += "\\"
                out.unicodeScalars.append(scalar)
            case "\n", "\r", "\t":
                out += " "
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out
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
