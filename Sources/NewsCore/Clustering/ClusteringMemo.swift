/// Remembers the stories the clusterer built, so that re-rendering a window in which little changed costs little.
///
/// It memoises a pure function of its key only: a story depends on its id, the summary length and its members.
/// The results are therefore byte-identical with or without the memo; it only saves work. (An article's features
/// need no memo: the store keeps them beside the article.) Entries not used for `retainedGenerations` clusterings are
/// forgotten, so memory follows the articles being re-clustered, not the whole history.
///
/// Not thread-safe: one owner uses it from one queue (the daemon's apply queue).
package final class ClusteringMemo {
    /// What a story is built from: its id, the summary length and, for each member, the content and where it and its
    /// copies are.
    struct StoryKey: Hashable {
        var id: StoryID
        var summaryLength: Int
        var members: [Member]

        struct Member: Hashable {
            var contentHash: String
            var fileName: String
            var location: String?
            var copies: [ArticleCopy]
        }

        init(id: StoryID, summaryLength: Int, members: [ClusterItem]) {
            self.id = id
            self.summaryLength = summaryLength
            self.members = members.map {
                Member(contentHash: $0.contentHash, fileName: $0.fileName, location: $0.location, copies: $0.copies)
            }
        }
    }

    var stories: [StoryKey: (story: Story, usedIn: Int)] = [:]
    private(set) var generation = 0
    let retainedGenerations: Int

    package init(retainedGenerations: Int = 2) { self.retainedGenerations = retainedGenerations }

    /// Stories remembered now (for tests and the debug log).
    package var storyCount: Int { stories.count }

    /// Starts one clustering; forgets what the last `retainedGenerations` clusterings did not use.
    ///
    /// Keeping entries longer than the renders that use them would hold several windows in memory.
    func beginGeneration() {
        generation += 1
        let oldest = generation - retainedGenerations
        stories = stories.filter { $0.value.usedIn > oldest }
    }

    func story<Failure: Error>(
        id: StoryID, summaryLength: Int, members: [ClusterItem], build: () throws(Failure) -> Story
    ) throws(Failure) -> Story {
        let key = StoryKey(id: id, summaryLength: summaryLength, members: members)
        if let known = stories[key] {
            stories[key] = (known.story, generation)
            return known.story
        }
        let built = try build()
        stories[key] = (built, generation)
        return built
    }
}
