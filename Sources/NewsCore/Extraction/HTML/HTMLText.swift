/// Byte-level helpers for the text of HTML pages, which arrives from libxml2 as UTF-8.
package enum HTMLText {
    /// `bytes` as a string with every run of white space (ASCII, no-break and Unicode spaces) made one space,
    /// invisible characters (zero-width space, soft hyphen, BOM) removed, and both ends trimmed.
    package static func collapsingWhitespace(_ bytes: ArraySlice<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let byte = bytes[i]
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = true
                i += 1
                continue
            }
            if byte >= 0xC2 {
                let width = spaceWidth(bytes, at: i)
                if width > 0 {
                    pendingSpace = true
                    i += width
                    continue
                }
                let invisible = invisibleWidth(bytes, at: i)
                if invisible > 0 {
                    i += invisible
                    continue
                }
            }
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(byte)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The byte length of a Unicode space character at `i` (no-break space, en/em spaces, ideographic space), or 0.
    @inline(__always)
    static func spaceWidth(_ bytes: ArraySlice<UInt8>, at i: Int) -> Int {
        let byte = bytes[i]
        if byte == 0xC2, i + 1 < bytes.endIndex, bytes[i + 1] == 0xA0 { return 2 }
        guard i + 2 < bytes.endIndex else { return 0 }
        let b1 = bytes[i + 1]
        let b2 = bytes[i + 2]
        if byte == 0xE2 && b1 == 0x80 && (b2 <= 0x8A || b2 == 0xAF || b2 == 0xA8 || b2 == 0xA9) { return 3 }
        if byte == 0xE2 && b1 == 0x81 && b2 == 0x9F { return 3 }
        if byte == 0xE3 && b1 == 0x80 && b2 == 0x80 { return 3 }
        return 0
    }

    /// The byte length of a character that takes no room at `i` (soft hyphen, zero-width space, BOM), or 0.
    @inline(__always)
    static func invisibleWidth(_ bytes: ArraySlice<UInt8>, at i: Int) -> Int {
        let byte = bytes[i]
        if byte == 0xC2, i + 1 < bytes.endIndex, bytes[i + 1] == 0xAD { return 2 }
        guard i + 2 < bytes.endIndex else { return 0 }
        let b1 = bytes[i + 1]
        let b2 = bytes[i + 2]
        if byte == 0xE2 && b1 == 0x80 && (b2 == 0x8B || b2 == 0x8E || b2 == 0x8F) { return 3 }
        if byte == 0xE2 && b1 == 0x81 && b2 == 0xA0 { return 3 }
        if byte == 0xEF && b1 == 0xBB && b2 == 0xBF { return 3 }
        return 0
    }

    /// Whether `bytes` are well-formed UTF-8.
    package static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        // The standard library validates with wide loads; a copy of a page costs far less than a byte loop.
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// The ASCII lower-case form of a byte.
    @inline(__always)
    package static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }

    /// Whether `haystack` contains `needle` (already lower-case ASCII), ignoring ASCII case.
    package static func containsIgnoringCase(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    /// The first index where `needle` (lower-case ASCII) occurs in `haystack`, ignoring ASCII case.
    package static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        // A first byte that is no letter (`<`, `"`) has one case, so candidates are found by plain comparison.
        let firstIsLetter = first >= 97 && first <= 122
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            let byte = haystack[i]
            if byte == first || (firstIsLetter && lower(byte) == first) {
                var k = 1
                while k < needle.count && lower(haystack[i + k]) == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
