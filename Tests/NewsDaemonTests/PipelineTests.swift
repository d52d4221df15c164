import Foundation
import GRDB
import Logging
import NewsCore
import NewsLinux
import NewsStore
import SystemPackage
import Testing

@testable import NewsDaemon

@Suite("Pipeline", .timeLimit(.minutes(6)), .serialized)
struct PipelineTests {
    /// The arrival paths the research notes measured: each must lead to exactly one ingested article.
    enum Arrival: String, CaseIterable, Sendable {
        case copy, move, temporaryThenRename, hardLink, mkdirThenWrite, directoryMovedIn
    }

    @Test(arguments: Arrival.allCases)
    func everyArrivalPathIsIngestedOnce(_ arrival: Arrival) async throws {
        let layout = try DaemonLayout()
        let pipeline = try layout.makePipeline(layout.settings())
        try pipeline.start()
        let staged = try layout.prepare("story.txt", article(1))
        let fm = FileManager.default
        switch arrival {
        case .copy:
            try fm.copyItem(atPath: staged, toPath: layout.inbox + "/story.txt")
        case .move:
            try fm.moveItem(atPath: staged, toPath: layout.inbox + "/story.txt")
        case .temporaryThenRename:
            try fm.copyItem(atPath: staged, toPath: layout.inbox + "/.story.txt.part")
            try fm.moveItem(atPath: layout.inbox + "/.story.txt.part", toPath: layout.inbox + "/story.txt")
        case .hardLink:
            try fm.linkItem(atPath: staged, toPath: layout.inbox + "/story.txt")
        case .mkdirThenWrite:
            try fm.createDirectory(atPath: layout.inbox + "/reuters", withIntermediateDirectories: false)
            try fm.copyItem(atPath: staged, toPath: layout.inbox + "/reuters/story.txt")
        case .directoryMovedIn:
            let bundle = layout.root + "/staging/reuters"
            try fm.createDirectory(atPath: bundle, withIntermediateDirectories: true)
            try fm.moveItem(atPath: staged, toPath: bundle + "/story.txt")
            try fm.moveItem(atPath: bundle, toPath: layout.inbox + "/reuters")
        }
        #expect(await eventually { layout.counters(pipeline).articles == 1 })
        #expect(await eventually { layout.files(in: layout.archive).count == 1 })
        #expect(await eventually { fm.fileExists(atPath: layout.output + "/digests/2025-03-12.md") })
        #expect(layout.files(in: layout.processing).isEmpty)
        await pipeline.stop()
        #expect(layout.counters(pipeline).files == 1)
        if arrival == .mkdirThenWrite || arrival == .directoryMovedIn {
            let clusters = try String(contentsOfFile: layout.output + "/clusters/2025-03-12.json", encoding: .utf8)
            #expect(clusters.contains(#""outlet":"reuters""#))
        }
    }

    @Test func pollingModeFindsFilesWithoutInotify() async throws {
        let layout = try DaemonLayout()
        let pipeline = try layout.makePipeline(
            layout.settings {
                $0.watchMode = .poll
                $0.pollIntervalSeconds = 0.2
                $0.settleSeconds = 0.2
            })
        try pipeline.start()
        #expect(pipeline.intakeQueue.sync { pipeline.watcher == nil && pipeline.polling })
        try FileManager.default.moveItem(atPath: try layout.prepare("p.txt", article(8)), toPath: layout.inbox + "/p.txt")
        #expect(await eventually { layout.counters(pipeline).articles == 1 })
        await pipeline.stop()
    }

    @Test func filesAlreadyThereAtStartAreProcessed() async throws {
        let layout = try DaemonLayout()
        for n in 0..<5 { try Data(article(n).utf8).write(to: URL(fileURLWithPath: layout.inbox + "/a\(n).txt")) }
        let pipeline = try layout.makePipeline(layout.settings { $0.settleSeconds = 0 })
        try pipeline.start()
        #expect(await eventually { layout.counters(pipeline).articles == 5 })
        await pipeline.stop()
    }

    @Test func burstWhileTheReaderIsStalledOverflowsAndIsStillFullyProcessed() async throws {
        let layout = try DaemonLayout()
        let pipeline = try layout.makePipeline(layout.settings { $0.settleSeconds = 0.2 })
        try pipeline.start()
        // Each file is one IN_MOVED_TO plus four events for two temporaries beside it: 20,000 events, more than
        // the kernel's default queue of 16,384.
        let count = 4000
        let staging = layout.root + "/staging"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        for n in 0..<count { try Data(article(n).utf8).write(to: URL(fileURLWithPath: staging + "/b\(n).txt")) }
        // Stall the intake queue so the kernel's event queue (16384 events) overflows.
        let stalled = DispatchSemaphore(value: 0)
        pipeline.intakeQueue.async { stalled.wait() }
        for n in 0..<count {
            let name = "/b\(n).txt"
            // Create-then-close twice per file: open/close of a new file gives CREATE + CLOSE_WRITE.
            #expect(rename(staging + name, layout.inbox + name) == 0)
            for suffix in ["a", "b"] {
                let touch = open(layout.inbox + "/t\(n)\(suffix).tmp", O_CREAT | O_WRONLY | O_CLOEXEC, 0o644)
                close(touch)
            }
        }
        stalled.signal()
        #expect(await eventually(timeout: .seconds(300)) { layout.counters(pipeline).files == count })
        #expect(layout.logs.contains(level: .notice, "overflowed"))
        await pipeline.stop()
        let counters = layout.counters(pipeline)
        #expect(counters.files == count)
        #expect(counters.articles == count)
        #expect(layout.files(in: layout.archive).count == count)
    }

    @Test func aBurstIsClusteredExactlyOnceWhenItsLastFileIsRecorded() async throws {
        let layout = try DaemonLayout()
        let pipeline = try layout.makePipeline(layout.settings {
            $0.settleSeconds = 0
            $0.maxInFlight = 2
        })
        try pipeline.start()
        // Twenty short reports of one day and, claimed last, a long one that takes far longer to read: more than four
        // times `max_in_flight` wait, so this is a backlog, and when the last short report is recorded none wait to
        // be claimed while the long one is still being read. Clustering then would hold the long one's result behind
        // it and cluster the day a second time for it.
        func report(_ n: Int, sentences: Int = 2) -> String {
            "title: \(places[n % places.count]) council report \(n)\ndate: 2025-03-14\n\n"
                + (0..<sentences).map { s in
                    "The \(places[(n + s) % places.count]) council discussed the \(topics[s % topics.count]) item \(s) "
                        + "with \(s * 7 + n) members on Friday."
                }.joined(separator: " ")
        }
        let names = (0..<20).map { "r\($0).txt" } + ["long.txt"]
        let prepared = try names.enumerated().map { n, name in
            try layout.prepare(name, name == "long.txt" ? report(n, sentences: 1500) : report(n))
        }
        let stalled = DispatchSemaphore(value: 0)
        pipeline.intakeQueue.async { stalled.wait() }
        for (path, name) in zip(prepared, names) { #expect(rename(path, layout.inbox + "/" + name) == 0) }
        stalled.signal()
        #expect(await eventually(timeout: .seconds(120)) {
            layout.counters(pipeline).files == names.count && (try? pipeline.store.pendingDays().isEmpty) == true
        })
        await pipeline.stop()
        #expect(layout.logs.count("digest written for 2025-03-14") == 1)
    }

    @Test func restartProcessesNothingAgain() async throws {
        let layout = try DaemonLayout()
        let settings = layout.settings { $0.archivePolicy = .keep }
        let first = try layout.makePipeline(settings)
        try first.start()
        for n in 0..<3 { try FileManager.default.moveItem(atPath: try layout.prepare("r\(n).txt", article(n)),
                                                          toPath: layout.inbox + "/r\(n).txt") }
        #expect(await eventually { layout.counters(first).files == 3 })
        await first.stop()
        // With the keep policy the originals stay in the inbox: the next start must recognise them.
        #expect(layout.files(in: layout.inbox).count == 3)
        let second = try layout.makePipeline(settings)
        try second.start()
        try await Task.sleep(for: .milliseconds(800))
        await second.stop()
        #expect(layout.counters(second).files == 3)
        #expect(layout.files(in: layout.inbox).count == 3)
    }

    @Test func malformedFileIsQuarantinedWhileTheNextGoodFileIsProcessed() async throws {
        let layout = try DaemonLayout()
        let pipeline = try layout.makePipeline(layout.settings())
        try pipeline.start()
        let binary = layout.root + "/staging/photo.txt"
        try FileManager.default.createDirectory(atPath: layout.root + "/staging", withIntermediateDirectories: true)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01]).write(to: URL(fileURLWithPath: binary))
        try FileManager.default.moveItem(atPath: binary, toPath: layout.inbox + "/photo.txt")
        try FileManager.default.moveItem(atPath: try layout.prepare("good.txt", article(4)),
                                         toPath: layout.inbox + "/good.txt")
        #expect(await eventually { layout.counters(pipeline).files == 2 })
        #expect(await eventually { FileManager.default.fileExists(atPath: layout.failed + "/photo.txt.error") })
        let reason = try String(contentsOfFile: layout.failed + "/photo.txt.error", encoding: .utf8)
        #expect(reason.contains("binary data"))
        #expect(FileManager.default.fileExists(atPath: layout.failed + "/photo.txt"))
        #expect(layout.counters(pipeline).articles == 1)
        #expect(layout.logs.contains(level: .warning, "cannot process photo.txt"))
        await pipeline.stop()
    }

    @Test func exactDuplicateIsRecordedNotProcessedAgain() async throws {
        let layout = try DaemonLayout()
        let pipeline = try layout.makePipeline(layout.settings())
        try pipeline.start()
        try FileManager.default.moveItem(atPath: try layout.prepare("one.txt", article(2)),
                                         toPath: layout.inbox + "/one.txt")
        #expect(await eventually { layout.counters(pipeline).articles == 1 })
        try FileManager.default.moveItem(atPath: try layout.prepare("two.txt", article(2)),
                                         toPath: layout.inbox + "/two.txt")
        #expect(await eventually { layout.counters(pipeline).duplicates == 1 })
        #expect(layout.counters(pipeline).articles == 1)
        #expect(await eventually {
            let json = (try? String(contentsOfFile: layout.output + "/clusters/2025-03-13.json", encoding: .utf8)) ?? ""
            return json.contains(#""duplicate_of":"one.txt""#)
        })
        await pipeline.stop()
    }

    @Test func ignoredNamesStayInTheInbox() async throws {
        let layout = try DaemonLayout()
        let pipeline = try layout.makePipeline(layout.settings { $0.ignorePatterns = ["*.skip"] })
        try pipeline.start()
        for name in ["a.part", "b.crdownload", ".hidden.txt", "c.skip", "d.txt~"] {
            try FileManager.default.moveItem(atPath: try layout.prepare(name, article(3)), toPath: layout.inbox + "/" + name)
        }
        try FileManager.default.moveItem(atPath: try layout.prepare("real.txt", article(5)),
                                         toPath: layout.inbox + "/real.txt")
        #expect(await eventually { layout.counters(pipeline).files == 1 })
        await pipeline.stop()
        #expect(layout.files(in: layout.inbox).count == 5)
    }

    @Test func symlinkIsRefusedNeverFollowed() async throws {
        let layout = try DaemonLayout()
        let pipeline = try layout.makePipeline(layout.settings())
        try pipeline.start()
        #expect(symlink("/etc/passwd", layout.inbox + "/passwd.txt") == 0)
        #expect(await eventually { layout.counters(pipeline).failed == 1 })
        // The ledger is written before the file and its reason are moved into place.
        #expect(await eventually { FileManager.default.fileExists(atPath: layout.failed + "/passwd.txt.error") })
        let reason = try String(contentsOfFile: layout.failed + "/passwd.txt.error", encoding: .utf8)
        #expect(reason.contains("symbolic link"))
        await pipeline.stop()
    }

    @Test func crashAfterRecordingFinishesTheMoveWithoutProcessingAgain() async throws {
        let layout = try DaemonLayout()
        let settings = layout.settings()
        let first = try layout.makePipeline(settings)
        try first.start()
        try FileManager.default.moveItem(atPath: try layout.prepare("x.txt", article(6)), toPath: layout.inbox + "/x.txt")
        #expect(await eventually { layout.files(in: layout.archive).count == 1 })
        await first.stop()
        // Simulate a crash between the ledger commit and the move: put the archived file back in processing.
        let archived = layout.files(in: layout.archive)[0]
        let record = try #require(try first.store.recentFiles(limit: 1).first)
        try FileManager.default.moveItem(atPath: layout.archive + "/" + archived,
                                         toPath: layout.processing + "/" + record.claimName)
        let second = try layout.makePipeline(settings)
        try second.start()
        await second.stop()
        #expect(layout.files(in: layout.processing).isEmpty)
        #expect(layout.files(in: layout.archive).count == 1)
        #expect(layout.counters(second).files == 1)
    }
}

@Suite("Pipeline recovery", .timeLimit(.minutes(1)))
struct PipelineRecoveryTests {
    @Test func aDayRecordedButNotRenderedIsRenderedAtTheNextStart() async throws {
        let layout = try DaemonLayout()
        let settings = layout.settings()
        let pipeline = try layout.makePipeline(settings)
        let extracted = try recordWithoutRendering(article(3), name: "k.txt", in: pipeline)
        #expect(try pipeline.store.pendingDays() == [extracted.digestDay])
        try pipeline.start()
        #expect(await eventually { FileManager.default.fileExists(atPath: layout.output + "/digests/\(extracted.digestDay).md") })
        #expect(await eventually { (try? pipeline.store.pendingDays().isEmpty) == true })
        await pipeline.stop()
    }

    /// A first run that renders article(0), of 2025-03-11, and stops; that day.
    static func firstRun(_ layout: DaemonLayout, _ settings: Settings) async throws -> (Pipeline, CivilDate) {
        let first = try layout.makePipeline(settings)
        try first.start()
        try FileManager.default.moveItem(atPath: try layout.prepare("a.txt", article(0)), toPath: layout.inbox + "/a.txt")
        let day = CivilDate(year: 2025, month: 3, day: 11)!
        #expect(await eventually { FileManager.default.fileExists(atPath: layout.output + "/clusters/\(day).json") })
        #expect(await eventually { (try? first.store.pendingDays().isEmpty) == true })
        await first.stop()
        return (first, day)
    }

    /// A second run, in which an unrelated article of the day after `day` (recorded as the apply stage records it)
    /// is rendered, and with it `day` again; stopped.
    static func secondRun(_ layout: DaemonLayout, _ settings: Settings, after day: CivilDate) async throws -> Pipeline {
        let second = try layout.makePipeline(settings)
        let extracted = try recordWithoutRendering(glacierArticle, name: "b.txt", in: second)
        #expect(extracted.digestDay == day.adding(days: 1))
        try second.start()
        #expect(await eventually { FileManager.default.fileExists(atPath: layout.output + "/clusters/\(extracted.digestDay).json") })
        #expect(await eventually { (try? second.store.pendingDays().isEmpty) == true })
        await second.stop()
        return second
    }

    @Test func aRestartLeavesUnchangedOutputsAloneAndRecordsTheirStoriesAgain() async throws {
        let layout = try DaemonLayout()
        let settings = layout.settings()
        let (first, day) = try await Self.firstRun(layout, settings)
        let before = Dictionary(uniqueKeysWithValues: layout.files(in: layout.output).map { name in
            (name, try? FileSystem.status(FilePath(layout.output + "/" + name)))
        })
        #expect(before.keys.contains("digests/\(day).md") && before.keys.contains { $0.hasPrefix("stories/") })
        // As if the last run had written the day's files and crashed before recording its stories.
        try first.store.replaceStories(on: day, with: [])
        #expect(layout.counters(first).stories == 0)

        // Its render renders the day before again.
        let second = try await Self.secondRun(layout, settings, after: day)
        // Same inode and modification time: not written again, though rendered again.
        for (name, status) in before where name != "index.md" {
            #expect(try FileSystem.status(FilePath(layout.output + "/" + name)) == status, "\(name) was rewritten")
        }
        #expect(layout.counters(second).stories == 2)
    }

    @Test func aRestartTakesTheStoriesTheLastRunBuiltInsteadOfReadingTheirArticlesAgain() async throws {
        let layout = try DaemonLayout()
        let settings = layout.settings()
        let (first, day) = try await Self.firstRun(layout, settings)
        let digest = try String(contentsOfFile: layout.output + "/digests/\(day).md", encoding: .utf8)
        // The day's articles can no longer be read: building its story again would fail.
        try await first.store.writer.write { db in
            try db.execute(sql: "UPDATE article SET payload = x'00ff' WHERE digestDay = ?", arguments: [day.description])
        }

        // The day is rendered again with the story the last run built.
        _ = try await Self.secondRun(layout, settings, after: day)
        #expect(layout.logs.count("adopted the stories the last run kept") == 1)
        #expect(!layout.logs.contains(level: .error, "cannot write the digest"))
        #expect(try String(contentsOfFile: layout.output + "/digests/\(day).md", encoding: .utf8) == digest)
    }

    @Test func daysFurtherApartThanOneClusteringAreEachRenderedWithEveryFileOnce() async throws {
        let layout = try DaemonLayout()
        // article(n) is dated over 2025-02-10 … 03-19: more days than one clustering covers (daysPerClustering).
        let count = 40
        for n in 0..<count { try Data(article(n).utf8).write(to: URL(fileURLWithPath: layout.inbox + "/a\(n).txt")) }
        let pipeline = try layout.makePipeline(layout.settings { $0.settleSeconds = 0 })
        try pipeline.start()
        #expect(await eventually { layout.counters(pipeline).articles == count })
        #expect(await eventually { (try? pipeline.store.pendingDays().isEmpty) == true })
        await pipeline.stop()
        let days = try pipeline.store.days().map(\.day)
        #expect(days.last!.daysSinceEpoch - days.first!.daysSinceEpoch >= 2 * Pipeline.daysPerClustering)
        var listed: [String] = []
        for day in days {
            #expect(FileManager.default.fileExists(atPath: layout.output + "/digests/\(day).md"))
            let clusters = try JSONSerialization.jsonObject(
                with: Data(contentsOf: URL(fileURLWithPath: layout.output + "/clusters/\(day).json"))) as? [String: Any]
            for story in clusters?["stories"] as? [[String: Any]] ?? [] {
                listed += (story["articles"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
            }
        }
        #expect(listed.sorted() == (0..<count).map { "a\($0).txt" }.sorted())
    }
    @Test func articlesArrivingOnOneDayArePlacedAtOnceAndClusteredExactlyOnceQuiet() async throws {
        let layout = try DaemonLayout()
        let pipeline = try layout.makePipeline(layout.settings { $0.settleSeconds = 0 })
        try pipeline.start()
        // Three events of one day, four reports each, dropped one at a time: the first is rendered exactly, which
        // makes the live clustering, and the rest are placed into it as they arrive.
        func report(_ n: Int) -> String {
            let (topic, place) = (topics[n % 3], places[n % 3])
            return """
                title: \(place) council approves the \(topic) plan after report \(n)
                date: 2025-03-14

                The \(place) city council approved the \(topic) plan on Friday after \(n + 2) hours of debate. \
                Members said the \(topic) budget of \(n * 3 + 10) million would be reviewed in \(place) next year.
                """
        }
        let clustersFile = layout.output + "/clusters/2025-03-14.json"
        func listed() -> [String] {
            guard let data = FileManager.default.contents(atPath: clustersFile),
                let clusters = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return [] }
            return (clusters["stories"] as? [[String: Any]] ?? []).flatMap { story in
                (story["articles"] as? [[String: Any]] ?? []).compactMap { $0["file"] as? String }
            }
        }
        for n in 0..<12 {
            try FileManager.default.moveItem(atPath: try layout.prepare("r\(n).txt", report(n)), toPath: layout.inbox + "/r\(n).txt")
            // Each report is listed before the next is dropped, well within the second the exact render waits for.
            #expect(await eventually(timeout: .seconds(2)) { listed().contains("r\(n).txt") })
        }
        #expect(layout.logs.contains(level: .debug, "rendered provisionally"))
        // Once the inbox is quiet the day is clustered exactly: what the clusters file says is what clustering the
        // stored articles gives, whatever order they came in.
        #expect(await eventually { (try? pipeline.store.pendingDays().isEmpty) == true })
        await pipeline.stop()
        let day = CivilDate(year: 2025, month: 3, day: 14)!
        let clusterer = layout.settings().clusterer
        let items = try pipeline.store.clusterItems(
            from: day.adding(days: -clusterer.windowDays), through: day.adding(days: clusterer.windowDays),
            features: clusterer.features(of:))
        let exact = try clusterer.digest(for: day, groups: clusterer.cluster(items)) { members in
            try pipeline.store.articles(contentHashes: members.map(\.contentHash))
        }
        #expect(exact.articleCount + exact.stories.flatMap(\.entries).flatMap(\.copies).count == 12)
        #expect(String(decoding: FileManager.default.contents(atPath: clustersFile) ?? Data(), as: UTF8.self)
            == ClusterRenderer.render(exact))
        #expect(listed().sorted() == (0..<12).map { "r\($0).txt" }.sorted())
    }
}
