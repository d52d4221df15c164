import Foundation
import Logging
import NewsCore
import NewsLinux
import NewsStore
import ServiceLifecycle
import UnixSignals

/// The long-running daemon: `newsdigest run`.
package enum Daemon {
    /// Starts the pipeline and runs until SIGTERM or SIGINT; SIGHUP reloads the configuration.
    ///
    /// - Throws: a configuration, state or watch error that prevents starting.
    package static func run(loader: SettingsLoader, logger: Logger) async throws {
        let settings = try loader.load()
        try FileManager.default.createDirectory(
            atPath: settings.stateDirectory, withIntermediateDirectories: true)
        let store = try NewsStore(path: settings.stateDirectory + "/newsdigest.sqlite")
        let pipeline = Pipeline(settings: settings, store: store, logger: logger)
        // The SIGHUP handler must exist before READY=1: SIGHUP's default action would kill us.
        let hangups = await UnixSignalsSequence(trapping: .sighup)
        try pipeline.start()

        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: PipelineService(pipeline: pipeline, grace: 5)),
            .init(service: ReloadService(pipeline: pipeline, loader: loader, signals: hangups)),
        ]
        if let interval = SystemdNotifier().watchdogMicroseconds() {
            services.append(.init(service: WatchdogService(pipeline: pipeline, intervalMicroseconds: interval)))
        }
        var configuration = ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [],
            logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(15)
        try await ServiceGroup(configuration: configuration).run()
    }
}
