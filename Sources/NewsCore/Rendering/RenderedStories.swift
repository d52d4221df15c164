/// Remembers the text each story was last rendered as, so that a file listing a day's stories, few of which changed,
/// costs what changed to render rather than what the day holds.
///
/// A day's digest and clusters file are rewritten whole whenever one of its stories changes, and while articles
/// arrive that is on every render. A story is looked up by id and compared with the one rendered: unchanged stories
/// come from the same memo and share their storage, so the comparison is quick, and any difference renders again.
/// The result is byte-identical with or without the cache; it only saves work.
///
/// Not thread-safe: one owner uses it from one queue (the daemon's apply queue).
package final class RenderedStories {
    enum Kind: UInt8 {
        case digestSection, digestLine, clusterJSON
    }

    struct Key: Hashable {
        var id: StoryID
        var kind: Kind
        /// What else the text depends on: the directory links are made relative to.
        var context: String
    }

    private var texts: [Key: (story: Story, text: String, usedIn: Int)] = [:]
    private var generation = 0
    let retainedGenerations: Int

    package init(retainedGenerations: Int = 4) { self.retainedGenerations = retainedGenerations }

    /// Texts remembered now (for tests).
    package var count: Int { texts.count }

    /// Starts one render; forgets what the last `retainedGenerations` renders did not use, so memory follows the
    /// days being rendered, not the history.
    package func beginGeneration() {
        generation += 1
        let oldest = generation - retainedGenerations
        texts = texts.filter { $0.value.usedIn > oldest }
    }

    /// Forgets every text the current render did not use. Called when an exact render ends, so that the texts of
    /// stories it replaced and of days it no longer writes go at once rather than after `retainedGenerations`
    /// renders.
    package func forgetUnusedInThisRender() {
        texts = texts.filter { $0.value.usedIn == generation }
    }

    func text(of story: Story, as kind: Kind, context: String = "", render: () -> String) -> String {
        let key = Key(id: story.id, kind: kind, context: context)
        if let known = texts[key], known.story == story {
            texts[key]?.usedIn = generation
            return known.text
        }
        let text = render()
        texts[key] = (story, text, generation)
        return text
    }
}
