import CSystemd
#if canImport(Glibc)
import Glibc
#endif
import Logging

/// A swift-log handler that writes native journal entries with structured fields when stderr is connected to
/// journald, and plain lines on stderr otherwise.
///
/// Metadata keys become journal fields: `message.id` → `MESSAGE_ID`, any other key `k.x` → `NEWSDIGEST_K_X`
/// (upper case, non-alphanumerics as `_`), because journald silently drops lower-case field names.
package struct JournalLogHandler: LogHandler {
    /// Where log lines go.
    package enum Destination: Sendable {
        case journal
        case standardError
    }

    package var metadata: Logger.Metadata = [:]
    package var metadataProvider: Logger.MetadataProvider?
    package var logLevel: Logger.Level
    package let label: String
    package let destination: Destination

    package init(label: String, level: Logger.Level = .info, destination: Destination = Self.detectDestination()) {
        self.label = label
        self.logLevel = level
        self.destination = destination
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// `.journal` when `$JOURNAL_STREAM` names the device and inode of our stderr, as `systemd.exec(5)` advises;
    /// merely checking that the variable is set is not enough, because a parent may have redirected stderr.
    package static func detectDestination() -> Destination {
        guard let value = getenv("JOURNAL_STREAM").map({ String(cString: $0) }) else { return .standardError }
        let parts = value.split(separator: ":")
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else {
            return .standardError
        }
        var info = stat()
        guard fstat(STDERR_FILENO, &info) == 0 else { return .standardError }
        return UInt64(info.st_dev) == device && UInt64(info.st_ino) == inode ? .journal : .standardError
    }

    package func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        switch destination {
        case .journal:
            sendToJournal(event, merged)
        case .standardError:
            writeLine(event, merged)
        }
    }

    /// The journal field name for a metadata key.
    package static func fieldName(for key: String) -> String {
        if key == "message.id" { return "MESSAGE_ID" }
        var name = "NEWSDIGEST_"
        for scalar in key.unicodeScalars {
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                name.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value)).uppercased)
            } else {
                name += "_"
            }
        }
        return String(name.prefix(64))
    }

    /// syslog priority for a swift-log level.
    package static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: return 7
        case .info: return 6
        case .notice: return 5
        case .warning: return 4
        case .error: return 3
        case .critical: return 2
        }
    }

    private func sendToJournal(_ event: LogEvent, _ metadata: Logger.Metadata) {
        var fields = [
            "MESSAGE=\(event.message)", "PRIORITY=\(Self.priority(event.level))", "SYSLOG_IDENTIFIER=newsdigest",
            "CODE_FILE=\(event.file)", "CODE_LINE=\(event.line)", "CODE_FUNC=\(event.function)",
            "NEWSDIGEST_LOGGER=\(label)",
        ]
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
            fields.append("\(Self.fieldName(for: key))=\(value)")
        }
        // sd_journal_sendv copies nothing; keep each field's bytes alive until it returns.
        var storage = fields.map { Array($0.utf8) }
        var vectors: [iovec] = []
        vectors.reserveCapacity(storage.count)
        for index in storage.indices {
            storage[index].withUnsafeMutableBytes { raw in
                vectors.append(iovec(iov_base: raw.baseAddress, iov_len: raw.count))
            }
        }
        let result = storage.withUnsafeMutableBufferPointer { _ in
            vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
        }
        if result < 0 { writeLine(event, metadata) }
    }

    private func writeLine(_ event: LogEvent, _ metadata: Logger.Metadata) {
        var line = "\(event.level) \(label): \(event.message)"
        for (key, value) in metadata.sorted(by: { $0.key < $1.key }) where key != "message.id" {
            line += " \(key)=\(Self.quoted("\(value)"))"
        }
        line += "\n"
        StandardError.write(line)
    }

    static func quoted(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "\n" })
        guard needsQuotes else { return value }
        var escaped = "\""
        for character in value {
            switch character {
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\\": escaped += "\\\\"
            default: escaped.append(character)
            }
        }
        return escaped + "\""
    }
}

extension Unicode.Scalar {
    fileprivate var uppercased: Unicode.Scalar {
        ("a"..."z").contains(self) ? Unicode.Scalar(value - 32)! : self
    }
}
