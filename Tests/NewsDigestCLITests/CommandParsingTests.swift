import ArgumentParser
import Testing

@testable import newsdigest

@Suite("Command line")
struct CommandParsingTests {
    @Test func runTakesTheFourFlagsOtherToolsRelyOn() throws {
        let command = try NewsDigestCommand.parseAsRoot([
            "run", "--inbox", "/i", "--output", "/o", "--state-dir", "/s", "--config", "/c.yaml",
        ])
        let run = try #require(command as? RunCommand)
        #expect(run.inbox == "/i" && run.output == "/o")
        #expect(run.options.stateDirectory == "/s" && run.options.config == "/c.yaml")
        #expect(run.options.overrides["paths.state"] == "/s")
    }

    @Test func ingestNeedsAPath() {
        #expect(throws: (any Error).self) { try NewsDigestCommand.parseAsRoot(["ingest", "--output", "/o"]) }
        #expect(throws: Never.self) { try NewsDigestCommand.parseAsRoot(["ingest", "/in"]) }
    }

    @Test(arguments: ["run", "ingest", "analyze", "status", "check-config", "version"])
    func everyCommandHasHelp(_ name: String) {
        let help = NewsDigestCommand.helpMessage(for: NewsDigestCommand.self)
        #expect(help.contains(name))
    }

    @Test func analyzeParsesJSONFlag() throws {
        let command = try NewsDigestCommand.parseAsRoot(["analyze", "--json", "a.txt", "b.txt"])
        let analyze = try #require(command as? AnalyzeCommand)
        #expect(analyze.json && analyze.files == ["a.txt", "b.txt"])
    }
}
