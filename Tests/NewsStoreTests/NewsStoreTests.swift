import Foundation
import GRDB
import NewsCore
import Testing

@testable import NewsStore

func sampleArticle(_ name: String, sha: String, day: CivilDate) -> Article {
    let body = "The council met. It voted."
    return Article(
        fileName: name, contentHash: sha, title: "Council votes", titleIsGenerated: false,
        published: PublicationDate(day: day, origin: .header), outlet: "Reuters", authors: ["Ann"], url: nil,
        body: body,
        sentences: [
            Sentence(text: "The council met.", start: 0, end: 16, paragraph: 0),
            Sentence(text: "It voted.", start: 17, end: 26, paragraph: 0),
        ], summary: [0], isEnglish: true)
}

func sampleRecord(_ claim: String, sha: String?, location: String? = "/archive/x") -> FileRecord {
    FileRecord(
        claimName: claim, fileName: claim + ".txt", relativePath: "reuters/\(claim).txt", folderLabel: "reuters",
        size: 42, sha256: sha, status: .processed, location: location, arrivedAt: 1, finishedAt: 2)
}

@Suite("NewsStore")
struct NewsStoreTests {
    let day = CivilDate(year: 2025, month: 3, day: 14)!

    func makeStore() throws -> NewsStore { try NewsStore(writer: try DatabaseQueue()) }

    var next: CivilDate { day.adding(days: 1) }

    /// A store holding article a.txt (h1) on `day` and b.txt (h2) on `next`.
    func storeWithArticlesOnTwoDays() throws -> (NewsStore, Article, Article) {
        try storeWithTwoArticles(secondOn: next)
    }

    /// A store holding article a.txt (h1) on `day` and b.txt (h2) on `secondDay`.
    func storeWithTwoArticles(secondOn secondDay: CivilDate) throws -> (NewsStore, Article, Article) {
        let store = try makeStore()
        let a = sampleArticle("a.txt", sha: "h1", day: day)
        let b = sampleArticle("b.txt", sha: "h2", day: secondDay)
        _ = try store.recordProcessed(sampleRecord("a", sha: "h1"), article: a)
        _ = try store.recordProcessed(sampleRecord("b", sha: "h2"), article: b)
        return (store, a, b)
    }

    @Test func migratesAnEmptyDatabase() throws {
        let queue = try DatabaseQueue()
        _ = try NewsStore(writer: queue)
        let tables = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(tables.contains("article") && tables.contains("file") && tables.contains("story"))
        #expect(tables.contains("storyArticle"))
        // Migrating again is a no-op.
        _ = try NewsStore(writer: queue)
    }

    @Test func migratesADatabaseFromVersionOneKeepingItsLedger() throws {
        let queue = try DatabaseQueue()
        try NewsStore.migrator.migrate(queue, upTo: "v1: ledger, articles, stories")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO file (claimName, fileName, relativePath, size, status, arrivedAt, finishedAt)
                    VALUES ('t~a.txt', 'a.txt', 'a.txt', 1, 'failed', 0, 0)
                    """)
        }
        let store = try NewsStore(writer: queue)
        #expect(try store.fileRecord(claimName: "t~a.txt")?.status == .failed)
        #expect(try store.pendingDays().isEmpty)
    }

    @Test func recordsArticlesAndExactDuplicates() throws {
        let store = try makeStore()
        let first = try store.recordProcessed(sampleRecord("a", sha: "h1"), article: sampleArticle("a.txt", sha: "h1", day: day))
        #expect(first == .newArticle(day: day))
        #expect(try store.hasArticle(sha256: "h1"))
        let second = try store.recordProcessed(sampleRecord("b", sha: "h1"), article: nil)
        #expect(second == .duplicate(ofFile: "a.txt", day: day))
        let items = try store.clusterItems(from: day, through: day, features: StoryClusterer().features(of:))
        #expect(items.map(\.contentHash) == ["h1"])
        #expect(items[0].copies.map(\.fileName) == ["b.txt"])
        #expect(try store.articles(contentHashes: ["h1"]) == [sampleArticle("a.txt", sha: "h1", day: day)])
        let counters = try store.counters()
        #expect(counters.files == 2 && counters.articles == 1 && counters.duplicates == 1)
    }

    @Test func aClaimIsRecordedOnce() throws {
        let store = try makeStore()
        _ = try store.recordProcessed(sampleRecord("a", sha: "h1"), article: sampleArticle("a.txt", sha: "h1", day: day))
        #expect(throws: (any Error).self) {
            try store.recordFailed(sampleRecord("a", sha: nil))
        }
        #expect(try store.fileRecord(claimName: "a")?.status == .processed)
    }

    @Test func failuresAreLedgerEntriesWithoutArticles() throws {
        let store = try makeStore()
        var record = sampleRecord("bad", sha: nil, location: "/failed/bad.txt")
        record.error = "the file is empty"
        try store.recordFailed(record)
        let stored = try #require(try store.fileRecord(claimName: "bad"))
        #expect(stored.status == .failed && stored.error == "the file is empty")
        #expect(try store.clusterItems(from: day, through: day, features: StoryClusterer().features(of:)).isEmpty)
    }

    @Test func storiesAreReplacedPerDayAndCounted() throws {
        let store = try makeStore()
        let article = sampleArticle("a.txt", sha: "h1", day: day)
        _ = try store.recordProcessed(sampleRecord("a", sha: "h1"), article: article)
        let story = Story(id: StoryID("st-1"), headline: "H", entries: [DigestEntry(article: article, location: nil)],
                          summary: [])
        try store.replaceStories(on: day, with: [story])
        try store.replaceStories(on: day, with: [story])
        #expect(try store.counters(storiesOn: day).stories == 1)
        #expect(try store.days() == [IndexRenderer.Day(day: day, articles: 1, stories: 1)])
    }

    @Test func replacingStoriesNamesTheOnesThatExistNoMore() throws {
        let (store, a, b) = try storeWithArticlesOnTwoDays()
        func story(_ id: String, _ article: Article) -> Story {
            Story(id: StoryID(id), headline: "H", entries: [DigestEntry(article: article, location: nil)], summary: [])
        }
        #expect(try store.replaceStories(on: day, with: [story("st-1", a), story("st-2", a)]).isEmpty)
        try store.replaceStories(on: next, with: [story("st-2", b)])
        // st-1 is gone everywhere; st-2 continues on the next day, so its page stays.
        #expect(try store.replaceStories(on: day, with: [story("st-3", a)]) == [StoryID("st-1")])
    }

    @Test func keptFilesAreFoundUnderTheInbox() throws {
        let store = try makeStore()
        var record = sampleRecord("k", sha: "h2", location: "/srv/inbox/reuters/k.txt")
        record.modifiedAtNs = 77
        _ = try store.recordProcessed(record, article: sampleArticle("k.txt", sha: "h2", day: day))
        #expect(try store.keptFiles(under: "/srv/inbox") == ["/srv/inbox/reuters/k.txt": 77])
        #expect(try store.keptFiles(under: "/srv/other").isEmpty)
    }

    @Test func clusterItemsComeFromStoredFeaturesAndMissingOnesAreComputedOnce() throws {
        let queue = try DatabaseQueue()
        let store = try NewsStore(writer: queue)
        let clusterer = StoryClusterer()
        let a = sampleArticle("a.txt", sha: "h1", day: day)
        var b = sampleArticle("b.txt", sha: "h2", day: day)
        b.title = "Council votes again"
        _ = try store.recordProcessed(
            sampleRecord("a", sha: "h1"), article: a, features: clusterer.features(of: a).encoded())
        // As an article recorded before features were kept: none stored.
        _ = try store.recordProcessed(sampleRecord("b", sha: "h2"), article: b)
        _ = try store.recordProcessed(sampleRecord("c", sha: "h2"), article: nil)
        // Features an older version stored (version 2, before link slugs): computed again, not compared.
        let d = sampleArticle("d.txt", sha: "h3", day: day)
        var olderFeatures = clusterer.features(of: d).encoded()
        olderFeatures[0] = 2
        _ = try store.recordProcessed(sampleRecord("d", sha: "h3"), article: d, features: olderFeatures)
        var computed: [String] = []
        let compute = { (article: Article) -> ClusterFeatures in
            computed.append(article.fileName)
            return clusterer.features(of: article)
        }
        let items = try store.clusterItems(from: day, through: day, features: compute)
        #expect(items.map(\.fileName) == ["a.txt", "b.txt", "d.txt"])
        #expect(items.map(\.features) == [a, b, d].map(clusterer.features(of:)))
        #expect(items[1].title == "Council votes again" && items[1].outlet == "Reuters")
        #expect(items[1].copies.map(\.fileName) == ["c.txt"])
        #expect(computed == ["b.txt", "d.txt"])
        // Written back: the next read computes nothing.
        _ = try store.clusterItems(from: day, through: day, features: compute)
        #expect(computed == ["b.txt", "d.txt"])
        #expect(try store.clusterItems(from: next, through: next, features: compute).isEmpty)
    }

    @Test func identicalFilesRecordedInEitherOrderGiveTheSameClusters() throws {
        let clusterer = StoryClusterer()
        // Three identical files, in two folders, recorded in each of their orders: whichever is recorded first
        // reads as the article, but the one whose name sorts first is shown as the original.
        func record(_ names: [String]) throws -> String {
            let store = try makeStore()
            for name in names {
                var record = sampleRecord(name, sha: "h1", location: "/archive/\(name).txt")
                record.folderLabel = name == "b" ? "bureau" : "reuters"
                let article = sampleArticle(name + ".txt", sha: "h1", day: day)
                _ = try store.recordProcessed(record, article: article, features: clusterer.features(of: article).encoded())
            }
            let items = try store.clusterItems(from: day, through: day, features: clusterer.features(of:))
            let digest = try clusterer.digest(for: day, groups: clusterer.cluster(items)) { members in
                try store.articles(contentHashes: members.map(\.contentHash))
            }
            return ClusterRenderer.render(digest)
        }
        let orders = [["c", "a", "b"], ["a", "b", "c"], ["b", "c", "a"], ["c", "b", "a"]]
        let rendered = try orders.map(record)
        #expect(Set(rendered).count == 1)
        let story = try #require(
            (try JSONSerialization.jsonObject(with: Data(rendered[0].utf8)) as? [String: Any])?["stories"] as? [[String: Any]])
        let articles = try #require(story.first?["articles"] as? [[String: Any]])
        #expect(articles.map { $0["file"] as? String } == ["a.txt", "b.txt", "c.txt"])
        #expect(articles.dropFirst().map { $0["duplicate_of"] as? String } == ["a.txt", "a.txt"])
        #expect(articles.dropFirst().map { $0["outlet"] as? String } == ["bureau", "reuters"])
        let summarySources = try #require(story.first?["summary_sources"] as? [[String: Any]])
        #expect(summarySources.allSatisfy { $0["file"] as? String == "a.txt" })
    }

    @Test func articlesAreReadByHashInTheOrderAsked() throws {
        let (store, a, b) = try storeWithTwoArticles(secondOn: day)
        #expect(try store.articles(contentHashes: ["h2", "h1"]) == [b, a])
        #expect(try store.articles(contentHashes: []) == [])
        #expect(throws: (any Error).self) { try store.articles(contentHashes: ["h1", "missing"]) }
    }

    @Test func articlesAreStoredInTheByteFormAndJSONRowsFromBeforeStillRead() throws {
        let (store, a, b) = try storeWithTwoArticles(secondOn: day)
        let stored = try store.writer.read { db in try Data.fetchOne(db, sql: "SELECT payload FROM article WHERE sha256 = 'h1'") }
        #expect(try Article(encoded: [UInt8](try #require(stored))) == a)
        // A row written before the byte form, and without stored features, so its features come from the JSON too.
        try store.writer.write { db in
            try db.execute(
                sql: "UPDATE article SET payload = ?, features = NULL WHERE sha256 = 'h2'",
                arguments: [try JSONEncoder().encode(b)])
        }
        #expect(try store.articles(contentHashes: ["h2", "h1"]) == [b, a])
        #expect(try store.article(sha256: "h2") == b)
        let clusterer = StoryClusterer()
        let items = try store.clusterItems(from: day, through: day, features: clusterer.features(of:))
        #expect(items.map(\.features) == [a, b].map(clusterer.features(of:)))
        // A damaged payload is an error, not a misread article.
        try store.writer.write { db in
            try db.execute(sql: "UPDATE article SET payload = x'0001ff' WHERE sha256 = 'h1'")
        }
        #expect(throws: DamagedArticle.self) { try store.article(sha256: "h1") }
    }

    @Test func countsAreKeptAsFilesAndStoriesAreRecorded() throws {
        let (store, a, _) = try storeWithArticlesOnTwoDays()
        _ = try store.recordProcessed(sampleRecord("c", sha: "h1"), article: nil)
        try store.recordFailed(sampleRecord("d", sha: nil))
        try store.replaceStories(
            on: day,
            with: [Story(id: StoryID("st-1"), headline: "H", entries: [DigestEntry(article: a, location: nil)], summary: [])])
        let counters = try store.counters(storiesOn: day)
        #expect(counters.files == 4 && counters.articles == 2 && counters.duplicates == 1 && counters.failed == 1)
        #expect(counters.stories == 1)
        #expect(try store.counters(storiesOn: next).stories == 0)
        #expect(
            try store.days() == [
                IndexRenderer.Day(day: day, articles: 1, stories: 1), IndexRenderer.Day(day: next, articles: 1, stories: 0),
            ])
    }

    @Test func countsAreBackfilledWhenADatabaseFromVersionFourIsMigrated() throws {
        let queue = try DatabaseQueue()
        try NewsStore.migrator.migrate(queue, upTo: "v4: what the clusterer compares, beside each article")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO article (sha256, fileName, title, digestDay, published, payload, createdAt)
                    VALUES ('h1', 'a.txt', 'T', '2025-03-14', '2025-03-14', x'7b7d', 0),
                           ('h2', 'b.txt', 'T', '2025-03-14', '2025-03-14', x'7b7d', 0);
                    INSERT INTO file (claimName, fileName, relativePath, size, status, arrivedAt, finishedAt)
                    VALUES ('a', 'a.txt', 'a.txt', 1, 'processed', 0, 0), ('b', 'b.txt', 'b.txt', 1, 'processed', 0, 0),
                           ('c', 'c.txt', 'c.txt', 1, 'duplicate', 0, 0), ('d', 'd.txt', 'd.txt', 1, 'failed', 0, 0);
                    INSERT INTO story (storyKey, day, headline) VALUES ('st-1', '2025-03-14', 'H');
                    """)
        }
        let store = try NewsStore(writer: queue)
        let counters = try store.counters(storiesOn: day)
        #expect(counters.files == 4 && counters.articles == 2 && counters.duplicates == 1 && counters.failed == 1)
        #expect(counters.stories == 1)
        #expect(try store.days() == [IndexRenderer.Day(day: day, articles: 2, stories: 1)])
    }

    @Test func keptStoriesReplaceThoseBeforeAndAreReadOnlyByTheBuildThatKeptThem() throws {
        let store = try makeStore()
        let stories = [
            KeptStory(day: day, summaryLength: 3, bytes: [0, 1, 2]),
            KeptStory(day: next, summaryLength: 4, bytes: []),
            KeptStory(day: day, summaryLength: 3, bytes: [9]),
        ]
        try store.keepStories(stories, builder: "build-a")
        #expect(try store.keptStories(on: [day, next], builder: "build-a") == stories)
        #expect(try store.keptStories(on: [next], builder: "build-a") == [stories[1]])
        #expect(try store.keptStories(on: [day], builder: "build-b").isEmpty)
        #expect(try store.keptStories(on: [], builder: "build-a").isEmpty)
        // What a run keeps replaces what the one before kept.
        try store.keepStories([stories[1]], builder: "build-b")
        #expect(try store.keptStories(on: [day, next], builder: "build-a").isEmpty)
        #expect(try store.keptStories(on: [day, next], builder: "build-b") == [stories[1]])
    }

    @Test func statusReadsADatabaseTheDaemonHasNotMigratedYet() throws {
        let path = FileManager.default.temporaryDirectory.path + "/newsdigest-v4-\(UInt64.random(in: 0...UInt64.max)).sqlite"
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let pool = try DatabasePool(path: path)
            try NewsStore.migrator.migrate(pool, upTo: "v4: what the clusterer compares, beside each article")
            try pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO file (claimName, fileName, relativePath, size, status, arrivedAt, finishedAt)
                        VALUES ('a', 'a.txt', 'a.txt', 1, 'processed', 0, 0), ('d', 'd.txt', 'd.txt', 1, 'failed', 0, 0);
                        INSERT INTO article (sha256, fileName, title, digestDay, published, payload, createdAt)
                        VALUES ('h1', 'a.txt', 'T', '2025-03-14', '2025-03-14', x'7b7d', 0);
                        """)
            }
        }
        let store = try #require(try NewsStore.openForReading(path: path))
        let counters = try store.counters()
        #expect(counters.files == 2 && counters.articles == 1 && counters.failed == 1 && counters.stories == 0)
    }
}
