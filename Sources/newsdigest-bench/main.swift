// newsdigest-bench: in-process measurements of the pure core for `make bench` (scripts/bench.py drives it).
//
// Measuring inside one process keeps process start-up, file-system latency and the daemon's queues out of the
// figure, so the number is the core's own throughput and can be set beside a peer timed the same way (a Python
// library called in a loop after its import). Files are read into memory before the clock starts.
//
//   newsdigest-bench analyze [--seconds S] [--jsonl OUT] DIR   extraction throughput over every file of DIR
//   newsdigest-bench dedup [--seconds S] DIR                   near-duplicate detection over the bodies of DIR
//   newsdigest-bench cluster [--seconds S] DIR                 one story clustering of every article of DIR
//   newsdigest-bench group [--seconds S] DIR                   the grouping alone, by phase (fold, edges, linkage,
//                                                             refinement by centroids)
//
// Each prints one JSON object on standard output.

import Foundation
import NewsCore

/// One input file, read before timing starts.
struct LoadedFile {
    var name: String
    var bytes: [UInt8]
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
}

/// Command-line options shared by every mode.
struct Options {
    var mode = ""
    var directory = ""
    /// Repeat the measured work until at least this much time has passed, so short corpora still give stable rates.
    var minimumSeconds = 2.0
    var jsonlPath: String?

    init(arguments: [String]) throws {
        var rest = arguments.dropFirst()
        guard let mode = rest.popFirst() else { throw BenchError(description: "usage: newsdigest-bench MODE [options] DIR") }
        self.mode = mode
        while let argument = rest.popFirst() {
            switch argument {
            case "--seconds":
                guard let value = rest.popFirst().flatMap(Double.init) else { throw BenchError(description: "--seconds needs a number") }
                minimumSeconds = value
            case "--jsonl":
                jsonlPath = rest.popFirst()
            default:
                directory = argument
            }
        }
        if directory.isEmpty { throw BenchError(description: "give the folder of files to measure") }
    }
}

/// Every regular file of `directory`, in name order.
func loadFiles(in directory: String) throws -> [LoadedFile] {
    let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }.sorted()
    return try names.map { name in
        let data = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(name))
        return LoadedFile(name: name, bytes: [UInt8](data))
    }
}

func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Runs `pass` (one pass over the corpus) until `minimumSeconds` have passed; returns passes and seconds.
func timed(minimumSeconds: Double, _ pass: () -> Void) -> (passes: Int, seconds: Double) {
    let start = monotonicSeconds()
    var passes = 0
    repeat {
        pass()
        passes += 1
    } while monotonicSeconds() - start < minimumSeconds
    return (passes, monotonicSeconds() - start)
}

/// A fixed arrival day, so an undated file lands on the same day in every run.
let arrivalDay = CivilDate(secondsSinceEpoch: 1_700_000_000)

/// Extracts every file; the hash is computed once beforehand because the daemon hashes while reading, not the core.
func extractAll(_ files: [LoadedFile], hashes: [String], extractor: Extractor) -> [Article?] {
    zip(files, hashes).map { file, hash in
        let document = RawDocument(fileName: file.name, bytes: file.bytes, arrivalDay: arrivalDay)
        return try? extractor.extract(document, contentHash: hash)
    }
}

func printJSON(_ pairs: [(String, JSONValue)]) {
    print(JSONValue.object(pairs).compact)
}

func rate(_ count: Int, _ passes: Int, _ seconds: Double) -> JSONValue {
    .double(Double(count * passes) / seconds)
}

func run() throws {
    let options = try Options(arguments: CommandLine.arguments)
    let files = try loadFiles(in: options.directory)
    let hashes = files.map { SHA256.hexDigest(of: $0.bytes) }
    let bytes = files.reduce(0) { $0 + $1.bytes.count }
    let extractor = Extractor()
    switch options.mode {
    case "analyze":
        // The first pass warms caches and lazily built tables, and gives the articles for --jsonl.
        let articles = extractAll(files, hashes: hashes, extractor: extractor)
        if let path = options.jsonlPath {
            var lines = ""
            for (file, article) in zip(files, articles) {
                lines += JSONValue.object([
                    ("file", .string(file.name)),
                    ("published", article.map { $0.published.origin == .arrival ? .null : .string($0.published.iso8601) } ?? .null),
                    ("body", .string(article?.body ?? "")),
                ]).compact + "\n"
            }
            try lines.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let (passes, seconds) = timed(minimumSeconds: options.minimumSeconds) {
            _ = extractAll(files, hashes: hashes, extractor: extractor)
        }
        printJSON([
            ("mode", "analyze"), ("files", .int(files.count)), ("bytes", .int(bytes)),
            ("failed", .int(articles.filter { $0 == nil }.count)), ("passes", .int(passes)),
            ("seconds", .double(seconds)), ("articles_per_s", rate(files.count, passes, seconds)),
            ("mb_per_s", .double(Double(bytes * passes) / seconds / 1e6)),
        ])
    case "dedup":
        let bodies = extractAll(files, hashes: hashes, extractor: extractor).map { $0?.body ?? "" }
        let detector = NearDuplicateDetector()
        var folded = 0
        let (passes, seconds) = timed(minimumSeconds: options.minimumSeconds) {
            folded = detector.originals(of: bodies).compactMap { $0 }.count
        }
        printJSON([
            ("mode", "dedup"), ("files", .int(files.count)), ("folded", .int(folded)), ("passes", .int(passes)),
            ("seconds", .double(seconds)), ("articles_per_s", rate(files.count, passes, seconds)),
        ])
    case "cluster":
        let entries = extractAll(files, hashes: hashes, extractor: extractor).compactMap { $0 }.map {
            DigestEntry(article: $0, location: nil)
        }
        let clusterer = StoryClusterer()
        let days = Array(Set(entries.map(\.article.digestDay))).sorted()
        var stories = 0
        let (passes, seconds) = timed(minimumSeconds: options.minimumSeconds) {
            stories = clusterer.digests(for: days, entries: entries).reduce(0) { $0 + $1.stories.count }
        }
        printJSON([
            ("mode", "cluster"), ("articles", .int(entries.count)), ("days", .int(days.count)),
            ("stories", .int(stories)), ("passes", .int(passes)), ("seconds", .double(seconds)),
            ("seconds_per_clustering", .double(seconds / Double(passes))),
            ("articles_per_s", rate(entries.count, passes, seconds)),
        ])
    case "group":
        // The clustering alone, phase by phase, over features computed beforehand, as a render does.
        let clusterer = StoryClusterer()
        let items = extractAll(files, hashes: hashes, extractor: extractor).compactMap { $0 }.map {
            ClusterItem(DigestEntry(article: $0, location: nil), features: clusterer.features(of: $0))
        }
        var (foldSeconds, edgeSeconds, linkSeconds, refineSeconds) = (0.0, 0.0, 0.0, 0.0)
        var (edgeCount, groupCount, largest) = (0, 0, 0)
        let (passes, seconds) = timed(minimumSeconds: options.minimumSeconds) {
            var start = monotonicSeconds()
            let ordered = clusterer.foldedItems(items)
            foldSeconds += monotonicSeconds() - start
            start = monotonicSeconds()
            var (edges, index) = clusterer.similarityGraph(ordered)
            edgeCount = edges.count
            edgeSeconds += monotonicSeconds() - start
            start = monotonicSeconds()
            let linked = AverageLinkage.cluster(nodeCount: ordered.count, edges: &edges, threshold: clusterer.threshold)
            linkSeconds += monotonicSeconds() - start
            start = monotonicSeconds()
            let groups = clusterer.refined(linked, of: ordered, index: index)
            refineSeconds += monotonicSeconds() - start
            groupCount = groups.count
            largest = groups.map(\.count).max() ?? 0
        }
        printJSON([
            ("mode", "group"), ("articles", .int(items.count)), ("edges", .int(edgeCount)),
            ("groups", .int(groupCount)), ("largest_group", .int(largest)), ("passes", .int(passes)),
            ("seconds_per_clustering", .double(seconds / Double(passes))),
            ("fold_s", .double(foldSeconds / Double(passes))), ("edges_s", .double(edgeSeconds / Double(passes))),
            ("linkage_s", .double(linkSeconds / Double(passes))),
            ("refine_s", .double(refineSeconds / Double(passes))),
        ])
    default:
        throw BenchError(description: "unknown mode '\(options.mode)': analyze, dedup, cluster or group")
    }
}

do {
    try run()
} catch {
    FileHandle.standardError.write(Data("newsdigest-bench: \(error)\n".utf8))
    exit(1)
}
