import ArgumentParser
import Foundation
import NewsDaemon
import NewsStore

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show what the daemon is doing and its counters."
    )

    @OptionGroup var options: ConfigOptions
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() async throws {
        let settings: Settings
        do {
            settings = try options.loader().load()
        } catch {
            throw fail("\(error)")
        }
        let report: StatusReport
        do {
            report = try StatusReport.read(settings: settings)
        } catch {
            throw fail("\(error)")
        }
        print(json ? report.json : report.text)
    }
}
