import CSystemd
#if canImport(Glibc)
import Glibc
#endif

/// Tells systemd about the daemon's state through `sd_notify(3)`; does nothing outside systemd.
package struct SystemdNotifier: Sendable {
    package init() {}

    /// `READY=1`: startup (or a reload) is complete.
    package func ready(status: String? = nil) { send(["READY=1"] + statusField(status)) }

    /// `RELOADING=1` with the `MONOTONIC_USEC=` that systemd 253+ requires (252 ignores it).
    package func reloading() {
        send(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"])
    }

    /// `STOPPING=1`.
    package func stopping(status: String? = nil) { send(["STOPPING=1"] + statusField(status)) }

    /// `STATUS=…`: the one line `systemctl status` shows.
    package func status(_ text: String) { send(statusField(text)) }

    /// `WATCHDOG=1`: the daemon is alive and making progress.
    package func watchdog() { send(["WATCHDOG=1"]) }

    /// The watchdog interval systemd asked for (`WATCHDOG_USEC`), in microseconds, or nil when none.
    /// Corresponds to `sd_watchdog_enabled(3)`.
    package func watchdogMicroseconds() -> UInt64? {
        var usec: UInt64 = 0
        return sd_watchdog_enabled(0, &usec) > 0 ? usec : nil
    }

    /// True when started by systemd with a notification socket.
    package var isSupervised: Bool { getenv("NOTIFY_SOCKET") != nil }

    private func statusField(_ text: String?) -> [String] {
        guard let text else { return [] }
        return ["STATUS=" + text.replacingNewlines()]
    }

    private func send(_ fields: [String]) {
        guard !fields.isEmpty else { return }
        _ = sd_notify(0, fields.joined(separator: "\n"))
    }

    /// `CLOCK_MONOTONIC` in microseconds.
    package static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1000
    }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        String(self.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
