import Foundation
import GRDB
import NewsCore

/// How a file's processing ended.
package enum FileStatus: String, Sendable, Codable {
    /// Extracted into a new article.
    case processed
    /// Identical to an article already recorded; not processed again.
    case duplicate
    /// Could not be processed; moved to the failed folder with a reason.
    case failed
}

/// A ledger row: one file the daemon took in.
package struct FileRecord: Sendable, Equatable {
    package var id: Int64?
    package var claimName: String
    package var fileName: String
    package var relativePath: String
    package var folderLabel: String?
    package var size: Int64
    /// The file's mtime when claimed; with the keep-in-place policy it tells an untouched kept file from a new one.
    package var modifiedAtNs: Int64?
    package var sha256: String?
    package var status: FileStatus
    package var error: String?
    /// Where the file was put (archive, failed folder, left in place), or nil when deleted.
    package var location: String?
    package var articleID: Int64?
    package var arrivedAt: Double
    package var finishedAt: Double

    package init(
        claimName: String, fileName: String, relativePath: String, folderLabel: String?, size: Int64,
        sha256: String?, status: FileStatus, error: String? = nil, location: String?, arrivedAt: Double,
        finishedAt: Double
    ) {
        self.claimName = claimName
        self.fileName = fileName
        self.relativePath = relativePath
        self.folderLabel = folderLabel
        self.size = size
        self.sha256 = sha256
        self.status = status
        self.error = error
        self.location = location
        self.arrivedAt = arrivedAt
        self.finishedAt = finishedAt
    }
}

extension FileRecord: FetchableRecord, MutablePersistableRecord {
    package static let databaseTableName = "file"

    package init(row: Row) throws {
        id = row["id"]
        claimName = row["claimName"]
        fileName = row["fileName"]
        relativePath = row["relativePath"]
        folderLabel = row["folderLabel"]
        size = row["size"]
        modifiedAtNs = row["modifiedAtNs"]
        sha256 = row["sha256"]
        status = FileStatus(rawValue: row["status"]) ?? .failed
        error = row["error"]
        location = row["location"]
        articleID = row["articleId"]
        arrivedAt = row["arrivedAt"]
        finishedAt = row["finishedAt"]
    }

    package func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["claimName"] = claimName
        container["fileName"] = fileName
        container["relativePath"] = relativePath
        container["folderLabel"] = folderLabel
        container["size"] = size
        container["modifiedAtNs"] = modifiedAtNs
        container["sha256"] = sha256
        container["status"] = status.rawValue
        container["error"] = error
        container["location"] = location
        container["articleId"] = articleID
        container["arrivedAt"] = arrivedAt
        container["finishedAt"] = finishedAt
    }

    package mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// What recording a processed file did.
package enum RecordOutcome: Sendable, Equatable {
    /// A new article, listed in the digest of this day.
    case newArticle(day: CivilDate)
    /// The content was already recorded as an article (in the digest of `day`); the file is a copy.
    case duplicate(ofFile: String, day: CivilDate)
}

extension NewsStore {
    /// The ledger entry of a claim, if it was recorded (used to finish what a crash interrupted).
    package func fileRecord(claimName: String) throws -> FileRecord? {
        try writer.read { db in try FileRecord.filter(Column("claimName") == claimName).fetchOne(db) }
    }

    /// True when an article with this content hash exists, so the file need not be extracted again.
    package func hasArticle(sha256: String) throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS(SELECT 1 FROM article WHERE sha256 = ?)", arguments: [sha256])
                ?? false
        }
    }

    /// Records a file that was read successfully, with its article unless an identical one exists. One transaction.
    ///
    /// - Parameters:
    ///   - file: the ledger row; its `status`, `articleID` and `sha256` are set here.
    ///   - article: the extracted article, or nil when the caller already knew the content to be a duplicate.
    ///   - features: the article's `ClusterFeatures.encoded()`, kept beside it for clustering.
    package func recordProcessed(_ file: FileRecord, article: Article?, features: [UInt8]? = nil) throws
        -> RecordOutcome
    {
        try writer.write { db in
            var file = file
            if let existing = try Row.fetchOne(
                db, sql: "SELECT id, fileName, digestDay FROM article WHERE sha256 = ?", arguments: [file.sha256])
            {
                file.status = .duplicate
                file.articleID = existing["id"]
                try file.insert(db)
                try Self.addToTally(FileStatus.duplicate.rawValue, db)
                let day = CivilDate(iso: existing["digestDay"] as String) ?? CivilDate(secondsSinceEpoch: 0)
                try Self.markPending(day, db)
                return .duplicate(ofFile: existing["fileName"], day: day)
            }
            guard let article else {
                throw DatabaseError(message: "no article given for new content \(file.sha256 ?? "?")")
            }
            let payload = Data(article.encoded())
            try db.execute(
                sql: """
                    INSERT INTO article (sha256, fileName, title, digestDay, published, outlet, location, payload,
                                         createdAt, features)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    article.contentHash, article.fileName, article.title, article.digestDay.description,
                    article.published.iso8601, article.outlet, file.location, payload, file.finishedAt,
                    features.map { Data($0) },
                ])
            file.status = .processed
            file.articleID = db.lastInsertedRowID
            try file.insert(db)
            try Self.addToTally(FileStatus.processed.rawValue, db)
            try Self.addToTally("articles", db)
            try db.execute(
                sql: """
                    INSERT INTO dayCount (day, articles) VALUES (?, 1)
                    ON CONFLICT (day) DO UPDATE SET articles = articles + 1
                    """, arguments: [article.digestDay.description])
            try Self.markPending(article.digestDay, db)
            return .newArticle(day: article.digestDay)
        }
    }

    /// Counts one more of `name` (a file status, or "articles") in the `tally` table.
    static func addToTally(_ name: String, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO tally (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1",
            arguments: [name])
    }

    static func markPending(_ day: CivilDate, _ db: Database) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO pendingDay (day) VALUES (?)", arguments: [day.description])
    }

    /// Days recorded but not yet rendered.
    package func pendingDays() throws -> [CivilDate] {
        try writer.read { db in
            try String.fetchAll(db, sql: "SELECT day FROM pendingDay ORDER BY day").compactMap { CivilDate(iso: $0) }
        }
    }

    /// Clears a day's mark once its digest is written.
    package func markRendered(_ day: CivilDate) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM pendingDay WHERE day = ?", arguments: [day.description])
        }
    }

    /// Records a file that could not be processed.
    package func recordFailed(_ file: FileRecord) throws {
        try writer.write { db in
            var file = file
            file.status = .failed
            try file.insert(db)
            try Self.addToTally(FileStatus.failed.rawValue, db)
        }
    }

    /// What the clusterer needs of every article from `first` through `last`, without decoding the articles.
    ///
    /// - Parameter features: computes an article's features where none are stored, or they were stored by another
    ///   version (`ClusterFeatures(encoded:)` is nil). Those are written back, so each is computed once.
    package func clusterItems(
        from first: CivilDate, through last: CivilDate, features compute: (Article) -> ClusterFeatures
    ) throws -> [ClusterItem] {
        var recomputed: [(id: Int64, bytes: [UInt8])] = []
        let items = try writer.read { db in
            let (copies, labels) = try Self.exactCopies(from: first, through: last, db)
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, sha256, fileName, title, outlet, location, features FROM article
                    WHERE digestDay BETWEEN ? AND ? ORDER BY id
                    """, arguments: [first.description, last.description])
            var items: [ClusterItem] = []
            while let row = try rows.next() {
                let id: Int64 = row["id"]
                var features = (row["features"] as Data?).flatMap { ClusterFeatures(encoded: $0) }
                if features == nil {
                    let payload = try Data.fetchOne(db, sql: "SELECT payload FROM article WHERE id = ?", arguments: [id])
                    let computed = compute(try Self.article(payload: payload ?? Data()))
                    recomputed.append((id, computed.encoded()))
                    features = computed
                }
                var item = ClusterItem(
                    contentHash: row["sha256"], fileName: row["fileName"], title: row["title"], outlet: row["outlet"],
                    location: row["location"], copies: copies[id] ?? [], features: features!, folderLabel: labels[id])
                item.showFirstNamedFileAsOriginal()
                items.append(item)
            }
            return items
        }
        if !recomputed.isEmpty {
            // Only saves work later: a failure here leaves them to be computed again.
            try? writer.write { db in
                for (id, bytes) in recomputed {
                    try db.execute(sql: "UPDATE article SET features = ? WHERE id = ?", arguments: [Data(bytes), id])
                }
            }
        }
        return items
    }

    /// The whole articles with these content hashes, in the order given.
    package func articles(contentHashes: [String]) throws -> [Article] {
        try writer.read { db in
            var payloads: [String: Data] = [:]
            // SQLite allows 32,766 parameters; a story has far fewer members, but a batch keeps it safe for any.
            for start in stride(from: 0, to: contentHashes.count, by: 500) {
                let batch = Array(contentHashes[start..<min(start + 500, contentHashes.count)])
                let marks = Array(repeating: "?", count: batch.count).joined(separator: ",")
                for row in try Row.fetchAll(
                    db, sql: "SELECT sha256, payload FROM article WHERE sha256 IN (\(marks))",
                    arguments: StatementArguments(batch))
                {
                    payloads[row["sha256"]] = row["payload"]
                }
            }
            return try contentHashes.map { hash in
                guard let payload = payloads[hash] else {
                    throw DatabaseError(message: "article \(hash) is not in the store")
                }
                return try Self.article(payload: payload)
            }
        }
    }

    /// The exact copies recorded for the articles of these days, by article row id, in name order; and the folder
    /// labels of those articles' own files, which go with them when a copy is shown as the original instead
    /// (`ClusterItem.showFirstNamedFileAsOriginal`).
    static func exactCopies(from first: CivilDate, through last: CivilDate, _ db: Database) throws
        -> (copies: [Int64: [ArticleCopy]], labels: [Int64: String])
    {
        var copies: [Int64: [ArticleCopy]] = [:]
        let copyRows = try Row.fetchAll(
            db,
            sql: """
                SELECT f.articleId, f.fileName, f.location, f.folderLabel FROM file f
                JOIN article a ON a.id = f.articleId
                WHERE a.digestDay BETWEEN ? AND ? AND f.status = 'duplicate' ORDER BY f.fileName, f.id
                """, arguments: [first.description, last.description])
        for row in copyRows {
            let articleID: Int64 = row["articleId"]
            copies[articleID, default: []].append(
                ArticleCopy(fileName: row["fileName"], location: row["location"], outlet: row["folderLabel"]))
        }
        var labels: [Int64: String] = [:]
        if !copies.isEmpty {
            let labelRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT f.articleId, f.folderLabel FROM file f
                    WHERE f.status = 'processed' AND f.folderLabel IS NOT NULL AND f.articleId IN (
                        SELECT d.articleId FROM file d JOIN article a ON a.id = d.articleId
                        WHERE a.digestDay BETWEEN ? AND ? AND d.status = 'duplicate')
                    """, arguments: [first.description, last.description])
            for row in labelRows { labels[row["articleId"]] = row["folderLabel"] }
        }
        return (copies, labels)
    }

    /// The days from `first` through `last` that have articles (through the `digestDay` index).
    package func articleDays(from first: CivilDate, through last: CivilDate) throws -> [CivilDate] {
        try writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT DISTINCT digestDay FROM article WHERE digestDay BETWEEN ? AND ? ORDER BY digestDay",
                arguments: [first.description, last.description]
            ).compactMap { CivilDate(iso: $0) }
        }
    }

    /// Every day with articles, with its counts, for the index.
    package func days() throws -> [IndexRenderer.Day] {
        try writer.read { db in
            try Row.fetchAll(
                db, sql: "SELECT day, articles, stories FROM dayCount WHERE articles > 0 ORDER BY day"
            ).compactMap { row in
                guard let day = CivilDate(iso: row["day"] as String) else { return nil }
                return IndexRenderer.Day(day: day, articles: row["articles"], stories: row["stories"])
            }
        }
    }

    /// Replaces the stories recorded for `day` with the clusterer's latest result. One transaction.
    ///
    /// - Returns: the ids of the stories the day had before that now exist on no day at all (a story that merged into
    ///   another or split), whose pages should go.
    @discardableResult
    package func replaceStories(on day: CivilDate, with stories: [Story]) throws -> [StoryID] {
        try writer.write { db in
            let before = try String.fetchAll(
                db, sql: "SELECT DISTINCT storyKey FROM story WHERE day = ?", arguments: [day.description])
            try db.execute(sql: "DELETE FROM story WHERE day = ?", arguments: [day.description])
            try Self.insert(stories, on: day, db)
            try Self.setStoryCount(stories.count, on: day, db)
            let kept = Set(stories.map(\.id.rawValue))
            return try Self.existingNowhere(before.filter { !kept.contains($0) }, db)
        }
    }

    /// Records the stories of `day` that changed since they were recorded, and forgets `removed`, leaving the day's
    /// other stories as they are: what a provisional render changed, at the cost of that rather than of the day.
    ///
    /// - Parameter storyCount: how many stories the day has now.
    /// - Returns: the ids of `removed` that now exist on no day at all, whose pages should go.
    @discardableResult
    package func updateStories(
        on day: CivilDate, changed: [Story], removed: Set<StoryID>, storyCount: Int
    ) throws -> [StoryID] {
        try writer.write { db in
            let delete = try db.cachedStatement(sql: "DELETE FROM story WHERE day = ? AND storyKey = ?")
            let forgotten = removed.subtracting(changed.map(\.id))
            for id in forgotten.union(changed.map(\.id)).sorted() {
                try delete.execute(arguments: [day.description, id.rawValue])
            }
            try Self.insert(changed, on: day, db)
            try Self.setStoryCount(storyCount, on: day, db)
            return try Self.existingNowhere(forgotten.map(\.rawValue).sorted(), db)
        }
    }

    static func insert(_ stories: [Story], on day: CivilDate, _ db: Database) throws {
        // Prepared once: a busy day records thousands of rows on every render, and compiling each statement again
        // cost more than running it.
        let insertStory = try db.cachedStatement(sql: "INSERT INTO story (storyKey, day, headline) VALUES (?, ?, ?)")
        let insertMember = try db.cachedStatement(
            sql: "INSERT INTO storyArticle (storyId, articleId) SELECT ?, id FROM article WHERE sha256 = ?")
        for story in stories {
            try insertStory.execute(arguments: [story.id.rawValue, day.description, story.headline])
            let storyRowID = db.lastInsertedRowID
            for entry in story.entries {
                try insertMember.execute(arguments: [storyRowID, entry.article.contentHash])
            }
        }
    }

    static func setStoryCount(_ count: Int, on day: CivilDate, _ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO dayCount (day, stories) VALUES (?, ?)
                ON CONFLICT (day) DO UPDATE SET stories = excluded.stories
                """, arguments: [day.description, count])
    }

    /// Those of `keys` no day has a story of.
    static func existingNowhere(_ keys: [String], _ db: Database) throws -> [StoryID] {
        try keys.filter { key in
            try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM story WHERE storyKey = ?)", arguments: [key])!
        }.map(StoryID.init)
    }

    /// Counters for `newsdigest status` and the systemd status line.
    package struct Counters: Sendable, Equatable {
        package var files = 0
        package var articles = 0
        package var duplicates = 0
        package var failed = 0
        package var stories = 0

        package init() {}
    }

    package func counters(storiesOn day: CivilDate? = nil) throws -> Counters {
        try writer.read { db in
            // `newsdigest status` opens the database read-only, so after an upgrade it can see a schema from before
            // the counts were kept (v5) until the daemon's next start migrates it: then the tables are counted.
            let kept = try db.tableExists("tally")
            let tally = kept
                ? "SELECT name, value FROM tally"
                : """
                    SELECT status AS name, COUNT(*) AS value FROM file GROUP BY status
                    UNION ALL SELECT 'articles', COUNT(*) FROM article
                    """
            var counters = Counters()
            for row in try Row.fetchAll(db, sql: tally) {
                let n: Int = row["value"]
                switch row["name"] as String {
                case "articles": counters.articles = n
                case FileStatus.duplicate.rawValue: counters.duplicates = n; counters.files += n
                case FileStatus.failed.rawValue: counters.failed = n; counters.files += n
                default: counters.files += n
                }
            }
            if let day {
                let stories = kept
                    ? "SELECT stories FROM dayCount WHERE day = ?" : "SELECT COUNT(*) FROM story WHERE day = ?"
                counters.stories = try Int.fetchOne(db, sql: stories, arguments: [day.description]) ?? 0
            } else {
                // Only `newsdigest status` asks for every day's; a story spanning days counts once.
                counters.stories = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT storyKey) FROM story") ?? 0
            }
            return counters
        }
    }

    /// Files kept in the inbox under the keep-in-place policy: their location and the mtime they were recorded with.
    package func keptFiles(under inbox: String) throws -> [String: Int64] {
        let prefix = inbox.hasSuffix("/") ? inbox : inbox + "/"
        return try writer.read { db in
            var kept: [String: Int64] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT location, modifiedAtNs FROM file
                    WHERE status != 'failed' AND substr(location, 1, ?) = ?
                    """, arguments: [prefix.unicodeScalars.count, prefix])
            for row in rows {
                kept[row["location"] as String] = row["modifiedAtNs"] ?? 0
            }
            return kept
        }
    }

    /// True when a file at `path` with this content was already taken in by `newsdigest ingest`.
    package func wasIngested(path: String, sha256: String) throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT EXISTS(SELECT 1 FROM file WHERE relativePath = ? AND sha256 = ?)",
                arguments: [path, sha256]) ?? false
        }
    }

    /// The article with this content hash.
    package func article(sha256: String) throws -> Article? {
        try writer.read { db in
            guard let data = try Data.fetchOne(db, sql: "SELECT payload FROM article WHERE sha256 = ?", arguments: [sha256])
            else { return nil }
            return try Self.article(payload: data)
        }
    }

    /// An article from its stored payload: the byte form (`Article.encoded()`), or JSON for rows written before it.
    static func article(payload: Data) throws -> Article {
        if Article.isByteForm(payload) { return try Article(encoded: [UInt8](payload)) }
        return try JSONDecoder().decode(Article.self, from: payload)
    }

    /// The most recent ledger entries, newest first.
    package func recentFiles(limit: Int) throws -> [FileRecord] {
        try writer.read { db in
            try FileRecord.order(Column("id").desc).limit(limit).fetchAll(db)
        }
    }
}

/// A built story kept for the next run: the day it shows, the summary length it was built for, and
/// `Story.encoded()`.
package struct KeptStory: Sendable, Equatable {
    package var day: CivilDate
    package var summaryLength: Int
    package var bytes: [UInt8]

    package init(day: CivilDate, summaryLength: Int, bytes: [UInt8]) {
        self.day = day
        self.summaryLength = summaryLength
        self.bytes = bytes
    }
}

extension NewsStore {
    /// Replaces the kept stories with `stories`, built by `builder`. One transaction.
    package func keepStories(_ stories: some Sequence<KeptStory>, builder: String) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM keptStory")
            let insert = try db.cachedStatement(
                sql: "INSERT INTO keptStory (day, summaryLength, builder, bytes) VALUES (?, ?, ?, ?)")
            for story in stories {
                try insert.execute(
                    arguments: [story.day.description, story.summaryLength, builder, Data(story.bytes)])
            }
        }
    }

    /// The kept stories of `days` that `builder` built.
    package func keptStories(on days: [CivilDate], builder: String) throws -> [KeptStory] {
        guard !days.isEmpty else { return [] }
        return try writer.read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: "SELECT day, summaryLength, bytes FROM keptStory WHERE builder = ? AND day IN ("
                    + Array(repeating: "?", count: days.count).joined(separator: ", ") + ") ORDER BY rowid",
                arguments: StatementArguments([builder] + days.map(\.description)))
            var kept: [KeptStory] = []
            while let row = try rows.next() {
                guard let day = CivilDate(iso: row["day"] as String) else { continue }
                let bytes: Data = row["bytes"]
                kept.append(KeptStory(day: day, summaryLength: row["summaryLength"], bytes: [UInt8](bytes)))
            }
            return kept
        }
    }
}
