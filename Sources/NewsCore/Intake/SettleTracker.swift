/// Size and modification time of a file, as the watcher saw it; equal twice in a row means the writer is done.
package struct FileFingerprint: Hashable, Sendable {
    package var size: Int64
    package var modificationNanoseconds: Int64

    package init(size: Int64, modificationNanoseconds: Int64) {
        self.size = size
        self.modificationNanoseconds = modificationNanoseconds
    }
}

/// Decides when a file in the inbox has finished arriving.
///
/// `IN_CLOSE_WRITE` and `IN_MOVED_TO` mean the file is complete now. A file seen only through `IN_CREATE` or
/// `IN_MODIFY` (a hard link, a writer that keeps the file open) must stay quiet for `quietPeriod` with its size and
/// mtime unchanged. The tracker is pure: the daemon passes in the clock and the file's fingerprint.
package struct SettleTracker<Key: Hashable & Sendable>: Sendable {
    /// What the daemon should do next.
    package enum Action: Equatable, Sendable {
        case claim(Key)
    }

    struct Pending: Sendable {
        var deadline: Int64
        var fingerprint: FileFingerprint?
    }

    /// Nanoseconds a touched file must stay unchanged.
    package var quietPeriod: Int64
    private var pending: [Key: Pending] = [:]

    package init(quietPeriodNanoseconds: Int64) { self.quietPeriod = quietPeriodNanoseconds }

    /// Files still waiting to settle.
    package var waitingCount: Int { pending.count }

    /// True when `key` is waiting to settle.
    package func isWaiting(_ key: Key) -> Bool { pending[key] != nil }

    /// The earliest deadline, so the daemon knows when to call `due(now:)` next.
    package var nextDeadline: Int64? { pending.values.map(\.deadline).min() }

    /// The file was closed after writing or moved in: it is complete.
    package mutating func arrived(_ key: Key) -> [Action] {
        pending[key] = nil
        return [.claim(key)]
    }

    /// The file was created or modified; its fingerprint now, if it could be read.
    package mutating func touched(_ key: Key, fingerprint: FileFingerprint?, now: Int64) {
        pending[key] = Pending(deadline: now + quietPeriod, fingerprint: fingerprint)
    }

    /// The file disappeared or was claimed by other means.
    package mutating func forget(_ key: Key) {
        pending[key] = nil
    }

    /// Keys whose quiet period has passed; the daemon re-reads their fingerprint and calls `settle`.
    package func due(now: Int64) -> [Key] {
        pending.compactMap { $0.value.deadline <= now ? $0.key : nil }
    }

    /// The fingerprint read after the quiet period: unchanged means claim; changed means wait again; nil means gone.
    package mutating func settle(_ key: Key, fingerprint: FileFingerprint?, now: Int64) -> [Action] {
        guard let entry = pending[key] else { return [] }
        guard let fingerprint else {
            pending[key] = nil
            return []
        }
        if entry.fingerprint == fingerprint {
            pending[key] = nil
            return [.claim(key)]
        }
        pending[key] = Pending(deadline: now + quietPeriod, fingerprint: fingerprint)
        return []
    }
}
