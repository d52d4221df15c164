import Foundation
import Logging
import NewsCore
import Yams

/// Every setting of the daemon, with its built-in default. `etc/newsdigest/newsdigest.yaml` documents each key.
package struct Settings: Sendable, Equatable {
    /// What happens to an original once its article is recorded.
    package enum ArchivePolicy: String, Sendable, CaseIterable {
        /// Move it to `archive/YYYY-MM-DD/`.
        case move
        /// Leave it where it was dropped.
        case keep
        /// Delete it.
        case delete
    }

    /// How the inbox is watched.
    package enum WatchMode: String, Sendable, CaseIterable {
        /// inotify, or polling when the inbox is on a network or FUSE filesystem.
        case auto
        case inotify
        case poll
    }

    package var inbox = "./var/inbox"
    package var output = "./var/output"
    package var stateDirectory = "./var/state"
    /// Defaults to `processing/` beside the inbox; it must be on the inbox's filesystem.
    package var processing: String?
    /// Defaults to `archive/` beside the inbox.
    package var archive: String?
    /// Defaults to `failed/` beside the inbox.
    package var failed: String?

    package var settleSeconds = 3.0
    package var maxFileSize: Int64 = 10 * 1024 * 1024
    package var ignorePatterns: [String] = []
    package var archivePolicy = ArchivePolicy.move
    package var rescanIntervalSeconds = 300.0
    package var watchMode = WatchMode.auto
    package var pollIntervalSeconds = 5.0
    package var maxInFlight = 64

    package var timeZone = "UTC"
    package var summarySentences = 3
    package var storyThreshold = 0.04

    package var logLevel = Logger.Level.info

    package init() {}

    /// The clusterer these settings describe; extraction and rendering use the same one, so features computed when a
    /// file is read match those a render would compute.
    package var clusterer: StoryClusterer {
        StoryClusterer(threshold: storyThreshold, summaryLength: summarySentences)
    }

    /// The folders derived from the inbox when not set.
    package var processingPath: String { processing ?? Self.sibling(of: inbox, named: "processing") }
    package var archivePath: String { archive ?? Self.sibling(of: inbox, named: "archive") }
    package var failedPath: String { failed ?? Self.sibling(of: inbox, named: "failed") }

    static func sibling(of path: String, named name: String) -> String {
        URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// The configured time zone; `local` means the system's.
    package var resolvedTimeZone: TimeZone {
        timeZone == "local" ? TimeZone.current : TimeZone(identifier: timeZone) ?? TimeZone(identifier: "UTC")!
    }

    /// Makes every path absolute against `directory`, so later `chdir`s or links do not change their meaning.
    package mutating func makePathsAbsolute(relativeTo directory: String) {
        func absolute(_ path: String) -> String {
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: directory).appendingPathComponent(path)
            return url.standardizedFileURL.path
        }
        inbox = absolute(inbox)
        output = absolute(output)
        stateDirectory = absolute(stateDirectory)
        processing = processing.map(absolute)
        archive = archive.map(absolute)
        failed = failed.map(absolute)
    }
}
