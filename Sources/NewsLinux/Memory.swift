import CMalloc

/// The process's heap, as glibc manages it.
package enum Memory {
    /// Gives memory that was freed back to the kernel.
    ///
    /// glibc keeps freed blocks in its arenas for reuse, so after one large, short-lived working set (a render of a
    /// big window) the resident size would stay at that peak for the life of the process. Cheap next to a render.
    package static func releaseFreedMemory() {
        _ = malloc_trim(0)
    }
}
