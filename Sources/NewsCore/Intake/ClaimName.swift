/// The name a claimed file carries in the processing area.
///
/// It holds the file's path relative to the inbox, so that after a crash the daemon can tell from the processing
/// area alone where each file came from: `<token>~<percent-encoded relative path>`. Any byte that is not a safe
/// printable ASCII character is encoded, so names with newlines or invalid UTF-8 survive the round trip.
package struct ClaimName: Hashable, Sendable {
    /// A token unique to this claim (the daemon uses time and a counter).
    package var token: String
    /// The path below the inbox, as raw bytes (`reuters/x.txt`).
    package var relativePath: [UInt8]

    package init(token: String, relativePath: [UInt8]) {
        self.token = token
        self.relativePath = relativePath
    }

    /// Parses a name written by `encoded`; nil for anything else.
    package init?(encoded name: String) {
        guard let tilde = name.firstIndex(of: "~") else { return nil }
        let token = String(name[..<tilde])
        guard !token.isEmpty, token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return nil }
        var bytes: [UInt8] = []
        var utf8 = Array(name[name.index(after: tilde)...].utf8)[...]
        while let byte = utf8.first {
            utf8 = utf8.dropFirst()
            if byte == UInt8(ascii: "%") {
                guard utf8.count >= 2, let high = Self.hexValue(utf8[utf8.startIndex]),
                    let low = Self.hexValue(utf8[utf8.startIndex + 1])
                else { return nil }
                bytes.append(high << 4 | low)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        guard !bytes.isEmpty else { return nil }
        self.token = token
        self.relativePath = bytes
    }

    /// The name to give the file in the processing area.
    package var encoded: String {
        var out = token + "~"
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        // Valid UTF-8 beyond ASCII stays as it is, so names in other scripts keep their length; invalid bytes are
        // encoded so the name is always valid UTF-8.
        let keepNonASCII = TextDecoder.isValidUTF8(relativePath[...])
        for byte in relativePath {
            let safe =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: " ") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: "+")
                || (byte >= 0x80 && keepNonASCII)
            if safe {
                bytes.append(byte)
            } else {
                bytes += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        out += String(decoding: bytes, as: UTF8.self)
        return out
    }

    /// The file's own name (last path component), readable: invalid UTF-8 becomes U+FFFD.
    package var fileName: String {
        let last = relativePath.split(separator: UInt8(ascii: "/")).last.map(Array.init) ?? relativePath
        return String(decoding: last, as: UTF8.self)
    }

    /// The first folder below the inbox, which labels the outlet (`reuters/x.txt` → `reuters`).
    package var folderLabel: String? {
        let parts = relativePath.split(separator: UInt8(ascii: "/"))
        guard parts.count > 1 else { return nil }
        return String(decoding: parts[0], as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}
