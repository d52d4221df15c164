import CInotify
import Dispatch
import Foundation
import Synchronization
import SystemPackage
import Testing

@testable import NewsLinux

/// Gathers a watcher's events and lets a test wait for one, with a deadline.
final class EventCollector: Sendable {
    let events = Mutex<[InotifyWatcher.Event]>([])
    let queue = DispatchQueue(label: "test.watcher")

    func record(_ new: [InotifyWatcher.Event]) { events.withLock { $0 += new } }

    /// Waits until `predicate` holds for the events so far, checking whenever the watcher queue drains.
    func wait(
        timeout: Duration = .seconds(5), _ predicate: @escaping @Sendable ([InotifyWatcher.Event]) -> Bool
    ) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            // Let the watcher's queue run its pending handlers before looking.
            await withCheckedContinuation { continuation in queue.async { continuation.resume() } }
            if events.withLock({ predicate($0) }) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return events.withLock { predicate($0) }
    }
}

func paths(_ events: [InotifyWatcher.Event], _ kind: (InotifyWatcher.Event) -> FilePath?) -> [String] {
    events.compactMap(kind).map(\.string)
}

func completed(_ event: InotifyWatcher.Event) -> FilePath? {
    switch event {
    case .closedAfterWrite(let path), .movedIn(let path): return path
    default: return nil
    }
}

func touched(_ event: InotifyWatcher.Event) -> FilePath? {
    if case .touched(let path) = event { return path }
    return nil
}

func appeared(_ event: InotifyWatcher.Event) -> FilePath? {
    if case .directoryAppeared(let path) = event { return path }
    return nil
}

@Suite("InotifyWatcher", .timeLimit(.minutes(1)))
struct InotifyWatcherTests {
    func startWatcher(on directory: TemporaryDirectory, collector: EventCollector) throws -> InotifyWatcher {
        let watcher = try InotifyWatcher(root: directory.filePath, queue: collector.queue) { collector.record($0) }
        try collector.queue.sync { _ = try watcher.start() }
        return watcher
    }

    @Test func copiedFileIsCompleteOnCloseWrite() async throws {
        let inbox = try TemporaryDirectory()
        let outside = try TemporaryDirectory()
        let collector = EventCollector()
        let watcher = try startWatcher(on: inbox, collector: collector)
        defer { collector.queue.sync { watcher.cancel() } }
        try outside.write("a.txt", "hello")
        try FileManager.default.copyItem(atPath: outside.path + "/a.txt", toPath: inbox.path + "/a.txt")
        #expect(await collector.wait { paths($0, completed).contains(inbox.path + "/a.txt") })
    }

    @Test func movedFileIsCompleteOnMovedTo() async throws {
        let inbox = try TemporaryDirectory()
        let collector = EventCollector()
        let watcher = try startWatcher(on: inbox, collector: collector)
        defer { collector.queue.sync { watcher.cancel() } }
        // Same filesystem: /tmp, so this is a rename, which produces IN_MOVED_TO only.
        let outside = try TemporaryDirectory()
        try outside.write("b.txt", "hello")
        #expect(rename(outside.path + "/b.txt", inbox.path + "/b.txt") == 0)
        #expect(await collector.wait { paths($0, completed) == [inbox.path + "/b.txt"] })
    }

    @Test func temporaryThenRenameReportsTheFinalName() async throws {
        let inbox = try TemporaryDirectory()
        let collector = EventCollector()
        let watcher = try startWatcher(on: inbox, collector: collector)
        defer { collector.queue.sync { watcher.cancel() } }
        try inbox.write(".c.txt.tmp", "partial")
        #expect(rename(inbox.path + "/.c.txt.tmp", inbox.path + "/c.txt") == 0)
        #expect(await collector.wait { paths($0, completed).contains(inbox.path + "/c.txt") })
    }

    @Test func hardLinkIsOnlyTouched() async throws {
        let inbox = try TemporaryDirectory()
        let outside = try TemporaryDirectory()
        let collector = EventCollector()
        let watcher = try startWatcher(on: inbox, collector: collector)
        defer { collector.queue.sync { watcher.cancel() } }
        try outside.write("d.txt", "linked")
        #expect(link(outside.path + "/d.txt", inbox.path + "/d.txt") == 0)
        #expect(await collector.wait { paths($0, touched).contains(inbox.path + "/d.txt") })
        #expect(collector.events.withLock { paths($0, completed) }.isEmpty)
    }

    @Test func newDirectoryIsWatchedThenReported() async throws {
        let inbox = try TemporaryDirectory()
        let collector = EventCollector()
        let watcher = try startWatcher(on: inbox, collector: collector)
        defer { collector.queue.sync { watcher.cancel() } }
        try FileManager.default.createDirectory(atPath: inbox.path + "/reuters", withIntermediateDirectories: false)
        #expect(await collector.wait { paths($0, appeared).contains(inbox.path + "/reuters") })
        try inbox.write("reuters/e.txt", "inside")
        #expect(await collector.wait { paths($0, completed).contains(inbox.path + "/reuters/e.txt") })
        #expect(collector.queue.sync { watcher.watchCount } == 2)
    }

    @Test func directoryMovedInIsWatchedWithItsSubfolders() async throws {
        let inbox = try TemporaryDirectory()
        let outside = try TemporaryDirectory()
        try outside.write("bundle/inner/f.txt", "nested")
        let collector = EventCollector()
        let watcher = try startWatcher(on: inbox, collector: collector)
        defer { collector.queue.sync { watcher.cancel() } }
        #expect(rename(outside.path + "/bundle", inbox.path + "/bundle") == 0)
        #expect(
            await collector.wait {
                Set(paths($0, appeared)) == [inbox.path + "/bundle", inbox.path + "/bundle/inner"]
            })
        try inbox.write("bundle/inner/g.txt", "after")
        #expect(await collector.wait { paths($0, completed).contains(inbox.path + "/bundle/inner/g.txt") })
    }

    @Test func removingTheRootIsReported() async throws {
        let parent = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: parent.path + "/inbox", withIntermediateDirectories: false)
        let collector = EventCollector()
        let watcher = try InotifyWatcher(root: FilePath(parent.path + "/inbox"), queue: collector.queue) {
            collector.record($0)
        }
        try collector.queue.sync { _ = try watcher.start() }
        defer { collector.queue.sync { watcher.cancel() } }
        #expect(rename(parent.path + "/inbox", parent.path + "/old") == 0)
        #expect(await collector.wait { $0.contains { if case .rootGone = $0 { true } else { false } } })
    }

    @Test func stalledReaderGetsAnOverflowEventNotSilence() async throws {
        let inbox = try TemporaryDirectory()
        let collector = EventCollector()
        let watcher = try startWatcher(on: inbox, collector: collector)
        defer { collector.queue.sync { watcher.cancel() } }
        let limit = KernelLimits.read().maxQueuedEvents ?? 16384
        // Stall the reading queue while more events than the kernel queue holds are generated.
        let stalled = DispatchSemaphore(value: 0)
        collector.queue.async { stalled.wait() }
        for index in 0..<(limit / 2 + 200) {
            let fd = open(inbox.path + "/f\(index)", O_CREAT | O_WRONLY | O_CLOEXEC, 0o644)
            #expect(fd >= 0)
            close(fd)
        }
        stalled.signal()
        #expect(await collector.wait(timeout: .seconds(20)) { $0.contains { if case .overflow = $0 { true } else { false } } })
    }

    @Test func decodesRecordsSplitAcrossTheBuffer() {
        // A record cut short by the end of the buffer is not decoded.
        var bytes = [UInt8](repeating: 0, count: 20)
        bytes[0] = 1  // wd
        bytes[4] = 2  // mask IN_MODIFY
        bytes[12] = 16  // len
        var record = CInotify_event()
        let next = bytes.withUnsafeBytes { CInotify_decode($0.baseAddress!, $0.count, 0, &record) }
        #expect(next == 0)
    }
}
