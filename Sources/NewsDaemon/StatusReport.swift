import Foundation
import NewsCore
import NewsLinux
import NewsStore
import SystemPackage

#if canImport(Glibc)
import Glibc
#endif

/// What `newsdigest status` shows: the running daemon's own report plus the ledger's counters.
package struct StatusReport {
    package var settings: Settings
    /// The daemon's `status.json`, when it has written one.
    package var live: [String: Any]?
    package var running: Bool
    package var counters: NewsStore.Counters?
    package var recent: [FileRecord]

    package static func read(settings: Settings) throws -> StatusReport {
        let statusPath = settings.stateDirectory + "/status.json"
        var live: [String: Any]?
        if let data = FileManager.default.contents(atPath: statusPath) {
            live = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        }
        var running = false
        if let pid = live?["pid"] as? Int, live?["status"] as? String != "stopped" {
            running = kill(pid_t(pid), 0) == 0 || errno == EPERM
        }
        let store = try NewsStore.openForReading(path: settings.stateDirectory + "/newsdigest.sqlite")
        return StatusReport(
            settings: settings, live: live, running: running, counters: try store?.counters(),
            recent: (try store?.recentFiles(limit: 5)) ?? [])
    }

    package var text: String {
        var out = ""
        if running, let live {
            out += "newsdigest is running (pid \(live["pid"] ?? "?"), since \(live["started"] ?? "?"))\n"
            out += "  \(live["status"] ?? "")\n"
            out += "  mode: \(live["mode"] ?? "?"), queued: \(live["queued"] ?? 0), in flight: \(live["in_flight"] ?? 0), "
            out += "settling: \(live["settling"] ?? 0)\n"
        } else {
            out += "newsdigest is not running (state in \(settings.stateDirectory))\n"
        }
        if let counters {
            out += "  ledger: \(counters.files) files: \(counters.articles) articles, \(counters.duplicates) duplicates, "
            out += "\(counters.failed) failed; \(counters.stories) stories\n"
        } else {
            out += "  no state database yet\n"
        }
        out += "  inbox: \(settings.inbox)\n  output: \(settings.output)\n  failed: \(settings.failedPath)\n"
        if !recent.isEmpty {
            out += "  recent files:\n"
            for record in recent {
                out += "    \(record.status.rawValue): \(record.relativePath)"
                if let error = record.error { out += " (\(error))" }
                out += "\n"
            }
        }
        return out
    }

    package var json: String {
        var pairs: [(String, JSONValue)] = [("running", .bool(running))]
        if let live {
            for key in live.keys.sorted() {
                switch live[key] {
                case let value as String: pairs.append((key, .string(value)))
                case let value as Int: pairs.append((key, .int(value)))
                default: break
                }
            }
        }
        if let counters {
            pairs.append(("files", .int(counters.files)))
            pairs.append(("articles", .int(counters.articles)))
            pairs.append(("duplicates", .int(counters.duplicates)))
            pairs.append(("failed", .int(counters.failed)))
            pairs.append(("stories", .int(counters.stories)))
        }
        return JSONValue.object(pairs).pretty
    }
}
