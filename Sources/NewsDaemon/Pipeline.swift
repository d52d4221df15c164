@preconcurrency import Dispatch
import Foundation
import Logging
import NewsCore
import NewsLinux
import NewsStore
import Synchronization
import SystemPackage

/// The daemon's pipeline: inbox events → claims → extraction → ledger → stories → digests.
///
/// Three kinds of queue carry the work, so that reading inotify never waits for extraction and the state has one
/// writer:
/// - `intakeQueue` (serial) reads the inotify fd, settles files, claims them and bounds the work in flight;
/// - `workQueue` (concurrent) reads, hashes and extracts claimed files, at most `workers` at once;
/// - `applyQueue` (serial) records results, moves originals and renders the digests of the days that changed.
package final class Pipeline: @unchecked Sendable {
    // @unchecked: each group of mutable properties below is touched only on the queue named in its MARK, and the
    // settings behind `settingsBox` are guarded by its Mutex.

    package let logger: Logger
    let store: NewsStore
    let notifier = SystemdNotifier()
    let settingsBox: Mutex<Settings>
    let workers: Int
    let startedAt = Date()

    let intakeQueue = DispatchQueue(label: "newsdigest.intake")
    let workQueue = DispatchQueue(label: "newsdigest.work", qos: .userInitiated, attributes: .concurrent)
    let applyQueue = DispatchQueue(label: "newsdigest.apply")

    // MARK: intakeQueue state
    var watcher: InotifyWatcher?
    var tracker: SettleTracker<FilePath>
    var ready: [FilePath] = []
    var readySet: Set<FilePath> = []
    var backlog: [ClaimedFile] = []
    var executing = 0
    var inFlight = 0
    var stopping = false
    var polling = false
    var timers: [any DispatchSourceTimer] = []
    var claimCounter = 0
    var lastIntakeBeat = SystemdNotifier.monotonicMicroseconds()
    var drainedHandlers: [@Sendable () -> Void] = []
    /// Called after each file is recorded (ingest's progress bar).
    var onApplied: (@Sendable () -> Void)?
    /// Called on the apply queue with each ledger entry written (ingest's articles.jsonl).
    var onRecorded: ((FileRecord) -> Void)?
    /// The daemon renders while files arrive, so each reaches its digest at once. `ingest` renders once, when every
    /// file is recorded: nobody reads its digests before it ends, and each render re-clusters the changed days.
    var rendersAsItApplies = true

    // MARK: applyQueue state
    var dirtyDays: Set<CivilDate> = []
    var renderScheduled = false
    /// When the render timer set last is due (monotonic seconds), and its number: a timer overtaken by an earlier one
    /// finds its number is no longer the latest and does nothing.
    var renderDueAt = Double.infinity
    var renderTimer = 0
    /// How long the last exact render took, and how many articles its windows held.
    var lastRenderSeconds = 0.0
    var lastExactRenderArticles = 0
    var lastStatusUpdate = 0.0
    var appliedSinceStart = 0
    var failedSinceStart = 0
    /// What clustering derived from articles and stories in recent renders (see `ClusteringMemo`).
    let clusteringMemo = ClusteringMemo()
    /// The text stories were last rendered as, for digests in which few stories changed (see `RenderedStories`).
    let renderedStories = RenderedStories()
    /// The last exact clustering of the window around the latest arrivals, with the articles placed into it since
    /// (see `LiveClustering`); nil until the first exact render, and after a reload.
    var liveClustering: LiveClustering?
    /// Days whose digest shows a placement not yet written, and the stories that placement changed.
    var provisionalDays: Set<CivilDate> = []
    var provisionalStories: Set<StoryID> = []
    /// Story ids placing replaced (a new article founds the story now), and the articles placed, kept until the
    /// provisional render so it need not read them back from the store.
    var provisionalGone: Set<StoryID> = []
    var placedArticles: [String: Article] = [:]
    /// The stories each day's digest showed in the provisional render that wrote it, by id, with that render's
    /// number: the next provisional render shows again those placing did not change since (see
    /// `StoryClusterer.provisionalDigest`). Only a day written by the render just before counts: a day left out of
    /// it may show a story whose other days changed meanwhile, and an exact render in between rebuilds every story.
    var shownProvisionally: [CivilDate: (render: Int, stories: [StoryID: Story])] = [:]
    /// The day of the article recorded last: the exact render keeps the clustering of its week live.
    var latestArrivalDay: CivilDate?
    /// Monotonic seconds: when a file was last recorded, when the oldest change not yet clustered exactly was
    /// recorded, and when the last exact render ended.
    var lastArrival = 0.0
    var exactPendingSince: Double?
    var lastExactRenderEnded = 0.0
    var lastProvisionalRenderSeconds = 0.0
    var lastProvisionalRenderEnded = 0.0
    /// See `hasBacklog`.
    var workingThroughBacklog = false
    /// The length and a hash of what this process last wrote to each output file, so an unchanged file is not
    /// written again, whether that write was durable, and the render that last wrote or confirmed it (see
    /// `writeIfChanged`). Pruned to the recent renders' files (see `forgetOldWrites`).
    var writtenDigests: [String: (length: Int, digest: Int?, durable: Bool, render: Int)] = [:]
    /// Renders since start, to age `writtenDigests`.
    var renderCount = 0
    /// Failures to write the outputs and the state database (a full disk, a read-only mount), logged sparingly.
    var outputFailures = RecurringFailure()
    var stateFailures = RecurringFailure()

    /// How many files are ready but not claimed, because `intake.max_in_flight` are in hand: written on the intake
    /// queue, read on the apply queue without waiting for the intake queue (see `hasBacklog`).
    let filesWaiting = Atomic<Int>(0)
    /// How many claimed files are not recorded yet (in `intake.max_in_flight`): raised on the intake queue when a file
    /// is claimed, lowered on the apply queue as its result is recorded, before the render is scheduled, so that
    /// `hasBacklog` sees the last file of a burst recorded.
    let filesUnrecorded = Atomic<Int>(0)
    /// Files kept in the inbox under the keep policy, by path, with the mtime they were recorded at. Read on the
    /// intake queue, written on the apply queue.
    let keptFiles = Mutex<[String: Int64]>([:])
    /// When the apply queue last finished a piece of work (a file, or one day's render). The watchdog reads it
    /// without waiting on the queue, so a long render counts as progress as long as its days keep completing.
    let applyBeat = Mutex<UInt64>(SystemdNotifier.monotonicMicroseconds())

    package init(settings: Settings, store: NewsStore, logger: Logger, workers: Int? = nil) {
        self.settingsBox = Mutex(settings)
        self.store = store
        self.logger = logger
        self.workers = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
        self.tracker = SettleTracker(quietPeriodNanoseconds: Int64(settings.settleSeconds * 1e9))
    }

    package var settings: Settings { settingsBox.withLock { $0 } }

    // MARK: - Starting

    /// Creates the folders, finishes what a previous run left in the processing area, sets the watches, queues the
    /// startup scan and tells systemd it is ready.
    ///
    /// - Throws: when a folder cannot be created or used, or the inbox cannot be watched.
    package func start() throws {
        let settings = self.settings
        // The folders this daemon writes files into atomically; a kill can leave a temporary file in any of them.
        let writtenFolders = [
            settings.failedPath, settings.output, settings.output + "/digests", settings.output + "/clusters",
            settings.output + "/stories", settings.stateDirectory,
        ]
        for path in [settings.inbox, settings.processingPath, settings.archivePath] + writtenFolders {
            try FileSystem.createDirectories(FilePath(path))
        }
        try checkSameFilesystem(settings)
        for folder in writtenFolders {
            for name in AtomicFileWriter.removeInterruptedWrites(in: FilePath(folder)) {
                logger.info("removed the temporary file of an interrupted write", metadata: ["file": "\(folder)/\(name)"])
            }
        }
        loadKeptFilesIfNeeded(settings)
        let recovered = try recoverProcessingArea(settings)
        // Days recorded but not rendered when the last run ended (a crash, a kill, a stop during a long render).
        let pending = try store.pendingDays()
        if !pending.isEmpty {
            applyQueue.async { [self] in
                dirtyDays.formUnion(pending)
                scheduleRender()
            }
        }

        var usePolling = settings.watchMode == .poll
        if settings.watchMode == .auto, let magic = try? FileSystem.filesystemType(FilePath(settings.inbox)),
            let name = FileSystem.networkFilesystemName(magic: magic)
        {
            usePolling = true
            logger.notice(
                "the inbox is on \(name), where inotify cannot see changes made elsewhere; polling instead",
                metadata: ["inbox": "\(settings.inbox)", "interval": "\(settings.pollIntervalSeconds)"])
        }
        if !usePolling {
            let limits = KernelLimits.read()
            logger.info(
                "inotify limits",
                metadata: [
                    "max_user_watches": "\(limits.maxUserWatches.map(String.init) ?? "unknown")",
                    "max_queued_events": "\(limits.maxQueuedEvents.map(String.init) ?? "unknown")",
                ])
        }
        var startError: (any Error)?
        intakeQueue.sync {
            polling = usePolling
            backlog.append(contentsOf: recovered)
            inFlight += recovered.count
            filesUnrecorded.add(recovered.count, ordering: .relaxed)
            do {
                if !usePolling { try startWatcher() }
                startTimers()
                fullScan(reason: nil)
                startWork()
            } catch {
                startError = error
            }
        }
        if let startError { throw startError }
        logger.info(
            "watching the inbox",
            metadata: [
                "inbox": "\(settings.inbox)", "mode": "\(usePolling ? "poll" : "inotify")",
                "recovered": "\(recovered.count)",
            ])
        notifier.ready(status: statusLine())
    }

    /// The files kept in the inbox under the `keep` policy, read from the ledger (a scan of every file entry) only
    /// when that policy is in force; other policies never leave recorded files in the inbox.
    func loadKeptFilesIfNeeded(_ settings: Settings) {
        guard settings.archivePolicy == .keep else { return }
        keptFiles.withLock { $0 = (try? store.keptFiles(under: settings.inbox)) ?? [:] }
    }

    func checkSameFilesystem(_ settings: Settings) throws {
        guard let inbox = try FileSystem.status(FilePath(settings.inbox)),
            let processing = try FileSystem.status(FilePath(settings.processingPath))
        else { return }
        if inbox.device != processing.device {
            throw ConfigurationError(problems: [
                ConfigurationProblem(
                    key: "paths.processing",
                    message: "'\(settings.processingPath)' is on another filesystem than the inbox "
                        + "'\(settings.inbox)'; files are claimed by an atomic rename, which needs one filesystem",
                    origin: "settings")
            ])
        }
    }

    /// Files left in the processing area by a crash or a stop: finish recorded ones, queue the rest again.
    func recoverProcessingArea(_ settings: Settings) throws -> [ClaimedFile] {
        let area = FilePath(settings.processingPath)
        var requeue: [ClaimedFile] = []
        for entry in try FileSystem.entries(of: area) where !entry.isDirectory {
            let name = entry.name.string
            if name.hasPrefix(".") { continue }
            guard let claim = ClaimName(encoded: name) else {
                logger.warning("unrecognised file in the processing area, leaving it", metadata: ["file": "\(name)"])
                continue
            }
            let current = area.appending(entry.name)
            if let record = try store.fileRecord(claimName: name) {
                finishDisposition(of: current, record: record, settings: settings)
                continue
            }
            requeue.append(
                ClaimedFile(
                    claim: claim, currentPath: current,
                    originalPath: FilePath(settings.inbox).pushing(FilePath(platformBytes: claim.relativePath)),
                    claimedAt: Date().timeIntervalSince1970, inPlace: false))
        }
        return requeue
    }

    // MARK: - Watching (intakeQueue)

    func startWatcher() throws {
        let settings = self.settings
        let rules = IgnoreRules(patterns: settings.ignorePatterns)
        let watcher = try InotifyWatcher(
            root: FilePath(settings.inbox), queue: intakeQueue,
            shouldWatchDirectory: { !rules.ignores($0.string) },
            handler: { [weak self] events in self?.handle(events) })
        try watcher.start()
        self.watcher = watcher
    }

    func handle(_ events: [InotifyWatcher.Event]) {
        lastIntakeBeat = SystemdNotifier.monotonicMicroseconds()
        guard !stopping else { return }
        var rescan: String?
        for event in events {
            switch event {
            case .closedAfterWrite(let path), .movedIn(let path):
                consider(path, complete: true)
            case .touched(let path):
                guard acceptable(path) else { continue }
                tracker.touched(path, fingerprint: fingerprint(path), now: monotonicNanoseconds())
            case .removed(let path):
                tracker.forget(path)
            case .directoryAppeared(let directory):
                scan(directory)
            case .overflow:
                rescan = "the inotify queue overflowed"
            case .rootGone:
                rescan = nil
                inboxGone()
                return
            case .watchFailed(let path, let error):
                logger.error("cannot watch a new folder; its files are found by the periodic rescan",
                             metadata: ["file": "\(path)", "error": "\(error)"])
            }
        }
        if let rescan { fullScan(reason: rescan) }
        pump()
    }

    func inboxGone() {
        let inbox = settings.inbox
        logger.notice("the inbox was removed or replaced; watching it again and rescanning",
                      metadata: ["inbox": "\(inbox)", "message.id": "\(MessageID.rescan)"])
        watcher?.cancel()
        watcher = nil
        intakeQueue.asyncAfter(deadline: .now() + 0.2) { [weak self] in self?.rewatchInbox() }
    }

    func rewatchInbox() {
        guard !stopping else { return }
        do {
            try FileSystem.createDirectories(FilePath(settings.inbox))
            try startWatcher()
            fullScan(reason: nil)
            pump()
        } catch {
            logger.error("cannot watch the inbox again, retrying in 5 s", metadata: ["error": "\(error)"])
            intakeQueue.asyncAfter(deadline: .now() + 5) { [weak self] in self?.rewatchInbox() }
        }
    }

    func startTimers() {
        let settings = self.settings
        let settleTimer = DispatchSource.makeTimerSource(queue: intakeQueue)
        settleTimer.schedule(deadline: .now() + 0.2, repeating: 0.2, leeway: .milliseconds(50))
        settleTimer.setEventHandler { [weak self] in self?.settleDueFiles() }
        settleTimer.resume()
        timers.append(settleTimer)
        let interval = polling ? settings.pollIntervalSeconds : settings.rescanIntervalSeconds
        if interval > 0 {
            let rescanTimer = DispatchSource.makeTimerSource(queue: intakeQueue)
            rescanTimer.schedule(deadline: .now() + interval, repeating: interval, leeway: .milliseconds(100))
            rescanTimer.setEventHandler { [weak self] in
                guard let self else { return }
                self.fullScan(reason: nil)
                self.pump()
            }
            rescanTimer.resume()
            timers.append(rescanTimer)
        }
    }

    func settleDueFiles() {
        lastIntakeBeat = SystemdNotifier.monotonicMicroseconds()
        guard !stopping else { return }
        let now = monotonicNanoseconds()
        for path in tracker.due(now: now) {
            for action in tracker.settle(path, fingerprint: fingerprint(path), now: now) {
                if case .claim(let ready) = action { markReady(ready) }
            }
        }
        pump()
    }

    /// Walks the inbox (or one folder of it) and queues every file found.
    func fullScan(reason: String?) {
        if let reason {
            logger.notice("\(reason), rescanning the inbox", metadata: ["message.id": "\(MessageID.rescan)"])
        }
        scan(FilePath(settings.inbox))
    }

    func scan(_ directory: FilePath) {
        let rules = IgnoreRules(patterns: settings.ignorePatterns)
        guard let entries = try? FileSystem.entries(of: directory) else { return }
        for entry in entries where !rules.ignores(entry.name.string) {
            let path = directory.appending(entry.name)
            if entry.isDirectory { scan(path) } else { consider(path, complete: false) }
        }
    }

    func acceptable(_ path: FilePath) -> Bool {
        guard let name = path.lastComponent?.string else { return false }
        return !IgnoreRules(patterns: settings.ignorePatterns).ignores(name)
    }

    /// A file may be ready: `complete` when an event says the writer is done; otherwise (found by a scan) it is
    /// ready if it has not changed for the settle period, and settles like a touched file if it has.
    func consider(_ path: FilePath, complete: Bool) {
        guard acceptable(path), !readySet.contains(path) else { return }
        let status = try? FileSystem.status(path)
        if let status, status.kind == .directory { return }
        if let status, let keptAt = keptFiles.withLock({ $0[path.string] }), keptAt == status.modificationNanoseconds {
            return
        }
        if complete {
            tracker.forget(path)
            markReady(path)
            return
        }
        guard let status else { return }
        let age = Date().timeIntervalSince1970 * 1e9 - Double(status.modificationNanoseconds)
        if age >= settings.settleSeconds * 1e9 || status.kind != .regular {
            tracker.forget(path)
            markReady(path)
        } else if !tracker.isWaiting(path) {
            tracker.touched(path, fingerprint: fingerprint(path), now: monotonicNanoseconds())
        }
    }

    func markReady(_ path: FilePath) {
        guard readySet.insert(path).inserted else { return }
        ready.append(path)
        filesWaiting.store(ready.count, ordering: .relaxed)
    }

    func fingerprint(_ path: FilePath) -> FileFingerprint? {
        guard let status = try? FileSystem.status(path) else { return nil }
        return FileFingerprint(size: status.size, modificationNanoseconds: status.modificationNanoseconds)
    }

    // MARK: - Claiming (intakeQueue)

    /// Claims ready files while the number in flight is under the bound, then starts work on them.
    func pump() {
        let limit = settings.maxInFlight
        var index = 0
        while !stopping && inFlight < limit && index < ready.count {
            let path = ready[index]
            index += 1
            readySet.remove(path)
            if let claimed = claim(path) {
                inFlight += 1
                filesUnrecorded.add(1, ordering: .relaxed)
                backlog.append(claimed)
            }
        }
        ready.removeFirst(index)
        filesWaiting.store(ready.count, ordering: .relaxed)
        startWork()
    }

    /// Moves the file into the processing area; nil when it vanished first (another claim or the writer took it).
    func claim(_ path: FilePath) -> ClaimedFile? {
        let settings = self.settings
        let inbox = FilePath(settings.inbox)
        var relative = path
        guard relative.removePrefix(inbox) else { return nil }
        claimCounter += 1
        let now = Date().timeIntervalSince1970
        let token = String(Int(now * 1000), radix: 36) + "-" + String(getpid(), radix: 36) + "-"
            + String(claimCounter, radix: 36)
        let claim = ClaimName(token: token, relativePath: relative.platformBytes)
        let destination = FilePath(settings.processingPath).appending(claim.encoded)
        do {
            guard try FileSystem.rename(path, to: destination) else { return nil }
        } catch {
            logger.warning("cannot claim a file, leaving it in the inbox", metadata: ["file": "\(path)",
                                                                                       "error": "\(error)"])
            return nil
        }
        return ClaimedFile(claim: claim, currentPath: destination, originalPath: path, claimedAt: now, inPlace: false)
    }

    func startWork() {
        while executing < workers, !backlog.isEmpty {
            let claimed = backlog.removeFirst()
            executing += 1
            workQueue.async { [self] in
                let result = work(claimed)
                intakeQueue.async { [self] in
                    executing -= 1
                    startWork()
                }
                applyQueue.async { [self] in
                    applyUntilRecorded(claimed, result) { [self] in intakeQueue.async { [self] in
                        inFlight -= 1
                        onApplied?()
                        lastIntakeBeat = SystemdNotifier.monotonicMicroseconds()
                        pump()
                        if inFlight == 0 {
                            let handlers = drainedHandlers
                            drainedHandlers = []
                            handlers.forEach { $0() }
                        }
                    } }
                }
            }
        }
    }

    // MARK: - Extraction (workQueue)

    func work(_ claimed: ClaimedFile) -> WorkResult {
        let settings = self.settings
        let bytes: [UInt8]
        var modified: Int64?
        do {
            modified = (try? FileSystem.status(claimed.currentPath))??.modificationNanoseconds
            bytes = try FileSystem.readRegularFile(claimed.currentPath, limit: settings.maxFileSize)
        } catch FileSystem.ReadRefusal.vanished {
            return .vanished
        } catch FileSystem.ReadRefusal.notRegularFile(let kind) {
            return .failed(reason: "it is \(kind), not a regular file; only regular files are read", size: 0,
                           sha256: nil)
        } catch FileSystem.ReadRefusal.tooLarge(let size, let limit) {
            return .failed(reason: "it is \(size) bytes, over the limit of \(limit) bytes (intake.max_file_size)",
                           size: size, sha256: nil)
        } catch {
            return .failed(reason: "it could not be read: \(error)", size: 0, sha256: nil)
        }
        let sha = SHA256.hexDigest(of: bytes)
        let size = Int64(bytes.count)
        if claimed.inPlace, (try? store.wasIngested(path: claimed.currentPath.string, sha256: sha)) == true {
            return .alreadyIngested
        }
        if (try? store.hasArticle(sha256: sha)) == true {
            return .knownContent(sha256: sha, size: size, modifiedAtNs: modified)
        }
        let document = RawDocument(
            fileName: claimed.claim.fileName, folderLabel: claimed.claim.folderLabel, bytes: bytes,
            arrivalDay: day(ofEpochSeconds: claimed.claimedAt, settings: settings))
        do {
            let article = try Extractor(summaryLength: settings.summarySentences).extract(document, contentHash: sha)
            return .article(
                article, features: settings.clusterer.features(of: article).encoded(), size: size,
                modifiedAtNs: modified)
        } catch {
            return .failed(reason: error.description, size: size, sha256: sha)
        }
    }

    func day(ofEpochSeconds seconds: Double, settings: Settings) -> CivilDate {
        let zone = settings.resolvedTimeZone
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: seconds))
        return CivilDate(secondsSinceEpoch: Int64(seconds.rounded(.down)), utcOffsetSeconds: offset)
    }

    func monotonicNanoseconds() -> Int64 { Int64(SystemdNotifier.monotonicMicroseconds()) * 1000 }
}

extension FilePath {
    /// The raw bytes of the path, as the kernel sees them.
    var platformBytes: [UInt8] {
        withPlatformString { pointer in
            Array(UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                      count: strlen(pointer)))
        }
    }

    /// A relative path made of raw bytes.
    init(platformBytes bytes: [UInt8]) {
        let chars = bytes.map { CChar(bitPattern: $0) } + [0]
        self = chars.withUnsafeBufferPointer { FilePath(platformString: $0.baseAddress!) }
    }
}

/// A failure that repeats while its cause lasts (a full disk), so that it is logged at once and then once a minute,
/// not at every retry, and its end is reported with how long it lasted.
struct RecurringFailure {
    private(set) var since: Date?
    private var lastLogged = Date.distantPast

    var isFailing: Bool { since != nil }

    /// Notes one more failure; returns true when it should be logged at error level, with seconds failing so far.
    mutating func occurred(now: Date = Date()) -> (log: Bool, seconds: Int) {
        let start = since ?? now
        since = start
        guard now.timeIntervalSince(lastLogged) >= 60 else { return (false, Int(now.timeIntervalSince(start))) }
        lastLogged = now
        return (true, Int(now.timeIntervalSince(start)))
    }

    /// Notes a success; returns how many seconds the failures lasted when they just ended.
    mutating func ended(now: Date = Date()) -> Int? {
        guard let start = since else { return nil }
        self = RecurringFailure()
        return Int(now.timeIntervalSince(start))
    }
}
