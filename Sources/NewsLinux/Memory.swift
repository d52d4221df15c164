import CMalloc
import Glibc

/// The process's heap, as glibc manages it.
package enum Memory {
    /// Gives memory that was freed back to the kernel.
    ///
    /// glibc keeps freed blocks in its arenas for reuse, so after one large, short-lived working set (a render of a
    /// big window) the resident size would stay at that peak for the life of the process. Cheap next to a render.
    package static func releaseFreedMemory() {
        _ = malloc_trim(0)
    }

    /// The resident set size in bytes, from /proc/self/statm (its second field, in pages).
    package static func residentBytes() -> Int {
        guard let file = fopen("/proc/self/statm", "r") else { return 0 }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 128)
        guard fgets(&line, Int32(line.count), file) != nil else { return 0 }
        let fields = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            .split(separator: " ")
        guard fields.count >= 2, let pages = Int(fields[1]) else { return 0 }
        return pages * sysconf(Int32(_SC_PAGESIZE))
    }
}
