import CJemalloc
import Glibc
import SystemPackage

/// The process's heap. The executable links jemalloc, which replaces malloc for the whole process: glibc's
/// per-thread arenas kept 317 MB from the kernel for 69 MB in use after a soak's renders (malloc_stats), because
/// each large, short-lived working set left pages that a few long-lived objects pinned.
package enum Memory {
    /// Returns the pages of freed memory to the kernel now.
    ///
    /// jemalloc gives freed pages back on its own over about ten seconds, but only while the program allocates; an
    /// idle daemon after a burst would keep its last render's pages. Cheap next to a render.
    package static func releaseFreedMemory() {
        // MALLCTL_ARENAS_ALL: every arena.
        _ = mallctl("arena.4096.purge", nil, nil, nil, 0)
    }

    /// Bytes the program holds from jemalloc now (its `stats.allocated`), or nil if its statistics cannot be read.
    /// Only memory allocated through jemalloc counts, so this shows whether it really replaced malloc.
    package static func allocatedBytes() -> Int? {
        var epoch: UInt64 = 1
        // Statistics are a snapshot taken when the epoch advances.
        guard mallctl("epoch", nil, nil, &epoch, MemoryLayout<UInt64>.size) == 0 else { return nil }
        var allocated = 0
        var size = MemoryLayout<Int>.size
        guard mallctl("stats.allocated", &allocated, &size, nil, 0) == 0 else { return nil }
        return allocated
    }

    /// The resident set size in bytes, from /proc/self/statm (its second field, in pages); 0 if it cannot be read.
    package static func residentBytes() -> Int {
        guard let statm = FileSystem.readSmallText(FilePath("/proc/self/statm")) else { return 0 }
        let fields = statm.split(separator: " ")
        guard fields.count >= 2, let pages = Int(fields[1]) else { return 0 }
        return pages * sysconf(Int32(_SC_PAGESIZE))
    }
}
