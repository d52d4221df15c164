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
        return migrator
    }
}
