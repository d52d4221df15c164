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
            filesUnrecorded.subtract(1, ordering: .relaxed)
            // After the count: the backlog may have ended with this file (`hasBacklog`).
            if rendersAsItApplies { scheduleRender() }
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
                noteRecorded(outcome, record: record, title: article.title, article: (article, features))
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

    /// Marks the outcome's day for rendering, and places a new article (or an exact copy) into the live clustering
    /// when it holds that day, so the next render can show it without clustering the window again.
    func noteRecorded(
        _ outcome: RecordOutcome, record: FileRecord, title: String?, article: (Article, features: [UInt8])? = nil
    ) {
        // While files wait to be claimed, exact renders take in everything recorded since the last one at a lower
        // cost per file than placing and provisional renders (see `exactRenderDue`); the live clustering is made again
        // by the exact render after the backlog.
        if liveClustering != nil && hasBacklog() { liveClustering = nil }
        switch outcome {
        case .newArticle(let day):
            noteChange(on: day)
            if let (article, features) = article, liveClustering?.days.contains(day) == true {
                let item = ClusterItem(
                    contentHash: article.contentHash, fileName: article.fileName, title: article.title,
                    outlet: article.outlet, location: record.location, copies: [],
                    features: ClusterFeatures(encoded: features) ?? settings.clusterer.features(of: article),
                    folderLabel: record.folderLabel)
                if let placement = liveClustering?.add(item) {
                    provisionalDays.insert(day)
                    provisionalStories.insert(placement.story)
                    if let replaced = placement.replaced {
                        provisionalGone.insert(replaced)
                        clusteringMemo.storyRenamed(from: replaced, to: placement.story)
                    }
                    placedArticles[article.contentHash] = article
                }
            }
            logger.info(
                "ingested \(record.relativePath)",
                metadata: [
                    "file": "\(record.relativePath)", "day": "\(day)", "title": "\(title ?? "")",
                    "sha256": "\(record.sha256 ?? "")", "message.id": "\(MessageID.fileIngested)",
                ])
        case .duplicate(let original, let day):
            noteChange(on: day)
            if liveClustering?.days.contains(day) == true, let content = record.sha256 {
                // As `NewsStore.clusterItems` lists an exact copy.
                let copy = ArticleCopy(fileName: record.fileName, location: record.location, outlet: record.folderLabel)
                if let story = liveClustering?.addCopy(copy, ofContent: content) {
                    provisionalDays.insert(day)
                    provisionalStories.insert(story)
                }
            }
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

    func noteChange(on day: CivilDate) {
        dirtyDays.insert(day)
        latestArrivalDay = day
        lastArrival = Self.monotonicSeconds()
        if exactPendingSince == nil { exactPendingSince = lastArrival }
    }

    static func monotonicSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

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

    /// How long the inbox must be quiet before the days changed since the last exact render are clustered exactly.
    static let quietSecondsBeforeExactRender = 1.0
    /// How long placements may stay provisional under a steady stream of files before an exact render anyway, when
    /// that render is expected to take no longer than `longestForcedExactRender`.
    static let maximumProvisionalSeconds = 60.0
    /// An exact render holds the apply queue, so every file recorded meanwhile waits for it: forced on a stream, it
    /// may cost the files no more than the latency they get anyway (docs/PERFORMANCE.md: p99 ≤ 200 ms).
    static let longestForcedExactRender = 0.2
    /// How stale the digests may grow while a backlog is worked through (a burst, an overflow rescan, a start with a
    /// full inbox): one exact render when it ends, and one whenever the oldest change has waited this long.
    static let backlogRenderInterval = 30.0

    /// Schedules the next render, if anything is waiting for one.
    ///
    /// Two kinds of render (see `LiveClustering`): a provisional one writes the digests of the days that new articles
    /// were placed into the live clustering, which costs what changed, so it runs soon after each arrival; an exact
    /// one clusters the changed days' windows from the store, which costs what the window holds, so it runs when the
    /// inbox is quiet, when a change falls outside the live clustering, or when placements have been provisional for
    /// `maximumProvisionalSeconds`.
    func scheduleRender() {
        guard !dirtyDays.isEmpty || !provisionalDays.isEmpty else { return }
        let now = Self.monotonicSeconds()
        let backlogged = hasBacklog()
        var at = exactRenderDue(now: now, backlogged: backlogged)
        if !provisionalDays.isEmpty && !backlogged {
            // A provisional render costs what arrived since the last, so waiting as long as the last one took after
            // it ended keeps rendering to about half of the apply queue's time and lets each render take in what
            // arrived meanwhile; a file after a quiet spell is rendered at once.
            at = min(at, max(now + 0.005, lastProvisionalRenderEnded + min(0.5, lastProvisionalRenderSeconds)))
        }
        // A timer already set for no later than this serves; one set later (an exact render waiting for quiet) is
        // overtaken by a new one, and the old one does nothing when it fires.
        if renderScheduled && renderDueAt <= at + 0.001 { return }
        renderScheduled = true
        renderDueAt = at
        renderTimer += 1
        let timer = renderTimer
        applyQueue.asyncAfter(deadline: .now() + max(0.001, at - now)) { [self] in
            guard timer == renderTimer else { return }
            renderScheduled = false
            renderDueAt = .infinity
            let now = Self.monotonicSeconds()
            if !dirtyDays.isEmpty, exactRenderDue(now: now, backlogged: hasBacklog()) <= now {
                renderDirtyDays()
            } else {
                renderProvisionalDays()
            }
            scheduleRender()
        }
    }

    /// When an exact render of `dirtyDays` is due (monotonic seconds); see `ExactRenderPolicy`.
    func exactRenderDue(now: Double, backlogged: Bool) -> Double {
        guard !dirtyDays.isEmpty else { return .infinity }
        let live = liveClustering
        return ExactRenderPolicy.due(
            now: now, held: live.map { live in dirtyDays.allSatisfy { live.days.contains($0) } } ?? false,
            backlogged: backlogged, lastArrival: lastArrival, pendingSince: exactPendingSince,
            lastRender: (ended: lastExactRenderEnded, seconds: lastRenderSeconds, articles: lastExactRenderArticles),
            articlesNow: live?.itemCount ?? 0)
    }

    /// Whether the daemon is working through a backlog (a burst, an overflow rescan, a start with a full inbox)
    /// rather than keeping up with a stream: from when more files wait to be claimed than four times
    /// `intake.max_in_flight` until none wait and every file claimed is recorded.
    ///
    /// Ending it when none waited to be claimed started the exact render (tens of seconds for a burst of 20,000)
    /// while up to `intake.max_in_flight` files were still being read; their results waited behind it on the apply
    /// queue and then asked for a second exact render of the same windows: `make test`'s overflow ran in 40-55 s or
    /// 70-105 s (peak RSS 140 or 200 MiB) as that race fell.
    ///
    /// A lower bar let a loaded machine tip a steady stream into exact renders, and an exact render of a busy day
    /// holds the apply queue for seconds, so more files waited and the renders stayed exact. Staying in it until the
    /// backlog is gone keeps the last few hundred files of a burst from being placed one render at a time.
    func hasBacklog() -> Bool {
        let waiting = filesWaiting.load(ordering: .relaxed)
        if waiting > 4 * settings.maxInFlight {
            workingThroughBacklog = true
        } else if waiting == 0 && filesUnrecorded.load(ordering: .relaxed) == 0 {
            workingThroughBacklog = false
        }
        return workingThroughBacklog
    }

    /// What one render wrote, for the debug line.
    struct RenderTally {
        var filesWritten = 0
        /// Files whose text this process knew it had written, or (`filesFoundOnDisk`, counted here too) found there.
        var filesUnchanged = 0
        /// Files this process had not written that already held their text: after a restart, or a crash between
        /// writing a day's clusters file and recording its stories. Their stories are recorded again.
        var filesFoundOnDisk = 0
        var filesWrittenOrFound: Int { filesWritten + filesFoundOnDisk }
        /// Seconds spent building stories, rendering text, writing files (hash, write, fsync) and recording stories.
        var storySeconds = 0.0
        var textSeconds = 0.0
        var writeSeconds = 0.0
        var recordSeconds = 0.0

        var phases: String {
            [storySeconds, textSeconds, writeSeconds, recordSeconds].map { String(Int($0 * 1000)) }
                .joined(separator: "/")
        }
    }

    /// Writes `text` unless this process already wrote exactly that to `path`, or `path` holds it already, as durably
    /// as asked.
    ///
    /// - Parameter durable: false for a provisional render's files (see `AtomicFileWriter.write(_:to:mode:durable:)`).
    ///   A file written so is written again by the next durable write, even unchanged: the exact render that ends
    ///   a day's pending state must leave it on disk.
    func writeIfChanged(_ text: String, to path: String, durable: Bool = true, _ tally: inout RenderTally) throws {
        let began = Self.monotonicSeconds()
        defer { tally.writeSeconds += Self.monotonicSeconds() - began }
        var text = text
        let length = text.utf8.count
        // Swift's SipHash, seeded per process: the digests are compared only within this process, where a chance
        // collision (one in 2^64) is far less likely than a disk error, and it hashes a busy day's 15 MB clusters file
        // several times faster than SHA-256, which every render of that day paid.
        func digest() -> Int {
            var hasher = Hasher()
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            return hasher.finalize()
        }
        // Only text of the length written can be the same, so a provisional render's day, which changes with each
        // placement, is not hashed to learn that (10 ms a render for a day of 15,000 articles).
        var known: Int?
        if let last = writtenDigests[path], last.length == length, let lastDigest = last.digest,
            last.durable || !durable
        {
            known = digest()
            if known == lastDigest {
                writtenDigests[path]?.render = renderCount
                tally.filesUnchanged += 1
                return
            }
        }
        // A path this process has not written (or has forgotten, `forgetOldWrites`) may hold the text already: after a
        // restart the first exact render otherwise wrote every file of the window's days again, each with two fsyncs,
        // and changed their modification times for whoever watches the folder.
        if writtenDigests[path] == nil,
            text.withUTF8({ AtomicFileWriter.holds(UnsafeRawBufferPointer($0), at: FilePath(path), durable: durable) })
        {
            writtenDigests[path] = (length, durable ? digest() : nil, durable, renderCount)
            tally.filesUnchanged += 1
            tally.filesFoundOnDisk += 1
            return
        }
        try AtomicFileWriter.write(text, to: FilePath(path), durable: durable)
        // A durable write remembers its digest so a later render can skip the same text; a provisional one needs none.
        writtenDigests[path] = (length, durable ? known ?? digest() : nil, durable, renderCount)
        tally.filesWritten += 1
    }

    /// Writes the digests of the days whose articles were placed into the live clustering since its last render.
    ///
    /// Only those days' digests and clusters files, the pages of the stories placing changed, and the index are
    /// written. The days stay pending in the store until an exact render, so a crash before it renders them exactly at
    /// the next start.
    func renderProvisionalDays() {
        guard let live = liveClustering, !provisionalDays.isEmpty else { return }
        let began = Self.monotonicSeconds()
        defer {
            lastProvisionalRenderEnded = Self.monotonicSeconds()
            lastProvisionalRenderSeconds = lastProvisionalRenderEnded - began
        }
        let days = provisionalDays.sorted()
        let stories = provisionalStories
        let gone = provisionalGone
        provisionalDays.removeAll()
        provisionalStories.removeAll()
        provisionalGone.removeAll()
        defer { placedArticles.removeAll() }
        renderCount += 1
        // Only the days the render just before wrote can show their stories again (see `shownProvisionally`).
        shownProvisionally = shownProvisionally.filter { $0.value.render == renderCount - 1 }
        renderedStories.beginGeneration()
        var tally = RenderTally()
        for day in days {
            defer { beat() }
            do {
                try writeDigest(
                    of: day, groups: live.groups, provisional: (changed: stories, gone: gone), tally: &tally)
            } catch {
                // The day is still in `dirtyDays`: the exact render retries it.
                complainAboutOutput("cannot write the digest for \(day)", error: error, day: day)
            }
        }
        do {
            try writeIfChanged(
                IndexRenderer.render(try store.days()), to: settings.output + "/index.md", durable: false, &tally)
        } catch {
            complainAboutOutput("cannot write the index", error: error, day: nil)
        }
        if logger.logLevel <= .debug {
            logger.debug(
                "rendered provisionally",
                metadata: [
                    "days": "\(days.count)", "stories": "\(stories.count)", "live_articles": "\(live.itemCount)",
                    "total_ms": "\(Int((Self.monotonicSeconds() - began) * 1000))",
                    "files_written": "\(tally.filesWritten)", "files_unchanged": "\(tally.filesUnchanged)",
                    "stories_text_write_record_ms": "\(tally.phases)",
                ])
        }
        updateStatusIfDue()
    }

    /// Writes one day's digest, clusters file and story pages from a clustering of its window, and records its
    /// stories. Returns whether anything of the day was written.
    ///
    /// - Parameter provisional: for a provisional render (`renderProvisionalDays`), the stories placing changed and
    ///   the ids it replaced: the digest is `StoryClusterer.provisionalDigest`, and only those stories' pages and rows
    ///   are written. Nil for an exact render, which writes every story's.
    @discardableResult
    func writeDigest(
        of day: CivilDate, groups: [StoryClusterer.Group],
        provisional: (changed: Set<StoryID>, gone: Set<StoryID>)? = nil, tally: inout RenderTally
    ) throws -> Bool {
        let settings = self.settings
        let writtenBeforeDay = tally.filesWritten
        let placed = placedArticles
        // One day's digest at a time, so memory holds one day's stories, not every changed day's.
        let readArticles = { (members: [ClusterItem]) throws -> [Article] in
            let stored = try self.store.articles(
                contentHashes: members.map(\.contentHash).filter { placed[$0] == nil })
            var next = stored.makeIterator()
            return members.map { placed[$0.contentHash] ?? next.next()! }
        }
        var phaseBegan = Self.monotonicSeconds()
        /// Adds the time since the last phase ended to `seconds`.
        func phaseEnded(_ seconds: inout Double) {
            let now = Self.monotonicSeconds()
            seconds += now - phaseBegan
            phaseBegan = now
        }
        let digest: Digest
        if let provisional {
            // `renderProvisionalDays` kept only the days the render just before wrote.
            let reusable = shownProvisionally.removeValue(forKey: day)?.stories ?? [:]
            digest = try settings.clusterer.provisionalDigest(
                for: day, groups: groups, memo: clusteringMemo,
                shown: { id in provisional.changed.contains(id) || provisional.gone.contains(id) ? nil : reusable[id] },
                articles: readArticles)
            shownProvisionally[day] = (
                renderCount, Dictionary(digest.stories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            )
        } else {
            shownProvisionally[day] = nil
            digest = try settings.clusterer.digest(for: day, groups: groups, memo: clusteringMemo, articles: readArticles)
        }
        phaseEnded(&tally.storySeconds)
        let digestDirectory = settings.output + "/digests"
        // Stories' text is remembered for the days provisional renders write, so they render only what changed;
        // for other days it would hold their text in memory for nothing.
        let cache = provisional != nil || liveClustering?.days.contains(day) == true ? renderedStories : nil
        let digestText = DigestRenderer(digestDirectory: digestDirectory).render(digest, cache: cache)
        phaseEnded(&tally.textSeconds)
        // A provisional render's files need not reach the disk: the day stays pending until its exact render.
        let durable = provisional == nil
        try writeIfChanged(digestText, to: "\(digestDirectory)/\(day).md", durable: durable, &tally)
        phaseBegan = Self.monotonicSeconds()
        // The clusters file lists every story with its members: when this process wrote it unchanged, so are the
        // recorded stories. One found on disk may be newer than the rows (a crash between the two): they are recorded.
        let writtenBefore = tally.filesWrittenOrFound
        let clustersText = ClusterRenderer.render(digest, cache: cache)
        phaseEnded(&tally.textSeconds)
        try writeIfChanged(clustersText, to: "\(settings.output)/clusters/\(day).json", durable: durable, &tally)
        let storyDirectory = settings.output + "/stories"
        try FileSystem.createDirectories(FilePath(storyDirectory))
        // A story's page is written from its latest day, so every render of it agrees.
        for story in digest.stories
        where provisional?.changed.contains(story.id) ?? true && !story.otherDays.contains(where: { $0.day > day }) {
            phaseBegan = Self.monotonicSeconds()
            let page = StoryPageRenderer(storyDirectory: storyDirectory).render(story, on: day)
            phaseEnded(&tally.textSeconds)
            try writeIfChanged(page, to: "\(storyDirectory)/\(story.id).md", durable: durable, &tally)
        }
        phaseBegan = Self.monotonicSeconds()
        if tally.filesWrittenOrFound > writtenBefore {
            // A story that merged into another or split exists no more: its page goes, so the folder holds the same
            // pages whatever order the files came in.
            let gone = try provisional.map { provisional in
                try store.updateStories(
                    on: day, changed: digest.stories.filter { provisional.changed.contains($0.id) },
                    removed: provisional.gone, storyCount: digest.stories.count)
            } ?? store.replaceStories(on: day, with: digest.stories)
            for gone in gone {
                let page = "\(storyDirectory)/\(gone).md"
                try? FileSystem.remove(FilePath(page))
                writtenDigests[page] = nil
            }
        }
        phaseEnded(&tally.recordSeconds)
        guard tally.filesWritten > writtenBeforeDay else { return false }
        if provisional == nil {
            logger.info(
                "digest written for \(day)",
                metadata: [
                    "day": "\(day)", "stories": "\(digest.stories.count)", "articles": "\(digest.articleCount)",
                    "message.id": "\(MessageID.digestWritten)",
                ])
        }
        return true
    }

    /// Re-clusters and rewrites each changed day's digest, clusters file and the index.
    func renderDirtyDays() {
        guard !dirtyDays.isEmpty else { return }
        let began = Date()
        defer {
            lastRenderSeconds = Date().timeIntervalSince(began)
            lastExactRenderEnded = Self.monotonicSeconds()
        }
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
        // Every placement is in the days rendered here, now exactly.
        provisionalDays.removeAll()
        provisionalStories.removeAll()
        provisionalGone.removeAll()
        placedArticles.removeAll()
        shownProvisionally.removeAll()
        exactPendingSince = nil
        if let live = liveClustering, days.contains(where: {
            $0 >= live.days.lowerBound.adding(days: -clusterer.windowDays)
                && $0 <= live.days.upperBound.adding(days: clusterer.windowDays)
        }) {
            // Its window changes here; it is rebuilt below when it is the latest arrivals' week.
            liveClustering = nil
        }
        // A live clustering this render leaves alone keeps the memo's stories and texts of its days, which the next
        // provisional renders extend (`forgetUnused` below).
        var leavesLiveClusteringAlone = liveClustering != nil
        var failedDays: [CivilDate] = []
        var readSeconds = 0.0
        var clusterSeconds = 0.0
        var windowArticles = 0
        var tally = RenderTally()
        renderCount += 1
        renderedStories.beginGeneration()
        let firstClustering = clusteringMemo.nextGeneration
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
        let liveDay = latestArrivalDay ?? days.last!
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
                // The week of the latest arrivals stays live, so the next articles of those days are placed into it.
                let span = chunk.first!...chunk.last!
                // Not while files wait to be claimed: placing waits for the backlog's end (see `noteRecorded`).
                if span.contains(liveDay) && rendersAsItApplies && !hasBacklog() {
                    let live = clusterer.liveClustering(items, days: span, memo: clusteringMemo)
                    groups = live.groups
                    liveClustering = live
                    leavesLiveClusteringAlone = false
                } else {
                    groups = clusterer.cluster(items, memo: clusteringMemo)
                }
                clusterSeconds += Date().timeIntervalSince(clusterBegan)
            } catch {
                failedDays += chunk
                logger.error("cannot read the articles to render; retrying in 5 s", metadata: ["error": "\(error)"])
                continue
            }
            for day in chunk {
                defer { beat() }
                adoptKeptStories(on: day)
                do {
                    try writeDigest(of: day, groups: groups, tally: &tally)
                    try store.markRendered(day)
                } catch {
                    failedDays.append(day)
                    complainAboutOutput("cannot write the digest for \(day)", error: error, day: day)
                }
            }
        }
        lastExactRenderArticles = windowArticles
        do {
            try writeIfChanged(IndexRenderer.render(try store.days()), to: settings.output + "/index.md", &tally)
        } catch {
            // Keeps a day pending, so the index is retried with it even when every digest was written.
            failedDays.append(contentsOf: failedDays.isEmpty ? days.suffix(1) : [])
            complainAboutOutput("cannot write the index", error: error, day: nil)
        }
        forgetOldWrites()
        // What this render replaced or no longer shows is dropped now, not one or several renders later, so that
        // what stays between renders is the window just rendered, whatever the render changed.
        if !leavesLiveClusteringAlone {
            clusteringMemo.forgetUnused(since: firstClustering)
            renderedStories.forgetUnusedInThisRender()
        }
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
                    "files_written": "\(tally.filesWritten)", "files_unchanged": "\(tally.filesUnchanged)",
                    "stories_text_write_record_ms": "\(tally.phases)",
                    "memo_stories": "\(clusteringMemo.storyCount)",
                    "live_articles": "\(liveClustering?.itemCount ?? 0)",
                    "rss_mib": "\(residentBeforeRelease >> 20) → \(Memory.residentBytes() >> 20)",
                    "heap_mib": "\((Memory.allocatedBytes() ?? 0) >> 20)", "rendered_texts": "\(renderedStories.count)",
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
