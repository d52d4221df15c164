import Foundation
import Logging
import NewsCore
import NewsStore
import Synchronization
import SystemPackage

@testable import NewsDaemon

/// Log lines captured in memory, so tests can assert what the daemon said.
final class CapturedLogs: Sendable {
    let lines = Mutex<[(level: Logger.Level, message: String, metadata: Logger.Metadata)]>([])

    var logger: Logger {
        Logger(label: "newsdigest.test") { _ in CapturingHandler(sink: self) }
    }

    func contains(level: Logger.Level, _ fragment: String) -> Bool {
        lines.withLock { $0.contains { $0.level == level && $0.message.contains(fragment) } }
    }

    /// How many lines said exactly `message`.
    func count(_ message: String) -> Int {
        lines.withLock { $0.count { $0.message == message } }
    }
}

struct CapturingHandler: LogHandler {
    let sink: CapturedLogs
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        sink.lines.withLock { $0.append((event.level, "\(event.message)", event.metadata ?? [:])) }
    }
}

/// A daemon layout in a fresh temporary folder: var/inbox, var/output, var/state and the rest beside them.
final class DaemonLayout: Sendable {
    let root: String
    let logs = CapturedLogs()

    init() throws {
        root = FileManager.default.temporaryDirectory.path + "/newsdigest-daemon-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root + "/inbox", withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    var inbox: String { root + "/inbox" }
    var output: String { root + "/output" }
    var archive: String { root + "/archive" }
    var failed: String { root + "/failed" }
    var processing: String { root + "/processing" }

    func settings(_ adjust: (inout Settings) -> Void = { _ in }) -> Settings {
        var settings = Settings()
        settings.inbox = inbox
        settings.output = output
        settings.stateDirectory = root + "/state"
        settings.settleSeconds = 0.3
        adjust(&settings)
        return settings
    }

    func makePipeline(_ settings: Settings) throws -> Pipeline {
        try FileManager.default.createDirectory(atPath: settings.stateDirectory, withIntermediateDirectories: true)
        let store = try NewsStore(path: settings.stateDirectory + "/newsdigest.sqlite")
        return Pipeline(settings: settings, store: store, logger: logs.logger)
    }

    /// Writes a file somewhere outside the inbox (on the same filesystem, so `mv` is a rename).
    func prepare(_ name: String, _ text: String) throws -> String {
        let staging = root + "/staging"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        let path = staging + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    func files(in folder: String) -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var found: [String] = []
        while let next = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + next, isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                found.append(next)
            }
        }
        return found.sorted()
    }

    func counters(_ pipeline: Pipeline) -> NewsStore.Counters {
        (try? pipeline.store.counters()) ?? NewsStore.Counters()
    }
}

/// Records `text` the way the apply stage does, as if the daemon was killed before rendering it: its day is pending.
func recordWithoutRendering(_ text: String, name: String, in pipeline: Pipeline) throws -> Article {
    let sha = SHA256.hexDigest(of: Array(text.utf8))
    let document = RawDocument(fileName: name, bytes: Array(text.utf8), arrivalDay: CivilDate(year: 2025, month: 1, day: 1)!)
    let extracted = try Extractor().extract(document, contentHash: sha)
    let record = FileRecord(
        claimName: "t1~\(name)", fileName: name, relativePath: name, folderLabel: nil, size: 1, sha256: sha,
        status: .processed, location: nil, arrivedAt: 0, finishedAt: 0)
    _ = try pipeline.store.recordProcessed(record, article: extracted)
    return extracted
}

/// Waits until `condition` holds, re-checking every 20 ms, for at most `timeout`.
func eventually(timeout: Duration = .seconds(10), _ condition: () -> Bool) async -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}

let topics = [
    "harbour", "railway", "library", "hospital", "museum", "airport", "school", "bridge", "stadium", "market",
    "tunnel", "reservoir", "orchestra", "zoo", "ferry", "tramway", "observatory", "cathedral", "brewery", "theatre",
]
let places = ["Lyon", "Porto", "Gdansk", "Bergen", "Tartu", "Ghent", "Bari", "Graz", "Malmo", "Cork", "Brno"]

/// An article of 2025-03-12 that continues no story of `article(_:)`'s.
let glacierArticle = """
    title: Glacier researchers count fewer crevasses this winter
    date: 2025-03-12

    Researchers on the Svalbard glacier counted fewer crevasses than last winter. The survey team said melt \
    water had refrozen early. Their report goes to the polar institute in April.
    """

/// A short article, distinct for each number, on one of many topics so that days hold many small stories.
func article(_ number: Int) -> String {
    let topic = topics[number % topics.count]
    let place = places[(number / topics.count) % places.count]
    return """
        title: \(place) council votes on the \(topic) plan, item \(number)
        date: \(number < 9 ? "2025-03-1\(number % 9 + 1)" : "2025-02-\(10 + number % 19)")

        The \(place) city council voted \(number) times on the \(topic) plan on Tuesday. Members said the \
        \(topic) budget of \(number * 7) million would be reviewed. The mayor said vote \(number) was final.
        """
}
