import Foundation
import Logging
import NewsLinux
import ServiceLifecycle
import UnixSignals

/// Runs the pipeline until graceful shutdown (SIGTERM or SIGINT), then drains it.
struct PipelineService: Service {
    let pipeline: Pipeline
    let grace: Double

    func run() async throws {
        // Starting happens before the group runs (see `Daemon.run`), so READY=1 follows a completed start.
        try? await gracefulShutdown()
        await pipeline.stop(grace: grace)
    }
}

/// Reloads the configuration on SIGHUP.
struct ReloadService: Service {
    let pipeline: Pipeline
    let loader: SettingsLoader
    let signals: UnixSignalsSequence

    func run() async throws {
        for await _ in signals.cancelOnGracefulShutdown() {
            pipeline.logger.info("SIGHUP received, reloading the configuration")
            pipeline.reload(using: loader)
        }
    }
}

/// Sends `WATCHDOG=1` at half the interval systemd asked for, and only while the pipeline makes progress, so that
/// a hung daemon is restarted rather than kept alive by a timer.
struct WatchdogService: Service {
    let pipeline: Pipeline
    let intervalMicroseconds: UInt64

    func run() async throws {
        let notifier = SystemdNotifier()
        let half = Duration.microseconds(Int64(intervalMicroseconds / 2))
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                if pipeline.isHealthy(within: intervalMicroseconds) {
                    notifier.watchdog()
                } else {
                    pipeline.logger.warning("the pipeline made no progress; withholding the watchdog ping")
                }
                try? await Task.sleep(for: half)
            }
        }
    }
}
