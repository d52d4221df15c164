/// Renders `index.md`: every day that has a digest, newest first.
package enum IndexRenderer {
    /// One line of the index.
    package struct Day: Sendable, Equatable {
        package var day: CivilDate
        package var articles: Int
        package var stories: Int

        package init(day: CivilDate, articles: Int, stories: Int) {
            self.day = day
            self.articles = articles
            self.stories = stories
        }
    }

    package static func render(_ days: [Day]) -> String {
        var out = "# News digests\n\n"
        if days.isEmpty { return out + "No articles yet.\n" }
        for entry in days.sorted(by: { $0.day > $1.day }) {
            out += "- [\(MarkdownText.longDate(entry.day))](digests/\(entry.day).md) — "
            out += "\(entry.articles) article\(entry.articles == 1 ? "" : "s"), "
            out += "\(entry.stories) stor\(entry.stories == 1 ? "y" : "ies")\n"
        }
        return out
    }
}
