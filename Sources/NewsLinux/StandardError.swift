#if canImport(Glibc)
import Glibc
#endif

/// Writes to file descriptor 2 directly; the C `stderr` stream is global mutable state Swift 6 will not touch.
package enum StandardError {
    /// Writes all of `text`, retrying short writes and EINTR.
    package static func write(_ text: String) {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                retryingInterrupts { Glibc.write(STDERR_FILENO, raw.baseAddress! + written, raw.count - written) }
            }
            if count <= 0 { return }
            written += count
        }
    }

    /// True when standard error is a terminal.
    package static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
