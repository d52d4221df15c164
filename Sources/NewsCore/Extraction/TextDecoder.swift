/// Turns a file's bytes into text, whatever the common encoding it was saved in.
package enum TextDecoder {
    /// Which encoding the bytes were read as.
    package enum Encoding: String, Sendable {
        case utf8, utf16LittleEndian, utf16BigEndian, windows1252
    }

    /// Decodes `bytes`: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 (a superset of Latin-1 for
    /// printable text). Malformed sequences become U+FFFD rather than failing.
    ///
    /// - Throws: `ExtractionError.emptyDocument` or `.binaryContent`.
    package static func decode(_ bytes: [UInt8]) throws(ExtractionError) -> (text: String, encoding: Encoding) {
        if bytes.isEmpty { throw .emptyDocument }
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
            return (decodeUTF16(bytes.dropFirst(2), bigEndian: false), .utf16LittleEndian)
        }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
            return (decodeUTF16(bytes.dropFirst(2), bigEndian: true), .utf16BigEndian)
        }
        var body = bytes[...]
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            body = bytes.dropFirst(3)
        }
        if looksBinary(body) { throw .binaryContent }
        if isValidUTF8(body) {
            return (String(decoding: body, as: UTF8.self), .utf8)
        }
        // Mostly-UTF-8 files with a few bad bytes are far more common than legacy files with a few accidental
        // multi-byte sequences; replacing the bad bytes keeps the other characters right.
        if utf8ErrorRatio(body) < 0.01 {
            return (String(decoding: body, as: UTF8.self), .utf8)
        }
        var scalars = String.UnicodeScalarView()
        for byte in body { scalars.append(windows1252Scalar(byte)) }
        return (String(scalars), .windows1252)
    }

    static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
        var controls = 0
        for byte in bytes.prefix(8192) {
            if byte == 0 { return true }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
        }
        return controls * 20 > min(bytes.count, 8192)
    }

    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    static func utf8ErrorRatio(_ bytes: ArraySlice<UInt8>) -> Double {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var errors = 0
        var scalars = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: scalars += 1
            case .emptyInput: break loop
            case .error: errors += 1
            }
        }
        return Double(errors) / Double(max(1, scalars + errors))
    }

    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// The 0x80–0x9F range differs from Latin-1: Windows-1252 puts curly quotes, dashes and the euro sign there.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte <= 0x9F {
            return Unicode.Scalar(windows1252High[Int(byte) - 0x80])!
        }
        return Unicode.Scalar(byte)
    }
}
