import CIconv

/// Converts text in a named charset (a MIME `charset=` parameter, an RFC 2047 encoded-word) to a Swift string.
///
/// UTF-8, US-ASCII, ISO-8859-1 and Windows-1252 are decoded in Swift; every other charset glibc knows (ISO-8859-2,
/// KOI8-R, Shift_JIS, GB2312, Big5, EUC-KR, ISO-2022-JP, UTF-16, …) goes through `iconv(3)` on the bytes in memory.
/// Bytes that are invalid in their charset become U+FFFD; only an unknown charset fails.
///
/// ```swift
/// CharsetConverter.decode([0xC1, 0xD2, 0xD5], charset: "KOI8-R")  // "бру"
/// CharsetConverter.decode([0x41], charset: "x-no-such-charset")  // nil
/// ```
package enum CharsetConverter {
    /// The text `bytes` hold in `charset` (matched case-insensitively, quotes and spaces around it ignored).
    ///
    /// - Returns: The decoded text, with U+FFFD for malformed sequences, or `nil` when the charset is unknown.
    package static func decode(_ bytes: [UInt8], charset: String) -> String? {
        let name = normalizedName(charset)
        switch name {
        case "utf-8", "utf8", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "":
            // Mail labelled ASCII or UTF-8 is often really Latin-1 or Windows-1252 (a client that lied, a list
            // footer in another charset); the file-level heuristic reads those bytes better than U+FFFD would.
            return lenientUTF8(bytes)
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "windows-1252", "cp1252",
            "x-cp1252":
            // WHATWG maps ISO-8859-1 to Windows-1252 too: real "Latin-1" text uses 0x80–0x9F for curly quotes and
            // dashes, never for the C1 control characters ISO-8859-1 puts there.
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(TextDecoder.windows1252Scalar(byte)) }
            return String(scalars)
        default:
            guard isPlausibleName(name) else { return nil }
            return iconvDecode(bytes, from: name)
        }
    }

    /// Decodes bytes expected to be UTF-8: valid or nearly valid UTF-8 as such, anything else as Windows-1252.
    static func lenientUTF8(_ bytes: [UInt8]) -> String {
        let slice = bytes[...]
        if TextDecoder.isValidUTF8(slice) || TextDecoder.utf8ErrorRatio(slice) < 0.01 {
            return String(decoding: bytes, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(TextDecoder.windows1252Scalar(byte)) }
        return String(scalars)
    }

    static func normalizedName(_ charset: String) -> String {
        var name = charset.trimmingWhitespace()
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
            name = String(name.dropFirst().dropLast()).trimmingWhitespace()
        }
        return name.lowercased()
    }

    /// Charset names are short tokens; anything else never reaches `iconv_open`, whose `//TRANSLIT`-style suffixes
    /// and odd names a hostile mail could otherwise choose.
    static func isPlausibleName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 40
            && name.utf8.allSatisfy { byte in
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
                    || byte == 0x2E || byte == 0x3A
            }
    }

    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Converts with `iconv(3)`. Corresponds to `iconv_open`, `iconv` and `iconv_close`.
    static func iconvDecode(_ bytes: [UInt8], from charset: String) -> String? {
        let converter = iconv_open("UTF-8", charset)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }

        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var chunk = [UInt8](repeating: 0, count: 4096)
        var input = bytes
        input.withUnsafeMutableBufferPointer { inputBuffer in
            chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                let chunkStart = UnsafeMutableRawPointer(chunkBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                func drain(_ outLeft: Int) {
                    output.append(contentsOf: chunkBuffer.prefix(chunkBuffer.count - outLeft))
                }

                var inPointer = inputBuffer.baseAddress.map {
                    UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self)
                }
                var inLeft = inputBuffer.count
                while inLeft > 0 {
                    var outPointer: UnsafeMutablePointer<CChar>? = chunkStart
                    var outLeft = chunkBuffer.count
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    let error = result == -1 ? CIconv_errno() : 0
                    drain(outLeft)
                    guard result == -1 else { continue }
                    switch error {
                    case E2BIG:
                        continue
                    case EILSEQ:
                        // An invalid byte: mark it and resynchronise on the next one, as a browser would.
                        output += replacementCharacter
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                    default:
                        // EINVAL: the input ends inside a multi-byte sequence (a truncated part).
                        output += replacementCharacter
                        inLeft = 0
                    }
                }
                // A call without input writes a stateful encoding's closing shift sequence (ISO-2022-JP).
                while true {
                    var outPointer: UnsafeMutablePointer<CChar>? = chunkStart
                    var outLeft = chunkBuffer.count
                    let result = iconv(converter, nil, nil, &outPointer, &outLeft)
                    let error = result == -1 ? CIconv_errno() : 0
                    drain(outLeft)
                    if result != -1 || error != E2BIG { break }
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
