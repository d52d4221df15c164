import SystemPackage

/// The inotify limits the kernel imposes, read from `/proc/sys/fs/inotify`.
package struct KernelLimits: Sendable, Equatable {
    package var maxUserWatches: Int?
    package var maxQueuedEvents: Int?
    package var maxUserInstances: Int?

    /// Reads the current values; a value that cannot be read is nil.
    package static func read() -> KernelLimits {
        func value(_ name: String) -> Int? {
            FileSystem.readSmallText(FilePath("/proc/sys/fs/inotify/\(name)")).flatMap {
                Int($0.filter { !$0.isWhitespace })
            }
        }
        return KernelLimits(
            maxUserWatches: value("max_user_watches"), maxQueuedEvents: value("max_queued_events"),
            maxUserInstances: value("max_user_instances"))
    }
}
