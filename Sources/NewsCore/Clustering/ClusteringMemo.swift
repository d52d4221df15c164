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

        /// The key of a story built from these entries (`DigestEntry.init(_:article:)`).
        init(id: StoryID, summaryLength: Int, entries: [DigestEntry]) {
            self.id = id
            self.summaryLength = summaryLength
            self.members = entries.map {
                Member(
                    contentHash: $0.article.contentHash, fileName: $0.article.fileName, location: $0.location,
                    copies: $0.copies)
            }
        }
    }

    var stories: [StoryKey: (story: Story, usedIn: Int)] = [:]
    /// A story as one day shows it: a story spanning days is a different `Story` on each (its members of that day).
    struct DayKey: Hashable {
        var id: StoryID
        var day: CivilDate
    }
    /// The key each story was last built under on each day, to find what a provisional story extends.
    var latestKey: [DayKey: StoryKey] = [:]
    /// Stories extended with members placed since they were built (see `provisionalStory`). Not a function of their
    /// key, so kept apart from `stories`, and forgotten at the next exact clustering.
    var provisional: [DayKey: (key: StoryKey, story: Story)] = [:]
    /// What a story's timeline shows of one of its days (`StoryClusterer.storyDay`): its key is everything that
    /// function reads, since an article's title and features are those of its content.
    struct TimelineKey: Hashable {
        var day: CivilDate
        var articles: Int
        var shownContents: [String]
    }
    var timelineDays: [TimelineKey: (storyDay: StoryDay, usedIn: Int)] = [:]
    private(set) var generation = 0
    let retainedGenerations: Int

    package init(retainedGenerations: Int = 2) { self.retainedGenerations = retainedGenerations }

    /// Stories remembered now (for tests and the debug log).
    package var storyCount: Int { stories.count }
    /// Timeline days remembered now (for tests).
    package var timelineDayCount: Int { timelineDays.count }

    /// Starts one clustering; forgets what the last `retainedGenerations` clusterings did not use.
    ///
    /// Keeping entries longer than the renders that use them would hold several windows in memory.
    func beginGeneration() {
        generation += 1
        let oldest = generation - retainedGenerations
        stories = stories.filter { $0.value.usedIn > oldest }
        latestKey = latestKey.filter { stories[$0.value] != nil }
        timelineDays = timelineDays.filter { $0.value.usedIn > oldest }
        provisional = [:]
        formerID = [:]
    }

    /// Where the next clustering's generation starts, for `forgetUnused(since:)` at the end of a render.
    package var nextGeneration: Int { generation + 1 }

    /// Forgets what the clusterings since `first` (one render's, which may be several) did not use.
    ///
    /// Called when a render ends, so that between renders the memo holds the stories of the window last rendered and
    /// nothing else. With only `beginGeneration`'s rule the versions a render replaced stayed until the next one, and
    /// the heap between renders of a steady stream moved between 104 and 147 MiB with how much the last render
    /// changed (docs/RELIABILITY.md, the stop-18 soak).
    package func forgetUnused(since first: Int) {
        stories = stories.filter { $0.value.usedIn >= first }
        latestKey = latestKey.filter { stories[$0.value] != nil }
        timelineDays = timelineDays.filter { $0.value.usedIn >= first }
    }

    /// The story `id` shows with these members of a day, if it was built before; it is kept for this clustering.
    func knownStory(id: StoryID, summaryLength: Int, members: [ClusterItem]) -> Story? {
        let key = StoryKey(id: id, summaryLength: summaryLength, members: members)
        guard let known = stories[key] else { return nil }
        stories[key] = (known.story, generation)
        return known.story
    }

    /// Remembers `story` as what `id` shows on `day` with these members of that day.
    func remember(_ story: Story, id: StoryID, day: CivilDate, summaryLength: Int, members: [ClusterItem]) {
        let key = StoryKey(id: id, summaryLength: summaryLength, members: members)
        stories[key] = (story, generation)
        latestKey[DayKey(id: id, day: day)] = key
    }

    /// The stories exact clusterings built that are remembered now, each with the day it shows and the summary length
    /// it was built for, by day and id: what a run keeps for the next one (`adopt`).
    package func keptStories() -> [(day: CivilDate, summaryLength: Int, story: Story)] {
        latestKey.compactMap { dayKey, key in stories[key].map { (dayKey.day, key.summaryLength, $0.story) } }
            .sorted { ($0.day, $0.story.id) < ($1.day, $1.story.id) }
    }

    /// Whether a story of `day` is remembered.
    package func holdsStories(on day: CivilDate) -> Bool { latestKey.keys.contains { $0.day == day } }

    /// Remembers `story`, which an earlier run of the same build built (`keptStories`), as what its id shows on `day`
    /// with its entries as members, unless that is remembered already.
    ///
    /// The entries say everything the story's key holds, so a story adopted is found for the same members as one built
    /// here, and the memo still memoises a function of its key. Adopt after the clustering whose digests may use it
    /// has begun: an adopted story counts as used by no clustering until a digest finds it, so the next clustering,
    /// or `forgetUnused` at the end of the render, forgets it if none did.
    package func adopt(_ story: Story, day: CivilDate, summaryLength: Int) {
        let key = StoryKey(id: story.id, summaryLength: summaryLength, entries: story.entries)
        guard stories[key] == nil else { return }
        stories[key] = (story, Self.notUsedYet)
        latestKey[DayKey(id: story.id, day: day)] = key
    }

    /// The generation of an adopted story no clustering has used: older than any clustering.
    static let notUsedYet = -1

    /// A story for members placed into a live clustering: the exact story when one was built for these members,
    /// else the provisional one built for them, else `build`'s, which is kept as provisional.
    func provisionalStory<Failure: Error>(
        id: StoryID, day: CivilDate, summaryLength: Int, members: [ClusterItem], build: () throws(Failure) -> Story
    ) throws(Failure) -> Story {
        let key = StoryKey(id: id, summaryLength: summaryLength, members: members)
        if let known = stories[key] { return known.story }
        let dayKey = DayKey(id: id, day: day)
        if let known = provisional[dayKey], known.key == key { return known.story }
        let built = try build()
        provisional[dayKey] = (key, built)
        return built
    }

    /// What a story's timeline shows of `day` with these members, when it was computed (`rememberTimelineDay`)
    /// while a recent clustering used it; kept for this clustering too.
    func knownTimelineDay(_ day: CivilDate, members: [ClusterItem]) -> StoryDay? {
        let key = Self.timelineKey(day, members: members)
        guard let known = timelineDays[key] else { return nil }
        timelineDays[key] = (known.storyDay, generation)
        return known.storyDay
    }

    /// Remembers `storyDay` (`StoryClusterer.storyDay`) as what a timeline shows of `day` with these members.
    func rememberTimelineDay(_ storyDay: StoryDay, _ day: CivilDate, members: [ClusterItem]) {
        timelineDays[Self.timelineKey(day, members: members)] = (storyDay, generation)
    }

    private static func timelineKey(_ day: CivilDate, members: [ClusterItem]) -> TimelineKey {
        TimelineKey(
            day: day, articles: members.count,
            shownContents: members.prefix(StoryClusterer.timelineHeadlineMembers).map(\.contentHash))
    }

    /// The latest story built for `id` on `day`, provisional or exact: what a provisional story extends.
    func latestStory(id: StoryID, day: CivilDate) -> Story? {
        let dayKey = DayKey(id: id, day: day)
        if let known = provisional[dayKey] { return known.story }
        if let exact = latestKey[dayKey].flatMap({ stories[$0]?.story }) { return exact }
        return formerID[id].flatMap { latestStory(id: $0, day: day) }
    }

    /// The ids stories had before placing gave them a new founder, by their new id, so the renamed story is extended
    /// rather than built whole (`LiveClustering.Placement.replaced`). Forgotten at the next exact clustering.
    var formerID: [StoryID: StoryID] = [:]

    /// Notes that the story `former` is now `current`, because an article placed into it founds it now.
    package func storyRenamed(from former: StoryID, to current: StoryID) {
        guard former != current, formerID[former] != current else { return }
        formerID[current] = former
    }
}
