/// Renders `stories/<id>.md`: one story's page with its timeline across days and its latest day in full.
package struct StoryPageRenderer: Sendable {
    /// The absolute directory story pages are written to, so links to originals can be made relative.
    package var storyDirectory: String

    package init(storyDirectory: String) { self.storyDirectory = storyDirectory }

    /// The page of `story` as shown on `day`, which must be the story's latest day.
    package func render(_ story: Story, on day: CivilDate) -> String {
        var out = "# \(MarkdownText.inline(story.headline))\n\n"
        out += "Story `\(story.id)` · "
        let total = story.entries.count + story.otherDays.reduce(0) { $0 + $1.articles }
        out += "\(total) article\(total == 1 ? "" : "s") · latest \(MarkdownText.longDate(day))\n\n"
        out += "## Timeline\n\n"
        var timeline = story.otherDays
        timeline.append(StoryDay(day: day, articles: story.entries.count, headline: story.headline))
        for entry in timeline.sorted(by: { $0.day < $1.day }) {
            out += "- [\(entry.day)](../digests/\(entry.day).md) — \(entry.articles) article"
            out += "\(entry.articles == 1 ? "" : "s"): \(MarkdownText.inline(entry.headline))\n"
        }
        out += "\n## \(MarkdownText.longDate(day))\n\n"
        var renderer = DigestRenderer(digestDirectory: storyDirectory)
        renderer.quotationsPerStory = 10
        renderer.outletsShown = nil
        renderer.sourcesShown = nil
        let section = renderer.renderStory(story, number: 1)
        // Drop the digest's numbered heading line; the page has its own.
        out += section.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst()
            .joined(separator: "\n").drop(while: { $0 == "\n" })
        return out
    }
}
