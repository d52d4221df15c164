@preconcurrency import Dispatch
import Foundation
import Logging
import NewsCore
import NewsLinux
import NewsStore
import Synchronization
import SystemPackage

extension Pipeline {
    // MARK: - Recording results (applyQueue)

    /// Records one result, retrying every 5 s while the state database cannot be written (its disk is full), and
    /// calls `done` once it is recorded. The file counts as in flight until then, so a full disk stops new claims
    /// at `intake.max_in_flight` and the rest wait in the inbox. If the daemon stops first, the file stays in the
    /// processing area for the next start.
    func applyUntilRecorded(_ claimed: ClaimedFile, _ result: WorkResult, done: @escaping @Sendable () -> Void) {
        if apply(claimed, result) || intakeQueue.sync(execute: { stopping }) {
            done()
            return
        }
        applyQueue.asyncAfter(deadline: .now() + 5) { [self] in applyUntilRecorded(claimed, result, done: done) }
    }

    /// Records one result in the ledger, then moves the original where the policy says. The ledger is written
    /// first: a crash between the two leaves a recorded file in the processing area, which the next start moves on
    /// without processing it again. Returns false when the ledger could not be written.
    @discardableResult
    func apply(_ claimed: ClaimedFile, _ result: WorkResult) -> Bool {
        defer { beat() }
        let settings = self.settings
        let now = Date().timeIntervalSince1970
        var record = FileRecord(
            claimName: claimed.inPlace ? "ingest:\(claimed.claimedAt):\(claimed.currentPath)" : claimed.claim.encoded,
            fileName: claimed.claim.fileName,
            relativePath: claimed.inPlace
                ? claimed.currentPath.string : String(decoding: claimed.claim.relativePath, as: UTF8.self),
            folderLabel: claimed.claim.folderLabel, size: 0, sha256: nil, status: .processed, location: nil,
            arrivedAt: claimed.claimedAt, finishedAt: now)
        do {
            switch result {
            case .vanished, .alreadyIngested:
                return true
            case .article(let article, let features, let size, let modified):
                record.size = size
                record.sha256 = article.contentHash
                record.modifiedAtNs = modified
                record.location = successLocation(for: claimed, settings: settings)
                let outcome = try store.recordProcessed(record, article: article, features: features)
                noteRecorded(outcome, record: record, title: article.title)
                finishDisposition(of: claimed.currentPath, record: record, settings: settings)
            case .knownContent(let sha, let size, let modified):
                record.size = size
                record.sha256 = sha
                record.modifiedAtNs = modified
                record.location = successLocation(for: claimed, settings: settings)
                let outcome = try store.recordProcessed(record, article: nil)
                noteRecorded(outcome, record: record, title: nil)
                finishDisposition(of: claimed.currentPath, record: record, settings: settings)
            case .failed(let reason, let size, let sha):
                record.size = size
                record.sha256 = sha
                record.status = .failed
                record.error = reason
                record.location = claimed.inPlace ? claimed.currentPath.string : failedLocation(for: claimed, settings)
                try store.recordFailed(record)
                if !claimed.inPlace { finishDisposition(of: claimed.currentPath, record: record, settings: settings) }
                failedSinceStart += 1
                logger.warning(
                    "cannot process \(record.relativePath): \(reason), skipping",
                    metadata: [
                        "file": "\(record.relativePath)", "reason": "\(reason)",
                        "message.id": "\(MessageID.fileFailed)", "location": "\(record.location ?? "")",
                    ])
            }
            appliedSinceStart += 1
            onRecorded?(record)
        } catch {
            // The file stays in the processing area; it is retried in 5 s, and by the next start if we stop first.
            complainAboutState(record.relativePath, error: error)
            return false
        }
        if let seconds = stateFailures.ended() {
            logger.notice("the state database is written again after \(seconds) s of failures")
        }
        if rendersAsItApplies { scheduleRender() }
        updateStatusIfDue()
        return true
    }

    /// Logs that a file cannot be recorded: at once, then once a minute while it lasts.
    func complainAboutState(_ file: String, error: any Error) {
        let metadata: Logger.Metadata = ["file": "\(file)", "error": "\(error)", "state": "\(settings.stateDirectory)"]
        if stateFailures.occurred().log {
            let text = "cannot record \(file) in the state database: \(error); the file waits in the processing area, "
                + "new files wait in the inbox, and recording is retried every 5 s"
            logger.error("\(text)", metadata: metadata)
        } else {
            logger.debug("cannot record \(file) in the state database; retrying in 5 s", metadata: metadata)
        }
    }

    /// Records that the apply queue made progress.
    func beat() { applyBeat.withLock { $0 = SystemdNotifier.monotonicMicroseconds() } }

    func noteRecorded(_ outcome: RecordOutcome, record: FileRecord, title: String?) {
        switch outcome {
        case .newArticle(let day):
            dirtyDays.insert(day)
            logger.info(
                "ingested \(record.relativePath)",
                metadata: [
                    "file": "\(record.relativePath)", "day": "\(day)", "title": "\(title ?? "")",
                    "sha256": "\(record.sha256 ?? "")", "message.id": "\(MessageID.fileIngested)",
                ])
        case .duplicate(let original, let day):
            dirtyDays.insert(day)
            logger.info(
                "\(record.relativePath) is an exact copy of \(original); recorded, not processed again",
                metadata: [
                    "file": "\(record.relativePath)", "duplicate_of": "\(original)",
                    "message.id": "\(MessageID.fileDuplicate)",
                ])
        }
        // Before the file goes back into the inbox, so the event its return causes finds it already known.
        if settings.archivePolicy == .keep, let location = record.location, let mtime = record.modifiedAtNs {
            keptFiles.withLock { $0[location] = mtime }
        }
    }

    /// Where a processed original goes: the archive folder of today, back to where it was dropped, or nowhere.
    func successLocation(for claimed: ClaimedFile, settings: Settings) -> String? {
        if claimed.inPlace { return claimed.currentPath.string }
        switch settings.archivePolicy {
        case .delete: return nil
        case .keep: return claimed.originalPath.string
        case .move:
            let today = day(ofEpochSeconds: Date().timeIntervalSince1970, settings: settings)
            let folder = FilePath(settings.archivePath).appending(today.description)
            return uniquePath(in: folder, name: claimed.claim.fileName, token: claimed.claim.token).string
        }
    }

    func failedLocation(for claimed: ClaimedFile, _ settings: Settings) -> String {
        uniquePath(in: FilePath(settings.failedPath), name: claimed.claim.fileName, token: claimed.claim.token).string
    }

    /// `folder/name`, or `folder/stem.token.ext` when a file of that name is already there. Only the apply queue
    /// writes these folders, so checking then renaming cannot race another writer of ours.
    func uniquePath(in folder: FilePath, name: String, token: String) -> FilePath {
        let safeName = name.isEmpty || name == "." || name == ".." ? "unnamed" : name.replacingOccurrences(of: "/", with: "_")
        let plain = folder.appending(safeName)
        if (try? FileSystem.status(plain)) == nil, (try? FileSystem.status(FilePath(plain.string + ".error"))) == nil {
            return plain
        }
        let ext = Extractor.fileExtension(of: safeName)
        let stem = ext.isEmpty ? safeName : String(safeName.dropLast(ext.count + 1))
        return folder.appending(ext.isEmpty ? "\(stem).\(token)" : "\(stem).\(token).\(ext)")
    }

    /// Moves a recorded file from the processing area to the location its ledger entry names (or deletes it), and
    /// writes the reason beside a failed file. Safe to repeat: recovery calls it for files a crash left behind.
    func finishDisposition(of current: FilePath, record: FileRecord, settings: Settings) {
        do {
            guard let location = record.location.map({ FilePath($0) }) else {
                try FileSystem.remove(current)
                return
            }
            var folder = location
            folder.removeLastComponent()
            try FileSystem.createDirectories(folder)
            if record.status == .failed {
                let reason = "newsdigest could not process '\(record.relativePath)' "
                    + "(claimed \(Date(timeIntervalSince1970: record.arrivedAt))):\n\(record.error ?? "unknown error")\n"
                try AtomicFileWriter.write(reason, to: FilePath(location.string + ".error"))
            }
            if current != location { _ = try FileSystem.rename(current, to: location) }
        } catch {
            logger.error(
                "cannot move \(record.relativePath) out of the processing area; it is recorded and will be moved at the next start",
                metadata: ["file": "\(record.relativePath)", "error": "\(error)"])
        }
    }

    // MARK: - Rendering (applyQueue)

    func scheduleRender() {
        guard !dirtyDays.isEmpty, !renderScheduled else { return }
        renderScheduled = true
        // Rendering re-clusters whole days; waiting twice as long as the last render took keeps it under a third of
        // the apply queue's time during a burst, while a lone file still reaches its digest within tens of ms.
        let delay = min(10.0, max(0.04, 2 * lastRenderSeconds))
        applyQueue.asyncAfter(deadline: .now() + delay) { [self] in
            renderScheduled = false
            renderDirtyDays()
        }
    }

    /// Re-clusters and rewrites each changed day's digest, clusters file and the index.
    func renderDirtyDays() {
        guard !dirtyDays.isEmpty else { return }
        let began = Date()
        defer { lastRenderSeconds = Date().timeIntervalSince(began) }
        let settings = self.settings
        let clusterer = settings.clusterer
        // A new article can continue a story of the days around it, which changes what those days show.
        // Only the days with articles within a window of a changed day, from the day index; the full per-day counts
        // are read once, for the index, after the stories change.
        let sortedDirty = dirtyDays.sorted()
        let known = Set(
            (try? store.articleDays(
                from: sortedDirty.first!.adding(days: -clusterer.windowDays),
                through: sortedDirty.last!.adding(days: clusterer.windowDays))) ?? [])
        var expanded = dirtyDays
        for day in dirtyDays {
            for offset in -clusterer.windowDays...clusterer.windowDays where known.contains(day.adding(days: offset)) {
                expanded.insert(day.adding(days: offset))
            }
        }
        let days = expanded.sorted()
        dirtyDays.removeAll()
        var failedDays: [CivilDate] = []
        let digestDirectory = settings.output + "/digests"
        var readSeconds = 0.0
        var clusterSeconds = 0.0
        var windowArticles = 0
        var filesWritten = 0
        var filesUnchanged = 0
        renderCount += 1
        /// Writes `text` unless this process already wrote exactly that to `path`.
        func writeIfChanged(_ text: String, to path: String) throws {
            let bytes = Array(text.utf8)
            let digest = SHA256.hexDigest(of: bytes)
            if writtenDigests[path]?.digest == digest {
                writtenDigests[path]?.render = renderCount
                filesUnchanged += 1
                return
            }
            try AtomicFileWriter.write(bytes, to: FilePath(path))
            writtenDigests[path] = (digest, renderCount)
            filesWritten += 1
        }
        // Days a week at a time, each week clustered with its window: one clustering is shared by the digests of
        // the days it covers, and memory holds at most a week and its window, however many days changed.
        var chunks: [[CivilDate]] = []
        for day in days {
            if let first = chunks.last?.first, day.daysSinceEpoch - first.daysSinceEpoch < Self.daysPerClustering {
                chunks[chunks.count - 1].append(day)
            } else {
                chunks.append([day])
            }
        }
        for chunk in chunks {
            var groups: [StoryClusterer.Group] = []
            do {
                // It reads only what the clusterer compares; whole articles are read below for the stories being
                // written, one story at a time.
                let readBegan = Date()
                let items = try store.clusterItems(
                    from: chunk.first!.adding(days: -clusterer.windowDays),
                    through: chunk.last!.adding(days: clusterer.windowDays), features: clusterer.features(of:))
                let clusterBegan = Date()
                readSeconds += clusterBegan.timeIntervalSince(readBegan)
                windowArticles += items.count
                groups = clusterer.cluster(items, memo: clusteringMemo)
                clusterSeconds += Date().timeIntervalSince(clusterBegan)
            } catch {
                failedDays += chunk
                logger.error("cannot read the articles to render; retrying in 5 s", metadata: ["error": "\(error)"])
                continue
            }
            for day in chunk {
                let writtenBeforeDay = filesWritten
                defer { beat() }
                do {
                    // One day's digest at a time, so memory holds one day's stories, not every changed day's.
                    let digest = try clusterer.digest(for: day, groups: groups, memo: clusteringMemo) { members in
                        try store.articles(contentHashes: members.map(\.contentHash))
                    }
                    try writeIfChanged(
                        DigestRenderer(digestDirectory: digestDirectory).render(digest), to: "\(digestDirectory)/\(day).md")
                    // The clusters file lists every story with its members: when it is unchanged, so are the stories.
                    let clustersPath = "\(settings.output)/clusters/\(day).json"
                    let writtenBefore = filesWritten
                    try writeIfChanged(ClusterRenderer.render(digest), to: clustersPath)
                    let storyDirectory = settings.output + "/stories"
                    try FileSystem.createDirectories(FilePath(storyDirectory))
                    // A story's page is written from its latest day, so every render of it agrees.
                    for story in digest.stories where !story.otherDays.contains(where: { $0.day > day }) {
                        try writeIfChanged(
                            StoryPageRenderer(storyDirectory: storyDirectory).render(story, on: day),
                            to: "\(storyDirectory)/\(story.id).md")
                    }
                    if filesWritten > writtenBefore {
                        // A story that merged into another or split exists no more: its page goes, so the folder holds
                        // the same pages whatever order the files came in.
                        for gone in try store.replaceStories(on: day, with: digest.stories) {
                            let page = "\(storyDirectory)/\(gone).md"
                            try? FileSystem.remove(FilePath(page))
                            writtenDigests[page] = nil
                        }
                    }
                    try store.markRendered(day)
                    // A render that changed nothing of the day (a retry, a neighbour's render) is not news in the journal.
                    guard filesWritten > writtenBeforeDay else { continue }
                    logger.info(
                        "digest written for \(day)",
                        metadata: [
                            "day": "\(day)", "stories": "\(digest.stories.count)", "articles": "\(digest.articleCount)",
                            "message.id": "\(MessageID.digestWritten)",
                        ])
                } catch {
                    failedDays.append(day)
                    complainAboutOutput("cannot write the digest for \(day)", error: error, day: day)
                }
            }
        }
        do {
            try writeIfChanged(IndexRenderer.render(try store.days()), to: settings.output + "/index.md")
        } catch {
            // Keeps a day pending, so the index is retried with it even when every digest was written.
            failedDays.append(contentsOf: failedDays.isEmpty ? days.suffix(1) : [])
            complainAboutOutput("cannot write the index", error: error, day: nil)
        }
        forgetOldWrites()
        // A render frees the window it clustered; without this the resident size stays at the largest render's peak.
        // The resident size before and after is read only for the debug line: two reads of /proc every render.
        let debugging = logger.logLevel <= .debug
        let residentBeforeRelease = debugging ? Memory.residentBytes() : 0
        Memory.releaseFreedMemory()
        if debugging {
            logger.debug(
                "rendered",
                metadata: [
                    "days": "\(days.count)", "window_articles": "\(windowArticles)",
                    "read_ms": "\(Int(readSeconds * 1000))", "cluster_ms": "\(Int(clusterSeconds * 1000))",
                    "total_ms": "\(Int(Date().timeIntervalSince(began) * 1000))",
                    "files_written": "\(filesWritten)", "files_unchanged": "\(filesUnchanged)",
                    "memo_stories": "\(clusteringMemo.storyCount)",
                    "rss_mib": "\(residentBeforeRelease >> 20) → \(Memory.residentBytes() >> 20)",
                ])
        }
        if failedDays.isEmpty, let seconds = outputFailures.ended() {
            logger.notice("the outputs are written again after \(seconds) s of failures; every digest is current")
        }
        if !failedDays.isEmpty {
            let retry = failedDays
            applyQueue.asyncAfter(deadline: .now() + 5) { [self] in
                dirtyDays.formUnion(retry)
                renderDirtyDays()
            }
        }
        updateStatusIfDue(force: true)
    }

    /// The span of days one clustering covers in a render (see `renderDirtyDays`).
    static let daysPerClustering = 7

    /// Keeps `writtenDigests` to the files of the last two renders once it is large. A story page not rendered for a
    /// while costs one rewrite when it next is; remembering every page ever written would grow with the history.
    func forgetOldWrites(limit: Int = 4096) {
        guard writtenDigests.count > limit else { return }
        writtenDigests = writtenDigests.filter { $0.value.render >= renderCount - 1 }
    }

    /// Logs a failure to write the outputs: at once the first time, then once a minute while it lasts, so a full
    /// disk does not flood the journal with a line every retry. The days stay pending and are retried every 5 s.
    func complainAboutOutput(_ what: String, error: any Error, day: CivilDate?) {
        var metadata: Logger.Metadata = ["error": "\(error)", "output": "\(settings.output)"]
        if let day { metadata["day"] = "\(day)" }
        let failure = outputFailures.occurred()
        if failure.log {
            let lasting = failure.seconds < 1 ? "" : " (failing for \(failure.seconds) s)"
            logger.error("\(what): \(error)\(lasting); the files are recorded, and the digests are retried every 5 s",
                         metadata: metadata)
        } else {
            logger.debug("\(what): \(error); retrying in 5 s", metadata: metadata)
        }
    }

    // MARK: - Status

    /// The one line systemd shows: `watching /srv/news/inbox: 3 queued, 1554 articles, 212 stories today`.
    func statusLine() -> String {
        let settings = self.settings
        let today = day(ofEpochSeconds: Date().timeIntervalSince1970, settings: settings)
        let counters = (try? store.counters(storiesOn: today)) ?? NewsStore.Counters()
        let queued = intakeQueue.sync { ready.count + inFlight }
        return "\(polling ? "polling" : "watching") \(settings.inbox): \(queued) queued, "
            + "\(counters.articles) articles, \(counters.stories) stories today"
    }

    func updateStatusIfDue(force: Bool = false) {
        let now = Date().timeIntervalSince1970
        guard force || now - lastStatusUpdate >= 1 else { return }
        lastStatusUpdate = now
        var line = statusLine()
        if outputFailures.isFailing { line += "; cannot write the digests, retrying (see the log)" }
        notifier.status(line)
        writeStatusFile(line)
    }

    func writeStatusFile(_ line: String) {
        let settings = self.settings
        let (queued, inFlight, waiting, mode) = intakeQueue.sync {
            (ready.count, self.inFlight, tracker.waitingCount, polling ? "poll" : "inotify")
        }
        let status = JSONValue.object([
            ("pid", .int(Int(getpid()))),
            ("status", .string(line)),
            ("inbox", .string(settings.inbox)),
            ("output", .string(settings.output)),
            ("mode", .string(mode)),
            ("started", .string(ISO8601DateFormatter().string(from: startedAt))),
            ("updated", .string(ISO8601DateFormatter().string(from: Date()))),
            ("queued", .int(queued)),
            ("in_flight", .int(inFlight)),
            ("settling", .int(waiting)),
            ("processed_since_start", .int(appliedSinceStart)),
            ("failed_since_start", .int(failedSinceStart)),
        ])
        try? AtomicFileWriter.write(status.pretty + "\n", to: FilePath(settings.stateDirectory + "/status.json"))
    }
}
