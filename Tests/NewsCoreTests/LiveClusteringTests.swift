import Foundation
import Testing

@testable import NewsCore

@Suite("LiveClustering")
struct LiveClusteringTests {
    typealias Texts = StoryClustererTests
    static let day = Texts.day
    static let clusterer = StoryClusterer()

    static func item(_ entry: DigestEntry) -> ClusterItem {
        ClusterItem(entry, features: clusterer.features(of: entry.article))
    }

    /// The three fixture articles (two about a flood, one about chess) as items, Reuters' flood article first.
    static func items() throws -> [ClusterItem] { try Texts.entries().map(item) }

    static func memberNames(_ groups: [StoryClusterer.Group]) -> Set<[String]> {
        Set(groups.map { $0.members.map(\.fileName) })
    }

    @Test("a live clustering starts from the exact clustering's groups")
    func startsExact() throws {
        let items = try Self.items()
        let live = Self.clusterer.liveClustering(items, days: Self.day...Self.day)
        let exact = Self.clusterer.cluster(items)
        #expect(live.groups.map(\.id) == exact.map(\.id))
        #expect(Self.memberNames(live.groups) == Self.memberNames(exact))
        #expect(live.itemCount == 3)
    }

    @Test("an article about a held story joins it; an unrelated one starts its own")
    func placesByStory() throws {
        let items = try Self.items()
        // Without the AP article the flood story is Reuters' alone; placing AP must give what clustering all three does.
        var live = Self.clusterer.liveClustering([items[0], items[2]], days: Self.day...Self.day)
        #expect(live.groups.count == 2)
        let joinedID = live.add(items[1])
        let joined = try #require(joinedID)
        #expect(joined.replaced == nil)
        let flood = try #require(live.groups.first { $0.members.contains { $0.fileName == "ap-flood.txt" } })
        #expect(joined.story == flood.id)
        // AP's article has a time and Reuters' has none, so Reuters' still founds the story and its id stays.
        #expect(flood.members.map(\.fileName) == ["reuters-flood.txt", "ap-flood.txt"])
        #expect(flood.id == StoryID("st-3e744b9dc3"))
        #expect(Self.memberNames(live.groups) == Self.memberNames(Self.clusterer.cluster(items)))

        var unrelated = try Fixtures.extract(
            """
            Title: Parliament passes the budget after a long night of votes
            Date: 2025-03-14
            Source: BBC

            Members of parliament passed the annual budget after voting through the night. The finance minister \
            welcomed the vote and promised lower taxes for small businesses next year.
            """, fileName: "budget.txt")
        unrelated.contentHash = "eee"
        let startedID = live.add(Self.item(DigestEntry(article: unrelated, location: nil)))
        let started = try #require(startedID)
        #expect(live.groups.count == 3)
        #expect(live.groups.last?.members.map(\.fileName) == ["budget.txt"])
        #expect(started.story == live.groups.last?.id)
        #expect(started.replaced == nil)
        #expect(started.story != flood.id)
    }

    @Test("an earlier article that joins a story founds it, so the story's id is the exact clustering's")
    func earlierMemberFounds() throws {
        let items = try Self.items()
        // AP's flood article (10:00) held, Reuters' (dated only, so earlier in member order) placed afterwards.
        var live = Self.clusterer.liveClustering([items[1], items[2]], days: Self.day...Self.day)
        let placedID = live.add(items[0])
        let placed = try #require(placedID)
        #expect(placed.story == StoryID("st-3e744b9dc3"))
        // The story was AP's ("aaa") until then: SHA-256("aaa") starts 9834876dcf.
        #expect(placed.replaced == StoryID("st-9834876dcf"))
        #expect(Set(live.groups.map(\.id)) == Set(Self.clusterer.cluster(items).map(\.id)))
    }

    @Test("articles of days it does not hold, and articles it holds, are not placed")
    func refusesWhatItCannotPlace() throws {
        let items = try Self.items()
        var live = Self.clusterer.liveClustering([items[0], items[2]], days: Self.day...Self.day)
        #expect(live.add(items[0]) == nil)
        var nextDay = items[1]
        nextDay.features.published.day = Self.day.adding(days: 1)
        #expect(live.add(nextDay) == nil)
        #expect(live.itemCount == 2)
        #expect(live.groups.count == 2)
    }

    @Test("an exact copy is listed with the article it copies")
    func addsExactCopies() throws {
        let items = try Self.items()
        var live = Self.clusterer.liveClustering(items, days: Self.day...Self.day)
        let copy = ArticleCopy(fileName: "chess2.txt", location: "/srv/archive/chess2.txt", outlet: "inbox")
        let copiedID = live.addCopy(copy, ofContent: "ccc")
        let id = try #require(copiedID)
        let chess = try #require(live.groups.first { $0.id == id })
        #expect(chess.members.map(\.fileName) == ["chess.txt"])
        #expect(chess.members[0].copies == [copy])
        #expect(live.addCopy(copy, ofContent: "not held") == nil)
        // A copy whose name sorts first is shown as the original, as an exact render shows it.
        let first = ArticleCopy(fileName: "a-chess.txt", location: "/srv/archive/a-chess.txt", outlet: nil)
        #expect(live.addCopy(first, ofContent: "ccc") == id)
        let shown = try #require(live.groups.first { $0.id == id }?.members.first)
        #expect(shown.fileName == "a-chess.txt" && shown.location == "/srv/archive/a-chess.txt")
        #expect(shown.copies.map(\.fileName) == ["chess.txt", "chess2.txt"])
    }

    @Test("placing the seed articles one after the other gives the one story the exact clustering gives")
    func seedsPlacedOneByOne() throws {
        let first = Self.item(try Seeds.entry("000_"))
        let second = Self.item(try Seeds.entry("001_"))
        for (held, placed) in [(first, second), (second, first)] {
            var live = Self.clusterer.liveClustering([held], days: Self.day...Self.day)
            let placedID = live.add(placed)
            let id = try #require(placedID).story
            #expect(live.groups.count == 1)
            #expect(live.groups[0].members.count == 2)
            #expect(id == Self.clusterer.cluster([first, second])[0].id)
        }
    }
    @Test("a provisional digest lists a placed article in its story at once, reading only that article")
    func provisionalDigestExtendsStories() throws {
        let entries = try Texts.entries()
        var stored: [String: Article] = [:]
        for entry in entries { stored[entry.article.contentHash] = entry.article }
        var reads: [String] = []
        func read(_ members: [ClusterItem]) -> [Article] {
            reads += members.map(\.fileName)
            return members.map { stored[$0.contentHash]! }
        }
        let items = entries.map(Self.item)
        let memo = ClusteringMemo()
        var live = Self.clusterer.liveClustering([items[0], items[2]], days: Self.day...Self.day, memo: memo)
        let before = Self.clusterer.digest(for: Self.day, groups: live.groups, memo: memo, articles: read)
        let floodBefore = try #require(before.stories.first { $0.id == StoryID("st-3e744b9dc3") })
        #expect(floodBefore.entries.count == 1)

        _ = live.add(items[1])
        reads = []
        let provisional = Self.clusterer.provisionalDigest(for: Self.day, groups: live.groups, memo: memo, articles: read)
        #expect(reads == ["ap-flood.txt"])
        let flood = try #require(provisional.stories.first { $0.id == floodBefore.id })
        #expect(flood.entries.map(\.article.fileName) == ["reuters-flood.txt", "ap-flood.txt"])
        #expect(flood.entries.allSatisfy { $0.article.body.isEmpty })
        // What the story says is the last build's until the exact render.
        #expect(flood.summary == floodBefore.summary)
        #expect(flood.headline == floodBefore.headline)

        // The exact digest of the same groups is built whole, as without any memo.
        let exact = Self.clusterer.digest(for: Self.day, groups: live.groups, memo: memo, articles: read)
        let fresh = Self.clusterer.digest(for: Self.day, entries: entries)
        #expect(ClusterRenderer.render(exact) == ClusterRenderer.render(fresh))
        #expect(exact.stories.first { $0.id == flood.id } != flood)
    }
    @Test("a provisional digest shows again the stories placing did not change, as building them would")
    func provisionalDigestShowsUnchangedStoriesAgain() throws {
        let entries = try Texts.entries()
        var stored: [String: Article] = [:]
        for entry in entries { stored[entry.article.contentHash] = entry.article }
        func read(_ members: [ClusterItem]) -> [Article] { members.map { stored[$0.contentHash]! } }
        let items = entries.map(Self.item)
        // Two daemons' worth of state, one showing unchanged stories again and one finding every story in its memo.
        let (memo, reference) = (ClusteringMemo(), ClusteringMemo())
        var live = Self.clusterer.liveClustering([items[0], items[2]], days: Self.day...Self.day, memo: memo)
        var referenceLive = Self.clusterer.liveClustering([items[0], items[2]], days: Self.day...Self.day, memo: reference)
        let shownBefore = Self.clusterer.digest(for: Self.day, groups: live.groups, memo: memo, articles: read)
        _ = Self.clusterer.digest(for: Self.day, groups: referenceLive.groups, memo: reference, articles: read)

        let placed = live.add(items[1])
        let placement = try #require(placed)
        _ = referenceLive.add(items[1])
        var asked: [StoryID] = []
        let previous = Dictionary(uniqueKeysWithValues: shownBefore.stories.map { ($0.id, $0) })
        let provisional = Self.clusterer.provisionalDigest(
            for: Self.day, groups: live.groups, memo: memo,
            shown: { id in
                asked.append(id)
                return id == placement.story ? nil : previous[id]
            }, articles: read)
        let built = Self.clusterer.provisionalDigest(
            for: Self.day, groups: referenceLive.groups, memo: reference, articles: read)
        #expect(provisional == built)
        #expect(Set(asked) == Set(live.groups.map(\.id)))
        let chess = try #require(shownBefore.stories.first { $0.id != placement.story })
        #expect(provisional.stories.first { $0.id == chess.id } == chess)
        #expect(provisional.stories.first { $0.id == placement.story }?.entries.count == 2)
    }
    @Test("a story renamed by a new founder is extended under its new id, not built whole")
    func renamedStoryIsExtended() throws {
        let entries = try Texts.entries()
        var stored: [String: Article] = [:]
        for entry in entries { stored[entry.article.contentHash] = entry.article }
        var reads: [String] = []
        func read(_ members: [ClusterItem]) -> [Article] {
            reads += members.map(\.fileName)
            return members.map { stored[$0.contentHash]! }
        }
        let items = entries.map(Self.item)
        let memo = ClusteringMemo()
        // AP's article is held; Reuters' sorts before it, so placing it renames the story.
        var live = Self.clusterer.liveClustering([items[1], items[2]], days: Self.day...Self.day, memo: memo)
        _ = Self.clusterer.digest(for: Self.day, groups: live.groups, memo: memo, articles: read)
        let placed = live.add(items[0])
        let placement = try #require(placed)
        let former = try #require(placement.replaced)
        memo.storyRenamed(from: former, to: placement.story)
        reads = []
        let provisional = Self.clusterer.provisionalDigest(for: Self.day, groups: live.groups, memo: memo, articles: read)
        #expect(reads == ["reuters-flood.txt"])
        let flood = try #require(provisional.stories.first { $0.id == placement.story })
        #expect(flood.entries.map(\.article.fileName) == ["reuters-flood.txt", "ap-flood.txt"])
        #expect(!provisional.stories.contains { $0.id == former })
    }
    @Test("a story spanning days is extended on the day a member arrives, and kept as it was on the others")
    func storySpanningDaysIsExtendedPerDay() throws {
        let day15 = Self.day.adding(days: 1)
        var nextDay = try Fixtures.extract(
            Texts.chess.replacingOccurrences(of: "Date: 2025-03-14", with: "Date: 2025-03-15"), fileName: "chess-2.txt")
        nextDay.contentHash = "ddd"
        var sameDay = try Fixtures.extract(
            """
            Title: Madrid chess tournament ends with the champion's title
            Date: 2025-03-14
            Source: Marca

            The champion won the chess tournament in Madrid after a quiet endgame. Her coach and her family \
            watched the final checkmate from the front row of spectators.
            """, fileName: "zz-chess-marca.txt")
        sameDay.contentHash = "eee"
        let entries = try Texts.entries() + [DigestEntry(article: nextDay, location: nil)]
        var stored: [String: Article] = [:]
        for entry in entries + [DigestEntry(article: sameDay, location: nil)] {
            stored[entry.article.contentHash] = entry.article
        }
        var reads: [String] = []
        func read(_ members: [ClusterItem]) -> [Article] {
            reads += members.map(\.fileName)
            return members.map { stored[$0.contentHash]! }
        }
        let memo = ClusteringMemo()
        var live = Self.clusterer.liveClustering(entries.map(Self.item), days: Self.day...day15, memo: memo)
        for day in [Self.day, day15] { _ = Self.clusterer.digest(for: day, groups: live.groups, memo: memo, articles: read) }
        let chess = try #require(live.groups.first { $0.members.contains { $0.fileName == "chess.txt" } })
        #expect(chess.members.map(\.fileName) == ["chess.txt", "chess-2.txt"])

        let placed = live.add(Self.item(DigestEntry(article: sameDay, location: nil)))
        #expect(placed?.story == chess.id)
        reads = []
        let digests = [Self.day, day15].map {
            Self.clusterer.provisionalDigest(for: $0, groups: live.groups, memo: memo, articles: read)
        }
        #expect(reads == ["zz-chess-marca.txt"])
        #expect(digests[0].stories.first { $0.id == chess.id }?.entries.count == 2)
        #expect(digests[1].stories.first { $0.id == chess.id }?.entries.map(\.article.fileName) == ["chess-2.txt"])
    }
}
