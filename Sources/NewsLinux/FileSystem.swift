#if canImport(Glibc)
import Glibc
#endif
import CInotify
import SystemPackage

/// The file operations the daemon needs, each one a thin wrapper over its system call.
package enum FileSystem {
    /// What `lstat` says about a path.
    package struct Status: Sendable, Equatable {
        package enum Kind: Sendable, Equatable { case regular, directory, symlink, other }
        package var kind: Kind
        package var size: Int64
        package var modificationNanoseconds: Int64
        package var device: UInt64
        package var inode: UInt64
    }

    /// `lstat(2)`: never follows a symlink. Returns nil when the path does not exist.
    package static func status(_ path: FilePath) throws(LinuxError) -> Status? {
        var info = stat()
        let result = path.withPlatformString { lstat($0, &info) }
        if result != 0 {
            if Glibc.errno == ENOENT || Glibc.errno == ENOTDIR { return nil }
            throw LinuxError.current("cannot inspect '\(path)'", syscall: "lstat")
        }
        return Status(info)
    }

    /// The running executable's inode, size and modification time: another build or installation of the program
    /// has another identity. Nil when `/proc` is not mounted.
    package static func executableIdentity() -> String? {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        return "\(info.st_ino)-\(info.st_size)-\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// `rename(2)`: atomic within one filesystem. Returns false when the source vanished (someone else claimed it).
    package static func rename(_ source: FilePath, to destination: FilePath) throws(LinuxError) -> Bool {
        let result = source.withPlatformString { src in
            destination.withPlatformString { dst in Glibc.rename(src, dst) }
        }
        if result == 0 { return true }
        if Glibc.errno == ENOENT && (try? status(source)) == nil { return false }
        throw LinuxError.current("cannot move '\(source)' to '\(destination)'", syscall: "rename")
    }

    /// `mkdir -p`, with `mode` for the folders it creates.
    package static func createDirectories(_ path: FilePath, mode: mode_t = 0o755) throws(LinuxError) {
        if let existing = try status(path) {
            if existing.kind == .directory { return }
            throw LinuxError("'\(path)' exists and is not a directory", syscall: "mkdir", errno: .fileExists)
        }
        var parent = path
        parent.removeLastComponent()
        if !parent.isEmpty && parent != path { try createDirectories(parent, mode: mode) }
        let result = path.withPlatformString { mkdir($0, mode) }
        if result != 0 && Glibc.errno != EEXIST {
            throw LinuxError.current("cannot create the directory '\(path)'", syscall: "mkdir")
        }
    }

    /// `unlink(2)`; a missing file is not an error.
    package static func remove(_ path: FilePath) throws(LinuxError) {
        let result = path.withPlatformString { unlink($0) }
        if result != 0 && Glibc.errno != ENOENT {
            throw LinuxError.current("cannot remove '\(path)'", syscall: "unlink")
        }
    }

    /// Why `readRegularFile` refused a file.
    package enum ReadRefusal: Error, Sendable, Equatable {
        case notRegularFile(kind: String)
        case tooLarge(size: Int64, limit: Int64)
        case vanished
    }

    /// Reads a whole regular file, refusing symlinks (`O_NOFOLLOW`), anything that is not a regular file, and files
    /// larger than `limit` bytes.
    ///
    /// - Throws: `ReadRefusal` for files it will not read, `LinuxError` when a call fails.
    package static func readRegularFile(_ path: FilePath, limit: Int64) throws -> [UInt8] {
        // O_NONBLOCK keeps open() from hanging on a FIFO someone dropped in; fstat then refuses it.
        let fd = path.withPlatformString { open($0, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC) }
        if fd < 0 {
            switch Glibc.errno {
            case ELOOP: throw ReadRefusal.notRegularFile(kind: "a symbolic link")
            case ENOENT: throw ReadRefusal.vanished
            case ENXIO: throw ReadRefusal.notRegularFile(kind: "a socket or device")
            default: throw LinuxError.current("cannot open '\(path)'", syscall: "open")
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LinuxError.current("cannot inspect '\(path)'", syscall: "fstat") }
        let status = Status(info)
        guard status.kind == .regular else {
            throw ReadRefusal.notRegularFile(kind: status.kind == .directory ? "a directory" : "a special file")
        }
        guard status.size <= limit else { throw ReadRefusal.tooLarge(size: status.size, limit: limit) }
        var bytes = [UInt8](repeating: 0, count: Int(status.size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count {
                // The file grew after fstat; keep reading up to the limit so we never read past it.
                guard Int64(bytes.count) <= limit else {
                    throw ReadRefusal.tooLarge(size: Int64(bytes.count), limit: limit)
                }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count / 2)))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                retryingInterrupts { read(fd, buffer.baseAddress! + filled, buffer.count - filled) }
            }
            if count < 0 { throw LinuxError.current("cannot read '\(path)'", syscall: "read") }
            if count == 0 { break }
            filled += count
        }
        guard Int64(filled) <= limit else { throw ReadRefusal.tooLarge(size: Int64(filled), limit: limit) }
        bytes.removeSubrange(filled...)
        return bytes
    }

    /// One entry of a directory listing, with its raw name bytes.
    package struct Entry: Sendable {
        package var name: FilePath.Component
        package var isDirectory: Bool
    }

    /// `opendir`/`readdir`: the entries of `directory` except `.` and `..`, in name order.
    package static func entries(of directory: FilePath) throws(LinuxError) -> [Entry] {
        guard let handle = directory.withPlatformString({ opendir($0) }) else {
            throw LinuxError.current("cannot list '\(directory)'", syscall: "opendir")
        }
        defer { closedir(handle) }
        var result: [Entry] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: 256) { String(platformString: $0) }
            }
            guard name != "." && name != ".." else { continue }
            let component = withUnsafePointer(to: entry.pointee.d_name) { tuple in
                tuple.withMemoryRebound(to: CChar.self, capacity: 256) { FilePath.Component(platformString: $0) }
            }
            guard let component else { continue }
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                isDirectory = (try? status(directory.appending(component)))??.kind == .directory
            }
            result.append(Entry(name: component, isDirectory: isDirectory))
        }
        return result.sorted { $0.name.string < $1.name.string }
    }

    /// `statfs(2)`'s filesystem magic for `path`.
    package static func filesystemType(_ path: FilePath) throws(LinuxError) -> Int {
        var magic = 0
        let result = path.withPlatformString { CInotify_filesystem_magic($0, &magic) }
        if result != 0 { throw LinuxError.current("cannot inspect the filesystem of '\(path)'", syscall: "statfs") }
        return magic
    }

    /// The name of a network or user-space filesystem type that inotify cannot see changes on, or nil.
    package static func networkFilesystemName(magic: Int) -> String? {
        switch UInt32(truncatingIfNeeded: magic) {
        case 0x6969: return "NFS"
        case 0xFF53_4D42: return "CIFS"
        case 0xFE53_4D42: return "SMB2"
        case 0x517B: return "SMB"
        case 0x6573_5546: return "FUSE"
        default: return nil
        }
    }

    /// Reads a small text file such as a `/proc/sys` value; nil when it cannot be read.
    package static func readSmallText(_ path: FilePath) -> String? {
        // One read from offset 0: /proc/sys handlers return end-of-file for reads that start past 0, so a read
        // loop that grows its buffer would see only the first bytes.
        let fd = path.withPlatformString { open($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { raw in retryingInterrupts { read(fd, raw.baseAddress!, raw.count) } }
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count], as: UTF8.self)
    }
}

extension FileSystem.Status {
    init(_ info: stat) {
        let type = info.st_mode & S_IFMT
        switch type {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symlink
        default: kind = .other
        }
        size = Int64(info.st_size)
        modificationNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
