import Foundation
import GRDB
import NewsCore

/// The daemon's memory: a ledger of every file seen, the articles extracted from them, and the stories they form.
///
/// Each write is one transaction, so after a crash every file is either fully recorded or not at all.
package struct NewsStore: Sendable {
    package let writer: any DatabaseWriter

    /// Opens (creating if needed) the database at `path` in WAL mode and migrates it.
    package init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let pool = try DatabasePool(path: path, configuration: configuration)
        try self.init(writer: pool)
    }

    /// Wraps an existing database (tests use an in-memory `DatabaseQueue`) and migrates it.
    package init(writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// Opens the database read-only for `newsdigest status`; nil when it does not exist yet.
    package static func openForReading(path: String) throws -> NewsStore? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        let pool = try DatabasePool(path: path, configuration: configuration)
        return NewsStore(readOnly: pool)
    }

    private init(readOnly: any DatabaseWriter) { self.writer = readOnly }

    /// The schema's history; append-only once released.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: ledger, articles, stories") { db in
            try db.create(table: "article") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("sha256", .text).notNull().unique()
                t.column("fileName", .text).notNull()
                t.column("title", .text).notNull()
                t.column("digestDay", .text).notNull().indexed()
                t.column("published", .text).notNull()
                t.column("outlet", .text)
                t.column("location", .text)
                t.column("payload", .blob).notNull()
                t.column("createdAt", .double).notNull()
            }
            try db.create(table: "file") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("claimName", .text).notNull().unique()
                t.column("fileName", .text).notNull()
                t.column("relativePath", .text).notNull()
                t.column("folderLabel", .text)
                t.column("size", .integer).notNull()
                t.column("modifiedAtNs", .integer)
                t.column("sha256", .text).indexed()
                t.column("status", .text).notNull()
                t.column("error", .text)
                t.column("location", .text)
                t.column("articleId", .integer).references("article", onDelete: .setNull).indexed()
                t.column("arrivedAt", .double).notNull()
                t.column("finishedAt", .double).notNull()
            }
            try db.create(table: "story") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("storyKey", .text).notNull()
                t.column("day", .text).notNull()
                t.column("headline", .text).notNull()
                t.uniqueKey(["storyKey", "day"])
            }
            try db.create(table: "storyArticle") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("storyId", .integer).notNull().references("story", onDelete: .cascade).indexed()
                t.column("articleId", .integer).notNull().references("article", onDelete: .cascade).indexed()
            }
        }
        migrator.registerMigration("v2: days waiting to be rendered") { db in
            // Written in the same transaction as each file, so a crash between recording and rendering leaves the
            // day marked, and the next start renders it.
            try db.create(table: "pendingDay") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("day", .text).notNull().unique()
            }
        }
        migrator.registerMigration("v3: stories found by id") { db in
            // Whether a story still exists on any day is asked after every replacement (stale story pages).
            try db.create(index: "story_on_storyKey", on: "story", columns: ["storyKey"])
        }
        migrator.registerMigration("v4: what the clusterer compares, beside each article") { db in
            // `ClusterFeatures.encoded()`: a render reads these for its window instead of decoding whole articles.
            // Rows from before this version have none; they are computed from the payload when first read.
            try db.alter(table: "article") { t in t.add(column: "features", .blob) }
        }
        migrator.registerMigration("v5: counts kept as they change") { db in
            // The index, the status line and `status` need counts after every render; counting the tables each time
            // costs time in proportion to the whole history, so the counts are kept up to date in the same
            // transactions that change them. Backfilled here once from the tables.
            try db.create(table: "dayCount") { t in
                t.primaryKey("day", .text)
                t.column("articles", .integer).notNull().defaults(to: 0)
                t.column("stories", .integer).notNull().defaults(to: 0)
            }
            try db.execute(
                sql: "INSERT INTO dayCount (day, articles) SELECT digestDay, COUNT(*) FROM article GROUP BY digestDay")
            try db.execute(
                sql: """
                    INSERT INTO dayCount (day, stories) SELECT day, COUNT(*) FROM story WHERE true GROUP BY day
                    ON CONFLICT (day) DO UPDATE SET stories = excluded.stories
                    """)
            try db.create(table: "tally") { t in
                t.primaryKey("name", .text)
                t.column("value", .integer).notNull()
            }
            try db.execute(sql: "INSERT INTO tally (name, value) SELECT status, COUNT(*) FROM file GROUP BY status")
            try db.execute(sql: "INSERT INTO tally (name, value) SELECT 'articles', COUNT(*) FROM article")
            // Replacing a day's stories deletes them by day.
            try db.create(index: "story_on_day", on: "story", columns: ["day"])
        }
        migrator.registerMigration("v6: built stories kept across a restart") { db in
            // `Story.encoded()` of the stories the last run had built (`ClusteringMemo.keptStories`), replaced whole
            // when a run ends. `builder` names the executable that built them: another build may build differently.
            try db.create(table: "keptStory") { t in
                t.column("day", .text).notNull().indexed()
                t.column("summaryLength", .integer).notNull()
                t.column("builder", .text).notNull()
                t.column("bytes", .blob).notNull()
            }
        }
        return migrator
    }
}
