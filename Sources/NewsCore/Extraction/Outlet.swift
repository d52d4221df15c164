/// Outlet names as articles write them, folded to one spelling.
package enum Outlet {
    /// `The New York Post` and `New York Post` are one outlet; the leading article is dropped. A backslash before
    /// punctuation is an exporter's escape, not part of the name: `American Spectator \(blog\)`.
    package static func canonicalName(_ name: some StringProtocol) -> String {
        var trimmed = name.trimmingWhitespace()
        if trimmed.lowercased().hasPrefix("the ") { trimmed = String(trimmed.dropFirst(4)) }
        guard trimmed.contains("\\") else { return trimmed }
        var unescaped = ""
        var escaping = false
        for character in trimmed {
            if escaping {
                if !(character.isASCII && (character.isPunctuation || character.isSymbol)) {
                    unescaped.append("\\")
                }
                unescaped.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                unescaped.append(character)
            }
        }
        if escaping { unescaped.append("\\") }
        return unescaped
    }
}
