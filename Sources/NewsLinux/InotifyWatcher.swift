import CInotify
@preconcurrency import Dispatch
#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// Watches a directory tree through inotify and reports what happened in it, on one serial queue.
///
/// New directories (created or moved in) are watched as soon as their event is read, and reported so the owner can
/// scan them: files written into a directory before its watch existed produce no event. Lost events are never
/// silent: a kernel queue overflow, an unknown watch descriptor or the root going away each produce an event that
/// tells the owner to rescan.
package final class InotifyWatcher: @unchecked Sendable {
    // @unchecked: every mutable property is touched only on `queue` (the read source's handlers run there and
    // `start` is documented to be called on it).

    /// What the watcher saw.
    package enum Event: Sendable {
        /// Closed after writing (`IN_CLOSE_WRITE`): complete now.
        case closedAfterWrite(FilePath)
        /// Moved or renamed into the tree (`IN_MOVED_TO`): complete now.
        case movedIn(FilePath)
        /// Created or modified without being closed (`IN_CREATE`, `IN_MODIFY`): may still be being written.
        case touched(FilePath)
        /// Deleted or moved away.
        case removed(FilePath)
        /// A directory appeared and is now watched; its contents must be scanned.
        case directoryAppeared(FilePath)
        /// Events were lost (`IN_Q_OVERFLOW`) or could not be placed (unknown watch): rescan everything.
        case overflow
        /// The watched root itself was deleted, moved or unmounted.
        case rootGone
        /// A new directory could not be watched (for example the watch limit was reached).
        case watchFailed(FilePath, LinuxError)
    }

    package static let watchMask: UInt32 =
        CInotify_IN_CLOSE_WRITE | CInotify_IN_MOVED_TO | CInotify_IN_CREATE | CInotify_IN_MODIFY
        | CInotify_IN_MOVED_FROM | CInotify_IN_DELETE | CInotify_IN_DELETE_SELF | CInotify_IN_MOVE_SELF
        | CInotify_IN_ONLYDIR | CInotify_IN_DONT_FOLLOW | CInotify_IN_EXCL_UNLINK

    package let root: FilePath
    private let queue: DispatchQueue
    private let handler: @Sendable ([Event]) -> Void
    private let shouldWatchDirectory: @Sendable (FilePath.Component) -> Bool
    private let fd: Int32
    private var source: (any DispatchSourceRead)?
    private var paths: [Int32: FilePath] = [:]
    private var descriptors: [FilePath: Int32] = [:]
    private var buffer = [UInt8](repeating: 0, count: 256 * 1024)
    private var rootDescriptor: Int32 = -1

    /// Opens an inotify instance for `root`; no watch is set until `start()`.
    ///
    /// - Parameters:
    ///   - queue: the serial queue on which the fd is read and `handler` is called.
    ///   - shouldWatchDirectory: false for directory names to leave alone (hidden folders, for example).
    package init(
        root: FilePath, queue: DispatchQueue,
        shouldWatchDirectory: @escaping @Sendable (FilePath.Component) -> Bool = { _ in true },
        handler: @escaping @Sendable ([Event]) -> Void
    ) throws(LinuxError) {
        self.root = root
        self.queue = queue
        self.handler = handler
        self.shouldWatchDirectory = shouldWatchDirectory
        let fd = inotify_init1(CInotify_IN_NONBLOCK | CInotify_IN_CLOEXEC)
        guard fd >= 0 else {
            if Glibc.errno == EMFILE {
                throw LinuxError.current(
                    "cannot create an inotify instance: raise the sysctl fs.inotify.max_user_instances",
                    syscall: "inotify_init1")
            }
            throw LinuxError.current("cannot create an inotify instance", syscall: "inotify_init1")
        }
        self.fd = fd
    }

    deinit {
        if source == nil { close(fd) }
    }

    /// Watches the root and every directory below it, then starts reading events. Call on `queue`.
    ///
    /// - Returns: the directories now watched, so the caller can scan them after the watches exist.
    /// - Throws: `LinuxError` when the root cannot be watched (`ENOSPC` names the sysctl to raise).
    @discardableResult
    package func start() throws(LinuxError) -> [FilePath] {
        dispatchPrecondition(condition: .onQueue(queue))
        let watched = try watchTree(root)
        rootDescriptor = descriptors[root] ?? -1
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [weak self] in self?.drain() }
        let fd = self.fd
        source.setCancelHandler { close(fd) }
        self.source = source
        source.resume()
        return watched
    }

    /// Stops watching and closes the inotify fd. Call on `queue`.
    package func cancel() {
        source?.cancel()
    }

    /// Directories currently watched.
    package var watchCount: Int { paths.count }

    /// Adds a watch on `directory` and every directory below it; directories that vanish meanwhile are skipped.
    private func watchTree(_ directory: FilePath) throws(LinuxError) -> [FilePath] {
        try addWatch(directory)
        var watched = [directory]
        let entries = (try? FileSystem.entries(of: directory)) ?? []
        for entry in entries where entry.isDirectory && shouldWatchDirectory(entry.name) {
            watched += try watchTree(directory.appending(entry.name))
        }
        return watched
    }

    /// `inotify_add_watch(2)` with the daemon's mask.
    private func addWatch(_ directory: FilePath) throws(LinuxError) {
        let wd = directory.withPlatformString { inotify_add_watch(fd, $0, Self.watchMask) }
        guard wd >= 0 else {
            let code = Glibc.errno
            if code == ENOSPC {
                throw LinuxError.current(
                    "cannot watch '\(directory)': the inotify watch limit is reached; raise the sysctl "
                        + "fs.inotify.max_user_watches (for example: sysctl fs.inotify.max_user_watches=524288)",
                    syscall: "inotify_add_watch")
            }
            throw LinuxError.current("cannot watch '\(directory)'", syscall: "inotify_add_watch")
        }
        if let old = paths[wd], old != directory { descriptors[old] = nil }
        paths[wd] = directory
        descriptors[directory] = wd
    }

    private func drain() {
        var events: [Event] = []
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in
                retryingInterrupts { read(fd, raw.baseAddress!, raw.count) }
            }
            if count <= 0 { break }
            buffer.withUnsafeBytes { raw in
                var offset = 0
                var record = CInotify_event()
                while true {
                    let next = CInotify_decode(raw.baseAddress!, count, offset, &record)
                    if next == 0 { break }
                    offset = next
                    decode(record, into: &events)
                }
            }
        }
        if !events.isEmpty { handler(events) }
    }

    private func decode(_ record: CInotify_event, into events: inout [Event]) {
        let mask = record.mask
        if mask & CInotify_IN_Q_OVERFLOW != 0 {
            events.append(.overflow)
            return
        }
        guard let directory = paths[record.wd] else {
            // An event for a watch we dropped a moment ago is harmless; anything else means we lost track.
            if mask & CInotify_IN_IGNORED == 0 { events.append(.overflow) }
            return
        }
        if mask & CInotify_IN_IGNORED != 0 || mask & CInotify_IN_UNMOUNT != 0 {
            paths[record.wd] = nil
            descriptors[directory] = nil
            if record.wd == rootDescriptor { events.append(.rootGone) }
            return
        }
        if record.name == nil {
            if record.wd == rootDescriptor && mask & (CInotify_IN_DELETE_SELF | CInotify_IN_MOVE_SELF) != 0 {
                events.append(.rootGone)
            }
            return
        }
        guard let name = FilePath.Component(platformString: record.name) else { return }
        let path = directory.appending(name)
        if mask & CInotify_IN_ISDIR != 0 {
            if mask & (CInotify_IN_CREATE | CInotify_IN_MOVED_TO) != 0 && shouldWatchDirectory(name) {
                do {
                    for watched in try watchTree(path) { events.append(.directoryAppeared(watched)) }
                } catch {
                    events.append(.watchFailed(path, error))
                }
            } else if mask & (CInotify_IN_DELETE | CInotify_IN_MOVED_FROM) != 0 {
                forgetTree(path)
            }
            return
        }
        if mask & CInotify_IN_CLOSE_WRITE != 0 {
            events.append(.closedAfterWrite(path))
        } else if mask & CInotify_IN_MOVED_TO != 0 {
            events.append(.movedIn(path))
        } else if mask & (CInotify_IN_CREATE | CInotify_IN_MODIFY) != 0 {
            events.append(.touched(path))
        } else if mask & (CInotify_IN_DELETE | CInotify_IN_MOVED_FROM) != 0 {
            events.append(.removed(path))
        }
    }

    /// A directory moved out keeps its watch (inotify follows the inode); forget its paths so events are not
    /// reported under a name it no longer has.
    private func forgetTree(_ directory: FilePath) {
        for (path, wd) in descriptors where path == directory || path.starts(with: directory) {
            inotify_rm_watch(fd, wd)
            descriptors[path] = nil
            paths[wd] = nil
        }
    }
}
