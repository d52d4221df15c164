import Foundation
import Logging
import NewsCore
import NewsLinux
import NewsStore
import Synchronization
import SystemPackage

/// `newsdigest ingest`: a one-shot backfill through the same pipeline, leaving the inputs where they are.
package enum Ingest {
    /// What a backfill did.
    package struct Summary: Sendable {
        package var files: Int
        package var failed: Int
    }

    /// Processes every file under `paths` once and returns when every digest is written.
    package static func run(paths: [String], settings: Settings, logger: Logger, showProgress: Bool) async throws
        -> Summary
    {
        try FileManager.default.createDirectory(atPath: settings.stateDirectory, withIntermediateDirectories: true)
        for folder in ["", "/digests", "/clusters"] {
            try FileManager.default.createDirectory(
                atPath: settings.output + folder, withIntermediateDirectories: true)
        }
        let store = try NewsStore(path: settings.stateDirectory + "/newsdigest.sqlite")
        let pipeline = Pipeline(settings: settings, store: store, logger: logger)
        let rules = IgnoreRules(patterns: settings.ignorePatterns)
        var files: [(path: FilePath, label: String?)] = []
        // Our own state and outputs are never inputs, even when they sit inside a folder being ingested.
        let own: Set<FilePath> = [FilePath(settings.stateDirectory), FilePath(settings.output)]
        for path in paths {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            guard let status = try FileSystem.status(FilePath(absolute)) else {
                throw LinuxError("'\(path)' does not exist", syscall: "lstat", errno: .noSuchFileOrDirectory)
            }
            if status.kind == .directory {
                collect(FilePath(absolute), label: nil, depth: 0, rules: rules, skipping: own, into: &files)
            } else {
                files.append((FilePath(absolute), nil))
            }
        }
        let total = files.count
        let progress = Progress(total: total, enabled: showProgress)
        let now = Date().timeIntervalSince1970
        let claims = files.map { file -> ClaimedFile in
            var bytes = Array((file.path.lastComponent?.string ?? "file").utf8)
            if let label = file.label { bytes = Array(label.utf8) + [UInt8(ascii: "/")] + bytes }
            return ClaimedFile(
                claim: ClaimName(token: "ingest", relativePath: bytes), currentPath: file.path,
                originalPath: file.path, claimedAt: now, inPlace: true)
        }
        let recorded = Mutex<[FileRecord]>([])
        await pipeline.runInPlace(claims, progress: progress) { record in recorded.withLock { $0.append(record) } }
        progress.finish()
        try writeArticleLines(recorded.withLock { $0 }, store: store, to: settings.output + "/articles.jsonl")
        let failed = (try? store.counters().failed) ?? 0
        return Summary(files: total, failed: failed)
    }

    /// `articles.jsonl`: one JSON line per file of this run, in the evaluation contract, in file-name order.
    static func writeArticleLines(_ records: [FileRecord], store: NewsStore, to path: String) throws {
        var lines: [String] = []
        for record in records.sorted(by: { ($0.fileName, $0.relativePath) < ($1.fileName, $1.relativePath) }) {
            if record.status != .failed, let sha = record.sha256, var article = try store.article(sha256: sha) {
                article.fileName = record.fileName
                lines.append(ArticleJSON.object(for: article).compact)
            } else {
                lines.append(
                    Analysis.failureLine(path: record.fileName, error: AnalysisError(message: record.error ?? "not processed")))
            }
        }
        try AtomicFileWriter.write(lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"), to: FilePath(path))
    }

    /// Regular files below `directory`; the first level of folders labels the outlet, as in the inbox.
    static func collect(
        _ directory: FilePath, label: String?, depth: Int, rules: IgnoreRules, skipping: Set<FilePath>,
        into files: inout [(path: FilePath, label: String?)]
    ) {
        guard !skipping.contains(directory), let entries = try? FileSystem.entries(of: directory) else { return }
        for entry in entries where !rules.ignores(entry.name.string) {
            let path = directory.appending(entry.name)
            if entry.isDirectory {
                collect(
                    path, label: label ?? entry.name.string, depth: depth + 1, rules: rules, skipping: skipping,
                    into: &files)
            } else {
                files.append((path, label))
            }
        }
    }

    /// A progress bar on standard error, drawn only on a terminal.
    final class Progress: @unchecked Sendable {
        // @unchecked: `done` and `lastDrawn` are guarded by `lock`.
        let total: Int
        let enabled: Bool
        private var done = 0
        private var lastDrawn = 0.0
        private let lock = NSLock()

        init(total: Int, enabled: Bool) {
            self.total = total
            self.enabled = enabled && StandardError.isTerminal
        }

        func advance() {
            guard enabled else { return }
            lock.lock()
            defer { lock.unlock() }
            done += 1
            let now = Date().timeIntervalSince1970
            if now - lastDrawn > 0.1 || done == total {
                lastDrawn = now
                draw()
            }
        }

        func finish() {
            guard enabled else { return }
            lock.lock()
            defer { lock.unlock() }
            draw()
            StandardError.write("\n")
        }

        private func draw() {
            let width = 30
            let filled = total == 0 ? width : width * done / total
            let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
            StandardError.write("\r[\(bar)] \(done)/\(total) files")
        }
    }
}

extension Pipeline {
    /// Feeds claims through extraction and recording without moving any file, then renders; returns when done.
    func runInPlace(
        _ claims: [ClaimedFile], progress: Ingest.Progress, recorded: @escaping @Sendable (FileRecord) -> Void
    ) async {
        applyQueue.sync {
            onRecorded = recorded
            rendersAsItApplies = false
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            intakeQueue.async { [self] in
                backlog.append(contentsOf: claims)
                inFlight += claims.count
                filesUnrecorded.add(claims.count, ordering: .relaxed)
                onApplied = { progress.advance() }
                startWork()
                whenDrained { continuation.resume() }
            }
        }
        applyQueue.sync {
            renderDirtyDays()
            keepBuiltStories()
        }
    }
}
