import ArgumentParser
import NewsDaemon

struct CheckConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check the configuration and report every problem with its key.",
        discussion: "Exits 0 when the configuration is valid and 1 otherwise."
    )

    @OptionGroup var options: ConfigOptions

    func run() async throws {
        do {
            let settings = try options.loader().load()
            print("configuration OK (\(options.config ?? "built-in defaults")): inbox \(settings.inbox), output \(settings.output)")
        } catch let error as ConfigurationError {
            for problem in error.problems { print("error: \(problem)") }
            throw ExitCode.failure
        } catch {
            throw fail("\(error)")
        }
    }
}
