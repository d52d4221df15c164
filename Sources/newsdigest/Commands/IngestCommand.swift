import ArgumentParser
import Logging
import NewsDaemon
import NewsLinux

struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Process files or folders once through the same pipeline, then exit when every digest is written.",
        discussion: "The inputs stay where they are. A file already ingested with the same content is skipped."
    )

    @Option(help: ArgumentHelp("Where digests, clusters and the index are written.", valueName: "dir")) var output: String?
    @OptionGroup var options: ConfigOptions
    @Argument(help: ArgumentHelp("Files or folders to process.", valueName: "path")) var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder to ingest") }
    }

    func run() async throws {
        var extra: [String: String] = [:]
        if let output { extra["paths.output"] = output }
        let settings: Settings
        do {
            settings = try options.loader(adding: extra).load()
        } catch {
            throw fail("\(error)")
        }
        let logger = bootstrapLogging(level: settings.logLevel > .notice ? settings.logLevel : .notice)
        do {
            let summary = try await Ingest.run(
                paths: paths, settings: settings, logger: logger, showProgress: true)
            StandardError.write(
                "ingested \(summary.files) file\(summary.files == 1 ? "" : "s") into \(settings.output)"
                    + (summary.failed > 0 ? " (\(summary.failed) failed; see the log)" : "") + "\n")
        } catch {
            throw fail("\(error)")
        }
    }
}
