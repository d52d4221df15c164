import ArgumentParser
import Foundation
import Logging
import NewsDaemon
import NewsLinux

/// `newsdigest`: keeps daily news digests from a watched drop folder.
@main
struct NewsDigestCommand: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "newsdigest",
        abstract: "Turns news articles dropped into a folder into daily Markdown digests.",
        discussion: """
            Drop article files into the inbox; newsdigest reads each one once, groups articles about the same \
            event into stories, and keeps output/digests/YYYY-MM-DD.md current.
            """,
        version: version,
        subcommands: [
            RunCommand.self, IngestCommand.self, AnalyzeCommand.self, StatusCommand.self, CheckConfigCommand.self,
            VersionCommand.self,
        ]
    )
}

/// Options every command that reads the configuration shares.
struct ConfigOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The configuration file (YAML).", valueName: "file"))
    var config: String?

    @Option(name: .customLong("state-dir"), help: ArgumentHelp("Where the state database lives.", valueName: "dir"))
    var stateDirectory: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: String?

    /// Command-line values by configuration key.
    var overrides: [String: String] {
        var values: [String: String] = [:]
        if let stateDirectory { values["paths.state"] = stateDirectory }
        if let logLevel { values["logging.level"] = logLevel }
        return values
    }

    func loader(adding extra: [String: String] = [:]) -> SettingsLoader {
        SettingsLoader(
            configPath: config ?? ProcessInfo.processInfo.environment["NEWSDIGEST_CONFIG"],
            overrides: overrides.merging(extra) { _, new in new })
    }
}

/// Prints one clear line and exits non-zero, instead of a stack of error text.
func fail(_ message: String) -> ExitCode {
    StandardError.write("newsdigest: \(message)\n")
    return ExitCode.failure
}

func bootstrapLogging(level: Logger.Level) -> Logger {
    LoggingSystem.bootstrap { label in JournalLogHandler(label: label, level: level) }
    return Logger(label: "newsdigest.daemon")
}
