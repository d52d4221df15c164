/// The words of the slug in an article's link: `…/2025/03/14/kremlin-weighs-ceasefire-call/` → `kremlin weighs
/// ceasefire call`.
///
/// Publishers write slugs for search engines, often in other words than the headline (`putin-trump-call-ceasefire`
/// under "Moscow waits for Washington's answer"), so they tell the clusterer what a short headline leaves out. A
/// slug is the path segment with the most words joined by `-`, `_` or `+`; segments of fewer than three words are
/// sections (`arts-entertainment`), and ids, dates and file extensions are not words.
package enum URLSlug {
    /// A slug shorter than this is taken for a section or a name, not a description of the article.
    static let minimumWords = 3

    /// The slug's words separated by spaces, as written (not lower-cased), or nil when the link has none.
    package static func text(ofURL url: String) -> String? {
        var path = Substring(url)
        if let colon = path.firstIndex(of: ":"), path[colon...].hasPrefix("://") {
            path = path[path.index(colon, offsetBy: 3)...]
        }
        // The host is not part of the slug, and neither are the query and the fragment (some exporters escape the
        // query's `?` with a backslash).
        guard let slash = path.firstIndex(of: "/") else { return nil }
        path = path[path.index(after: slash)...]
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" || $0 == "\\" }) { path = path[..<end] }
        var best: [Substring] = []
        for segment in path.split(separator: "/") {
            let words = self.words(ofSegment: segment)
            // The last of equally long segments: the slug comes after the sections.
            if words.count >= minimumWords && words.count >= best.count { best = words }
        }
        return best.isEmpty ? nil : best.joined(separator: " ")
    }

    /// The alphabetic words of one path segment, its extension dropped; words with digits are ids.
    static func words(ofSegment segment: Substring) -> [Substring] {
        var segment = segment
        if let dot = segment.lastIndex(of: "."), segment[segment.index(after: dot)...].allSatisfy(\.isLetter) {
            segment = segment[..<dot]
        }
        return segment.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "+" || $0 == "." }).filter { word in
            word.allSatisfy { $0.isLetter || $0 == "'" }
        }
    }
}
