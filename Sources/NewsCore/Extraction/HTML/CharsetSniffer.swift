/// Picks the charset to decode an HTML page with: its byte order mark, else the charset its `<meta>` tags or XML
/// declaration state, else UTF-8 when the bytes are valid UTF-8 and Windows-1252 when they are not.
///
/// Declarations are checked against the bytes, because pages often lie in one direction: a page labelled Latin-1
/// whose bytes are valid UTF-8 with non-ASCII text is UTF-8 (a template that kept an old header), and a page
/// labelled UTF-8 that is not valid UTF-8 at all is Windows-1252.
package enum CharsetSniffer {
    /// How far into the page the sniffer looks for a declaration; browsers look at the first 1,024 bytes, but
    /// real pages put long scripts before their `<meta>`.
    static let window = 32 * 1024

    /// The charset name to hand libxml2 (an iconv name such as `UTF-8`, `windows-1252`, `Shift_JIS`).
    package static func encoding(of bytes: [UInt8]) -> String {
        encoding(of: bytes, validUTF8: HTMLText.isValidUTF8(bytes[...]))
    }

    /// The charset name, when the caller has already checked whether `bytes` are valid UTF-8.
    package static func encoding(of bytes: [UInt8], validUTF8: Bool) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        let declared = declaredCharset(bytes[..<min(bytes.count, window)]).map(normalize)
        switch declared {
        case "UTF-8"?:
            if validUTF8 || mostlyUTF8(bytes) { return "UTF-8" }
            return "windows-1252"
        case let name?:
            // Valid UTF-8 with non-ASCII letters is practically never text in another charset by accident.
            if hasMultibyteUTF8(bytes) && validUTF8 { return "UTF-8" }
            // A UTF-16 label on a page that parsed as ASCII is wrong: the BOM would be there otherwise.
            if name.hasPrefix("UTF-16") || name.hasPrefix("utf-16") { return "windows-1252" }
            return name
        case nil:
            return validUTF8 || mostlyUTF8(bytes) ? "UTF-8" : "windows-1252"
        }
    }

    /// The charset named by `<meta charset>`, `<meta http-equiv content="…; charset=…">` or `<?xml encoding=…?>`.
    package static func declaredCharset(_ bytes: ArraySlice<UInt8>) -> String? {
        if bytes.starts(with: Array("<?xml".utf8)),
            let close = HTMLText.firstIndex(of: Array("?>".utf8), in: bytes),
            let name = value(after: Array("encoding".utf8), in: bytes[..<close])
        {
            return name
        }
        var rest = bytes
        while let start = HTMLText.firstIndex(of: Array("<meta".utf8), in: rest) {
            let tagEnd = rest[start...].firstIndex(of: UInt8(ascii: ">")) ?? rest.endIndex
            if let name = value(after: Array("charset".utf8), in: rest[start..<tagEnd]) { return name }
            rest = rest[tagEnd...]
        }
        return nil
    }

    /// The token after `key`, optional spaces, `=` and an optional quote.
    private static func value(after key: [UInt8], in bytes: ArraySlice<UInt8>) -> String? {
        var rest = bytes
        while let found = HTMLText.firstIndex(of: key, in: rest) {
            var i = found + key.count
            while i < rest.endIndex && (rest[i] == 0x20 || rest[i] == 0x09) { i += 1 }
            guard i < rest.endIndex, rest[i] == UInt8(ascii: "=") else {
                rest = rest[(found + key.count)...]
                continue
            }
            i += 1
            while i < rest.endIndex && (rest[i] == 0x20 || rest[i] == 0x09 || rest[i] == 0x22 || rest[i] == 0x27) {
                i += 1
            }
            let start = i
            while i < rest.endIndex, isNameByte(rest[i]) { i += 1 }
            guard i > start else { return nil }
            return String(decoding: rest[start..<i], as: UTF8.self)
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    /// A canonical name: Latin-1 and ASCII become `windows-1252` (as WHATWG decodes them), UTF-8 spellings
    /// `UTF-8`, and labels browsers accept but iconv does not become iconv's superset.
    static func normalize(_ name: String) -> String {
        let lower = name.lowercased()
        switch lower {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
            return "UTF-8"
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "windows-1252", "cp1252",
            "x-cp1252", "us-ascii", "ascii":
            return "windows-1252"
        case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "latin-9", "l9":
            return "ISO-8859-15"
        case "gb2312", "gbk", "x-gbk", "chinese", "csgb2312":
            return "GBK"
        case "x-sjis", "shift-jis", "sjis", "ms_kanji", "windows-31j":
            return "SHIFT_JIS"
        case "ks_c_5601-1987", "euc-kr", "windows-949":
            return "CP949"
        default:
            return name
        }
    }

    private static func hasMultibyteUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.contains { $0 >= 0xC2 && $0 <= 0xF4 }
    }

    /// UTF-8 with fewer than one bad sequence per hundred characters: a UTF-8 page with a stray Latin-1 byte.
    private static func mostlyUTF8(_ bytes: [UInt8]) -> Bool {
        TextDecoder.utf8ErrorRatio(bytes[...]) < 0.01
    }
}
