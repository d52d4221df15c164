import ArgumentParser
import Logging
import NewsDaemon

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon in the foreground: watch the inbox and keep the digests current.",
        discussion: "systemd starts this command. SIGTERM or SIGINT stops it gracefully; SIGHUP reloads the configuration."
    )

    @Option(help: ArgumentHelp("The folder to watch.", valueName: "dir")) var inbox: String?
    @Option(help: ArgumentHelp("Where digests, clusters and the index are written.", valueName: "dir")) var output: String?
    @OptionGroup var options: ConfigOptions

    func run() async throws {
        var extra: [String: String] = [:]
        if let inbox { extra["paths.inbox"] = inbox }
        if let output { extra["paths.output"] = output }
        let loader = options.loader(adding: extra)
        let settings: Settings
        do {
            settings = try loader.load()
        } catch {
            throw fail("\(error)")
        }
        let logger = bootstrapLogging(level: settings.logLevel)
        do {
            try await Daemon.run(loader: loader, logger: logger)
        } catch {
            logger.error("stopping: \(error)")
            throw ExitCode.failure
        }
    }
}
