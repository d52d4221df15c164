@preconcurrency import Dispatch
import Foundation
import Logging
import NewsCore
import NewsLinux
import NewsStore
import Synchronization
import SystemPackage

extension Pipeline {
    /// Stops taking files in, lets the files being extracted finish for up to `grace` seconds, renders what
    /// changed, and returns. Claimed files not yet started stay in the processing area and are processed at the
    /// next start.
    package func stop(grace: Double = 5) async {
        notifier.stopping(status: "stopping: finishing the files in flight")
        let waiting: Int = intakeQueue.sync {
            stopping = true
            watcher?.cancel()
            watcher = nil
            timers.forEach { $0.cancel() }
            timers = []
            // Work not yet started is put back: it stays in the processing area for the next start.
            inFlight -= backlog.count
            filesUnrecorded.subtract(backlog.count, ordering: .relaxed)
            backlog.removeAll()
            return inFlight
        }
        if waiting > 0 {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumed = Mutex(false)
                let resumeOnce: @Sendable () -> Void = {
                    let first = resumed.withLock { done in
                        defer { done = true }
                        return !done
                    }
                    if first { continuation.resume() }
                }
                intakeQueue.async { [self] in
                    if inFlight <= 0 { resumeOnce() } else { drainedHandlers.append(resumeOnce) }
                }
                intakeQueue.asyncAfter(deadline: .now() + grace) { resumeOnce() }
            }
        }
        applyQueue.sync {
            // A render that took long last time could outlast TimeoutStopSec; the days stay marked in the ledger
            // and the next start renders them.
            if lastRenderSeconds < 2 { renderDirtyDays() }
            keepBuiltStories()
            writeStatusFile("stopped")
        }
        logger.info("stopped", metadata: ["left_for_next_start": "\(intakeQueue.sync { inFlight })"])
    }

    /// Re-reads the configuration; an invalid one is refused and the running one stays in force.
    ///
    /// Settings that need new watches or folders (`paths.*`, `intake.watch_mode`) take effect at the next restart.
    package func reload(using loader: SettingsLoader) {
        notifier.reloading()
        defer { notifier.ready(status: statusLine()) }
        let current = settings
        var next: Settings
        do {
            next = try loader.load()
        } catch let error as ConfigurationError {
            for problem in error.problems {
                logger.error(
                    "configuration rejected, keeping the running one: \(problem)",
                    metadata: ["key": "\(problem.key)", "message.id": "\(MessageID.configurationRejected)"])
            }
            return
        } catch {
            logger.error("configuration rejected, keeping the running one: \(error)",
                         metadata: ["message.id": "\(MessageID.configurationRejected)"])
            return
        }
        var restartOnly: [String] = []
        if next.inbox != current.inbox { restartOnly.append("paths.inbox") }
        if next.output != current.output { restartOnly.append("paths.output") }
        if next.stateDirectory != current.stateDirectory { restartOnly.append("paths.state") }
        if next.processingPath != current.processingPath { restartOnly.append("paths.processing") }
        if next.watchMode != current.watchMode { restartOnly.append("intake.watch_mode") }
        next.inbox = current.inbox
        next.output = current.output
        next.stateDirectory = current.stateDirectory
        next.processing = current.processing
        next.watchMode = current.watchMode
        for key in restartOnly {
            logger.notice("\(key) changed; it takes effect at the next restart", metadata: ["key": "\(key)"])
        }
        let applied = next
        settingsBox.withLock { $0 = applied }
        // The live clustering was made with the old clustering settings; the next exact render makes a new one.
        applyQueue.async { [self] in liveClustering = nil }
        if applied.archivePolicy == .keep && current.archivePolicy != .keep { loadKeptFilesIfNeeded(applied) }
        intakeQueue.sync {
            tracker.quietPeriod = Int64(applied.settleSeconds * 1e9)
            timers.forEach { $0.cancel() }
            timers = []
            if !stopping {
                startTimers()
                fullScan(reason: nil)
                pump()
            }
        }
        logger.info("configuration reloaded", metadata: ["config": "\(loader.configPath ?? "(built-in defaults)")"])
    }

    /// True while the intake queue answers and work is moving; the watchdog pings only then.
    ///
    /// The apply queue is not waited on: it may be rendering a large day. Its progress is read from `applyBeat`.
    package func isHealthy(within microseconds: UInt64) -> Bool {
        let now = SystemdNotifier.monotonicMicroseconds()
        let answered = Mutex<Bool?>(nil)
        let group = DispatchGroup()
        group.enter()
        intakeQueue.async { [self] in
            // Work in flight must have moved recently, in intake or in apply; an idle pipeline is healthy.
            let latest = max(lastIntakeBeat, applyBeat.withLock { $0 })
            answered.withLock { $0 = inFlight == 0 || now - min(now, latest) <= microseconds }
            group.leave()
        }
        _ = group.wait(timeout: .now() + .microseconds(Int(min(microseconds / 2, 10_000_000))))
        return answered.withLock { $0 } ?? false
    }

    /// Registers `body` to run once nothing is in flight (used by `ingest` to know when it is done).
    func whenDrained(_ body: @escaping @Sendable () -> Void) {
        intakeQueue.async { [self] in
            if inFlight == 0 && ready.isEmpty && backlog.isEmpty && tracker.waitingCount == 0 {
                body()
            } else {
                drainedHandlers.append(body)
            }
        }
    }
}
