#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// A failed system call: which call, on what, and the errno it returned.
package struct LinuxError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, in words an operator can act on, with paths in single quotes.
    package var message: String
    /// The system call that failed (`inotify_add_watch`).
    package var syscall: String
    package var errno: Errno?

    package init(_ message: String, syscall: String, errno: Errno? = nil) {
        self.message = message
        self.syscall = syscall
        self.errno = errno
    }

    /// An error for the current `errno`.
    package static func current(_ message: String, syscall: String) -> LinuxError {
        LinuxError(message, syscall: syscall, errno: Errno(rawValue: Glibc.errno))
    }

    package var description: String {
        guard let errno else { return message }
        return "\(message): \(String(cString: strerror(errno.rawValue))) (\(syscall))"
    }
}

/// Calls `body` again while it fails with EINTR.
@inline(__always)
func retryingInterrupts<T: BinaryInteger>(_ body: () -> T) -> T {
    while true {
        let result = body()
        if result == -1 && Glibc.errno == EINTR { continue }
        return result
    }
}
