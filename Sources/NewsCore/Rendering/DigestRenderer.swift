/// Renders a day's digest as Markdown that reads well in a terminal and on a forge.
package struct DigestRenderer: Sendable {
    /// The absolute directory the digest file is written to, so links to originals can be made relative.
    package var digestDirectory: String
    /// Quotations shown per story.
    package var quotationsPerStory = StoryAnalyzer.keyQuotations
    /// Words of a long quotation shown before it is cut.
    package var quotationWords = 60
    /// Outlets named and sources listed in a story's section; nil for all. A digest shows the first few, earliest
    /// first, and sends the reader to the story page for the rest: a story carried by 170 outlets made one line of
    /// 4,000 characters and a list of 180 sources, and hid the stories below it.
    package var outletsShown: Int? = 12
    package var sourcesShown: Int? = 10

    package init(digestDirectory: String) { self.digestDirectory = digestDirectory }

    /// - Parameter cache: the text of stories rendered before, reused when the story is unchanged.
    package func render(_ digest: Digest, cache: RenderedStories? = nil) -> String {
        var out = "# News digest — \(MarkdownText.longDate(digest.day))\n\n"
        let stories = digest.stories.count
        out += "\(count(digest.articleCount, "article")) · \(count(stories, "story", "stories")) · "
        out += "\(count(digest.sourceCount, "source"))\n"
        let multi = digest.stories.filter { $0.entries.count > 1 }
        let single = digest.stories.filter { $0.entries.count == 1 }
        for (number, story) in multi.enumerated() {
            out += "\n" + heading(story, number: number + 1)
            out += cache?.text(of: story, as: .digestSection, context: digestDirectory) { renderSection(story) }
                ?? renderSection(story)
        }
        if !single.isEmpty {
            out += "\n## \(multi.isEmpty ? "Stories" : "Also reported")\n\n"
            for story in single {
                out += cache?.text(of: story, as: .digestLine, context: digestDirectory) { renderCompact(story) }
                    ?? renderCompact(story)
            }
        }
        return out
    }

    func renderStory(_ story: Story, number: Int) -> String {
        heading(story, number: number) + renderSection(story)
    }

    /// The numbered heading of a story's section: the number depends on the story's rank, the rest on the story alone.
    func heading(_ story: Story, number: Int) -> String {
        "## \(number). \(MarkdownText.inline(story.headline))\n\n"
    }

    func renderSection(_ story: Story) -> String {
        var out = "*\(count(story.entries.count, "article")) from \(count(story.outlets.count, "source"))"
        // An article that names no outlet is a source of its own; by its file name it says nothing here (the sources
        // below name each file), and a story of many such files listed them all: they are counted instead.
        var seen = Set<String>()
        let named = story.entries.compactMap(\.article.outlet).filter { seen.insert($0).inserted }
        let unattributed = story.outlets.count - named.count
        if named.isEmpty {
            out += ", none naming an outlet"
        } else {
            let outlets = named.prefix(outletsShown ?? named.count)
            out += ": " + outlets.map(MarkdownText.inline).joined(separator: ", ")
            var others: [String] = []
            if outlets.count < named.count { others.append("\(named.count - outlets.count) more") }
            if unattributed > 0 { others.append("\(unattributed) with no outlet named") }
            out += others.count == 2 ? ", \(others[0]) and \(others[1])" : others.first.map { " and \($0)" } ?? ""
        }
        out += " · story [`\(story.id)`](\(storyPage(story)))"
        if !story.otherDays.isEmpty {
            out += " · also on " + story.otherDays.map { "\($0.day) (\(count($0.articles, "article")))" }
                .joined(separator: ", ")
        }
        out += "*\n\n"
        if !story.summary.isEmpty {
            out += story.summary.map { MarkdownText.inline($0.text) }.joined(separator: " ") + "\n\n"
        }
        out += renderQuotations(story)
        out += renderEntities(story)
        if !story.additions.isEmpty {
            out += "**What each source adds**\n\n"
            for addition in story.additions {
                out += "- *\(MarkdownText.inline(addition.source))*: "
                out += addition.lines.map { MarkdownText.inline($0.text) }.joined(separator: " ") + "\n"
            }
            out += "\n"
        }
        out += "**Sources**\n\n"
        let entries = story.entries.prefix(sourcesShown ?? story.entries.count)
        for entry in entries { out += sourceLine(entry) }
        if entries.count < story.entries.count {
            out += "- … and \(count(story.entries.count - entries.count, "more article")) on the "
            out += "[story page](\(storyPage(story)))\n"
        }
        return out
    }

    /// The story's page, relative to the digests' directory.
    func storyPage(_ story: Story) -> String { "../stories/\(story.id).md" }

    func renderQuotations(_ story: Story) -> String {
        let shown = story.quotations.prefix(quotationsPerStory)
        guard !shown.isEmpty else { return "" }
        var out = "**Key quotations**\n\n"
        for quotation in shown {
            // Reported speech is the writer's wording: in quotation marks it would read as the speaker's own.
            out += quotation.isDirect
                ? "> “\(MarkdownText.inline(shorten(quotation.text)))”\n>\n"
                : "> *Reported:* \(MarkdownText.inline(shorten(quotation.text)))\n>\n"
            out += "> — \(quotation.speaker.map { "**\(MarkdownText.inline($0))**" } ?? "unattributed")"
            let carriers = quotation.sources.map { MarkdownText.inline($0.source) }
            out += quotation.sources.count > 1 ? ", carried by \(carriers.joined(separator: " and "))" : ", in \(carriers[0])"
            out += "\n"
            if !quotation.differences.isEmpty {
                let notes = quotation.differences.map { variants in
                    variants.map { "“\(MarkdownText.inline($0.text))” (\(MarkdownText.inline($0.source)))" }
                        .joined(separator: " against ")
                }
                out += ">\n> *Wording differs:* " + notes.joined(separator: "; ") + "\n"
            }
            out += "\n"
        }
        return out
    }

    func renderEntities(_ story: Story) -> String {
        var parts: [String] = []
        for (kind, label) in [(EntityKind.person, "People"), (.place, "Places"), (.organization, "Organisations")] {
            let names = story.entities.filter { $0.kind == kind }.prefix(10).map { MarkdownText.inline($0.canonical) }
            if !names.isEmpty { parts.append("**\(label):** \(names.joined(separator: ", "))") }
        }
        return parts.isEmpty ? "" : parts.joined(separator: " · ") + "\n\n"
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
        var notes: [String] = []
        let near = entry.copies.filter { !$0.isExact }
        let exact = entry.copies.filter(\.isExact)
        if !near.isEmpty {
            let carriers = near.map { copy in
                let name = MarkdownText.inline(copy.outlet ?? copy.fileName)
                return link(copy.location).map { "[\(name)](\($0))" } ?? name
            }
            notes.append("also carried by \(carriers.joined(separator: ", "))")
        }
        if !exact.isEmpty {
            notes.append("identical copies: " + exact.map { "`\($0.fileName)`" }.joined(separator: ", "))
        }
        return notes.isEmpty ? "" : " · " + notes.joined(separator: " · ")
    }

    /// A quotation as shown: without the comma that led into its attribution, and cut when very long.
    func shorten(_ text: String) -> String {
        var text = text
        while let last = text.last, last == "," || last == ";" || last == " " { text.removeLast() }
        let words = text.split(separator: " ")
        guard words.count > quotationWords else { return text }
        return words.prefix(quotationWords).joined(separator: " ") + " …"
    }

    func link(_ location: String?) -> String? {
        guard let location else { return nil }
        return RelativePath.markdownLink(RelativePath.from(directory: digestDirectory, to: location))
    }

    func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}
