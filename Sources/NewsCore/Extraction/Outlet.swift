/// Outlet names as articles write them, folded to one spelling.
package enum Outlet {
    /// `The New York Post` and `New York Post` are one outlet; the leading article is dropped.
    package static func canonicalName(_ name: some StringProtocol) -> String {
        var trimmed = name.trimmingWhitespace()
        if trimmed.lowercased().hasPrefix("the ") { trimmed = String(trimmed.dropFirst(4)) }
        return trimmed
    }
}
