/// Renders a day's digest as Markdown that reads well in a terminal and on a forge.
package struct DigestRenderer: Sendable {
    /// The absolute directory the digest file is written to, so links to originals can be made relative.
    package var digestDirectory: String

    package init(digestDirectory: String) { self.digestDirectory = digestDirectory }

    package func render(_ digest: Digest) -> String {
        var out = "# News digest — \(MarkdownText.longDate(digest.day))\n\n"
        let stories = digest.stories.count
        out += "\(count(digest.articleCount, "article")) · \(count(stories, "story", "stories")) · "
        out += "\(count(digest.sourceCount, "source"))\n"
        let multi = digest.stories.filter { $0.entries.count > 1 }
        let single = digest.stories.filter { $0.entries.count == 1 }
        for (number, story) in multi.enumerated() {
            out += "\n" + renderStory(story, number: number + 1)
        }
        if !single.isEmpty {
            out += "\n## \(multi.isEmpty ? "Stories" : "Also reported")\n\n"
            for story in single { out += renderCompact(story) }
        }
        return out
    }

    func renderStory(_ story: Story, number: Int) -> String {
        var out = "## \(number). \(MarkdownText.inline(story.headline))\n\n"
        out += "*\(count(story.entries.count, "article")) from \(count(story.outlets.count, "source")) · "
        out += "story `\(story.id)`*\n\n"
        if !story.summary.isEmpty {
            out += story.summary.map { MarkdownText.inline($0.text) }.joined(separator: " ") + "\n\n"
        }
        out += "**Sources**\n\n"
        for entry in story.entries { out += sourceLine(entry) }
        return out
    }

    func renderCompact(_ story: Story) -> String {
        guard let entry = story.entries.first else { return "" }
        var line = "- **\(MarkdownText.inline(story.headline))** — \(outletAndDate(entry.article))"
        if let first = story.summary.first, first.text != story.headline {
            line += ". \(MarkdownText.inline(first.text))"
        }
        if let link = link(entry.location) { line += " [original](\(link))" }
        return line + copiesNote(entry) + "\n"
    }

    func sourceLine(_ entry: DigestEntry) -> String {
        let article = entry.article
        let title = MarkdownText.inline(article.title)
        let titlePart = link(entry.location).map { "[\(title)](\($0))" } ?? title
        return "- \(titlePart) — \(outletAndDate(article))\(copiesNote(entry))\n"
    }

    func outletAndDate(_ article: Article) -> String {
        let outlet = article.outlet.map(MarkdownText.inline) ?? "outlet not stated"
        let origin: String
        switch article.published.origin {
        case .header: origin = "dated in its header"
        case .meta: origin = "dated in its metadata"
        case .embed: origin = "dated by its embedded post"
        case .text: origin = "dated in its text"
        case .arrival: origin = "undated; filed on arrival"
        }
        return "\(outlet), \(article.published.iso8601) (\(origin))"
    }

    func copiesNote(_ entry: DigestEntry) -> String {
        guard !entry.copies.isEmpty else { return "" }
        let names = entry.copies.map { "`\($0.fileName)`" }.joined(separator: ", ")
        return " · identical copies: \(names)"
    }

    func link(_ location: String?) -> String? {
        guard let location else { return nil }
        return RelativePath.markdownLink(RelativePath.from(directory: digestDirectory, to: location))
    }

    func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}
