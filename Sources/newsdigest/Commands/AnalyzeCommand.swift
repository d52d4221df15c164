import ArgumentParser
import Foundation
import NewsDaemon

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Print what newsdigest understands of each file, without touching the daemon's state.",
        discussion: "With --json, prints one JSON object per file (JSON Lines) in the evaluation contract."
    )

    @Flag(help: "Print JSON Lines.") var json = false
    @Option(name: .customLong("summary-sentences"), help: "Sentences in each summary.") var summarySentences = 3
    @Argument(help: ArgumentHelp("Files to analyse.", valueName: "file")) var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file to analyse") }
    }

    func run() async throws {
        var failures = 0
        for file in files {
            switch Analysis.analyze(path: file, summarySentences: summarySentences) {
            case .success(let analysis):
                print(json ? analysis.jsonLine : analysis.text)
            case .failure(let error):
                failures += 1
                if json {
                    print(Analysis.failureLine(path: file, error: error))
                }
                _ = fail("\(file): \(error)")
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }
}
