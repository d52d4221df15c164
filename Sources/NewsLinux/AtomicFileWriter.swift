#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// Writes files so that a reader sees either the old content or the new, never a partial file.
package enum AtomicFileWriter {
    /// Writes `bytes` to a temporary file in the destination's directory, fsyncs it, renames it over `path`, and
    /// fsyncs the directory so the rename survives a power cut.
    ///
    /// - Parameter durable: false to leave out both fsyncs, for a file something else will write durably again
    ///   after a crash (a provisional digest, whose day stays pending until its exact render). A reader still sees
    ///   the old content or the new; only a power cut may lose the new. On a busy disk an fsync of a large day's
    ///   clusters file took from 10 ms to over 300 ms, and a provisional render's files wait for none of it.
    /// - Throws: `LinuxError`; the temporary file is removed and the old content left in place.
    package static func write(
        _ bytes: UnsafeRawBufferPointer, to path: FilePath, mode: mode_t = 0o644, durable: Bool = true
    ) throws(LinuxError) {
        var directory = path
        directory.removeLastComponent()
        guard let name = path.lastComponent else {
            throw LinuxError("'\(path)' names no file", syscall: "open", errno: .invalidArgument)
        }
        let temporary = directory.appending(".\(name.string).tmp-\(getpid())")
        let fd = temporary.withPlatformString { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode) }
        guard fd >= 0 else { throw LinuxError.current("cannot create '\(temporary)'", syscall: "open") }
        var failure: LinuxError?
        var written = 0
        while written < bytes.count {
            let count = retryingInterrupts { Glibc.write(fd, bytes.baseAddress! + written, bytes.count - written) }
            if count < 0 {
                failure = LinuxError.current("cannot write '\(temporary)'", syscall: "write")
                break
            }
            written += count
        }
        if durable && failure == nil && fsync(fd) != 0 {
            failure = LinuxError.current("cannot flush '\(temporary)' to disk", syscall: "fsync")
        }
        if close(fd) != 0 && failure == nil {
            failure = LinuxError.current("cannot close '\(temporary)'", syscall: "close")
        }
        if failure == nil {
            let renamed = temporary.withPlatformString { src in path.withPlatformString { Glibc.rename(src, $0) } }
            if renamed != 0 { failure = LinuxError.current("cannot move '\(temporary)' into place", syscall: "rename") }
        }
        if let failure {
            _ = temporary.withPlatformString { unlink($0) }
            throw failure
        }
        if durable { syncDirectory(directory) }
    }

    /// Writes UTF-8 text atomically, from the string's own storage (see `write(_:to:mode:durable:)`).
    package static func write(
        _ text: String, to path: FilePath, mode: mode_t = 0o644, durable: Bool = true
    ) throws(LinuxError) {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(LinuxError) in
                try write(UnsafeRawBufferPointer(buffer), to: path, mode: mode, durable: durable)
            }
        }
        try result.get()
    }

    /// Whether the regular file at `path` holds exactly `bytes`: what a writer that does not know what it last wrote
    /// (a restarted daemon) asks before writing, so that unchanged files keep their modification time and cost a read
    /// instead of a write and two fsyncs.
    ///
    /// - Parameter durable: also flush the file and its directory when it matches, as `write` would have. The content
    ///   may be a non-durable write (a provisional digest) from before a crash of the process, still only in the
    ///   page cache; the caller is about to treat it as durably written. Flushing clean data costs little.
    /// - Returns: false for a missing file, a symlink, anything but a regular file, another length or other bytes.
    package static func holds(_ bytes: UnsafeRawBufferPointer, at path: FilePath, durable: Bool = true) -> Bool {
        let fd = path.withPlatformString { open($0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, FileSystem.Status(info).kind == .regular, Int(info.st_size) == bytes.count else {
            return false
        }
        // In pieces, so that comparing a large clusters file holds no second copy of it.
        let chunk = 1 << 16
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var compared = 0
        while compared < bytes.count {
            let count = retryingInterrupts { read(fd, buffer.baseAddress!, min(chunk, bytes.count - compared)) }
            guard count > 0, memcmp(buffer.baseAddress!, bytes.baseAddress! + compared, count) == 0 else { return false }
            compared += count
        }
        // One byte more would mean the file grew after fstat.
        var extra: UInt8 = 0
        guard retryingInterrupts({ read(fd, &extra, 1) }) == 0 else { return false }
        if durable {
            guard fsync(fd) == 0 else { return false }
            var directory = path
            directory.removeLastComponent()
            syncDirectory(directory)
        }
        return true
    }

    /// Removes the temporary files that writes interrupted by a crash or `kill -9` left in `directory`, and returns
    /// their names. A temporary belongs to the process named in it; one whose process still runs (another
    /// newsdigest writing the same folder) is left alone.
    @discardableResult
    package static func removeInterruptedWrites(in directory: FilePath) -> [String] {
        guard let entries = try? FileSystem.entries(of: directory) else { return [] }
        var removed: [String] = []
        for entry in entries where !entry.isDirectory {
            let name = entry.name.string
            let parts = name.split(separator: ".tmp-", omittingEmptySubsequences: false)
            guard name.hasPrefix("."), parts.count > 1, let owner = pid_t(parts[parts.count - 1]) else { continue }
            let ownerRuns = owner == getpid() || kill(owner, 0) == 0 || errno == EPERM
            if !ownerRuns, directory.appending(entry.name).withPlatformString({ unlink($0) }) == 0 {
                removed.append(name)
            }
        }
        return removed
    }

    /// `fsync(2)` on a directory, so that a rename or unlink in it is durable; failures are ignored because some
    /// filesystems refuse to fsync directories and the data itself is already safe.
    package static func syncDirectory(_ directory: FilePath) {
        let fd = directory.withPlatformString { open($0, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}
