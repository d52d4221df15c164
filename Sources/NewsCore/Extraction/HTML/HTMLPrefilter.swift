/// Rewrites page bytes before libxml2 parses them: empties `<script>` and `<style>` elements (keeping JSON scripts,
/// which hold JSON-LD) and drops the attributes of tags that have absurdly many.
///
/// Half the bytes of a typical news page are inline code that is never text; libxml2 reads it character by
/// character and copies it into the tree, so dropping it first saves a good part of the parse. libxml2 also checks
/// each attribute against all earlier ones on the same tag, which makes a tag with 50,000 attributes take seconds;
/// no real tag has more than a few dozen. The tags themselves stay, so the tree keeps its shape.
enum HTMLPrefilter {
    /// The most attributes a tag may keep.
    static let attributeLimit = 256

    /// `bytes` with script and style content removed and over-long attribute lists cut. Comments are skipped over
    /// whole, so markup written inside a comment is left alone.
    static func filter(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var copied = 0
        var i = 0
        let count = bytes.count
        func flush(upTo end: Int) {
            if out.isEmpty { out.reserveCapacity(bytes.count) }
            out.append(contentsOf: bytes[copied..<end])
        }
        while i < count {
            guard bytes[i] == UInt8(ascii: "<"), i + 1 < count else {
                i += 1
                continue
            }
            if matches(bytes, at: i + 1, "!--") {
                i = find(Array("-->".utf8), in: bytes, from: i + 4).map { $0 + 3 } ?? count
                continue
            }
            guard isLetter(bytes[i + 1]) else {
                i += 1
                continue
            }
            var nameEnd = i + 1
            while nameEnd < count, isLetter(bytes[nameEnd]) || isDigit(bytes[nameEnd]) { nameEnd += 1 }
            let (tagEnd, attributes) = scanTag(bytes, from: nameEnd)
            if attributes > attributeLimit {
                flush(upTo: nameEnd)
                out.append(UInt8(ascii: ">"))
                copied = min(tagEnd + 1, count)
            }
            let isScript = nameEnd - i == 7 && matches(bytes, at: i + 1, "script")
            let isStyle = nameEnd - i == 6 && matches(bytes, at: i + 1, "style")
            guard (isScript || isStyle) && tagEnd < count else {
                i = max(i + 1, tagEnd)
                continue
            }
            let contentStart = tagEnd + 1
            let closing = Array((isScript ? "</script" : "</style").utf8)
            let contentEnd = find(closing, in: bytes, from: contentStart) ?? count
            let keep = isScript && HTMLText.containsIgnoringCase(bytes[nameEnd..<tagEnd], Array("json".utf8))
            if !keep && contentEnd > contentStart && copied <= contentStart {
                flush(upTo: contentStart)
                copied = contentEnd
            }
            i = contentEnd
        }
        if copied == 0 && out.isEmpty { return bytes }
        flush(upTo: count)
        return out
    }

    /// The index of the `>` that ends a tag whose name ends at `start`, and how many attributes (`=` signs) it
    /// has. As in the HTML tokenizer, a quote opens a value only right after `=`; a stray quote is an ordinary
    /// character (`<script src="a.js" " type="text/javascript">` ends at its `>`).
    private static func scanTag(_ bytes: [UInt8], from start: Int) -> (end: Int, attributes: Int) {
        var i = start
        var attributes = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            if byte == UInt8(ascii: ">") { return (i, attributes) }
            i += 1
            guard byte == UInt8(ascii: "=") else { continue }
            attributes += 1
            while i < count && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D) {
                i += 1
            }
            guard i < count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { continue }
            let quote = bytes[i]
            i += 1
            while i < count && bytes[i] != quote { i += 1 }
            i += 1
        }
        return (count, attributes)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Whether `bytes` hold `word` (lower-case ASCII) at `index`, ignoring case.
    private static func matches(_ bytes: [UInt8], at index: Int, _ word: StaticString) -> Bool {
        let length = word.utf8CodeUnitCount
        guard index + length <= bytes.count else { return false }
        return word.withUTF8Buffer { expected in
            (0..<length).allSatisfy { HTMLText.lower(bytes[index + $0]) == expected[$0] }
        }
    }

    /// The index of `needle` (lower-case ASCII) in `bytes` from `start`, ignoring case.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return HTMLText.firstIndex(of: needle, in: bytes[start...])
    }
}
