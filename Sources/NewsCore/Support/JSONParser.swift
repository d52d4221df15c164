/// Reads JSON text into a `JSONValue`, keeping object keys in document order.
///
/// It is lenient where pages in the wild are sloppy and the meaning is still clear: raw control characters
/// inside strings, a trailing comma before `]` or `}`, and non-finite or huge numbers (read as `Double`). Nesting
/// is capped at `maximumDepth` so hostile input cannot exhaust the stack.
///
/// ```swift
/// let value = JSONParser.parse(Array(#"{"headline": "Rates rise"}"#.utf8)[...])
/// ```
package enum JSONParser {
    /// How deeply arrays and objects may nest before the input is rejected.
    package static let maximumDepth = 512

    /// The value `bytes` hold, or nil when they are not one JSON value (surrounding whitespace is allowed).
    package static func parse(_ bytes: ArraySlice<UInt8>) -> JSONValue? {
        guard let (value, end) = parsePrefix(bytes) else { return nil }
        var reader = Reader(bytes: bytes, index: end)
        reader.skipWhitespace()
        return reader.index == bytes.endIndex ? value : nil
    }

    /// The first JSON value in `bytes` and the index just after it, or nil when `bytes` do not start with one
    /// (after whitespace). Useful when text follows the value, as in a `<script>` holding `{…};`.
    package static func parsePrefix(_ bytes: ArraySlice<UInt8>) -> (value: JSONValue, end: Int)? {
        var reader = Reader(bytes: bytes, index: bytes.startIndex)
        reader.skipWhitespace()
        guard let value = reader.value(depth: 0) else { return nil }
        return (value, reader.index)
    }

    private struct Reader {
        let bytes: ArraySlice<UInt8>
        var index: Int

        mutating func skipWhitespace() {
            while index < bytes.endIndex {
                switch bytes[index] {
                case 0x20, 0x09, 0x0A, 0x0D: index += 1
                default: return
                }
            }
        }

        mutating func value(depth: Int) -> JSONValue? {
            guard depth < JSONParser.maximumDepth, index < bytes.endIndex else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string().map(JSONValue.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return number()
            }
        }

        mutating func literal(_ word: StaticString, _ value: JSONValue) -> JSONValue? {
            let count = word.utf8CodeUnitCount
            guard bytes.endIndex - index >= count else { return nil }
            let matches = word.withUTF8Buffer { expected in
                expected.indices.allSatisfy { bytes[index + $0] == expected[$0] }
            }
            guard matches else { return nil }
            index += count
            return value
        }

        mutating func object(depth: Int) -> JSONValue? {
            index += 1
            var pairs: [(String, JSONValue)] = []
            while true {
                skipWhitespace()
                guard index < bytes.endIndex else { return nil }
                if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(pairs)
                }
                if !pairs.isEmpty {
                    guard bytes[index] == UInt8(ascii: ",") else { return nil }
                    index += 1
                    skipWhitespace()
                    // A trailing comma: `{"a": 1,}`.
                    if index < bytes.endIndex && bytes[index] == UInt8(ascii: "}") { continue }
                }
                guard index < bytes.endIndex, bytes[index] == UInt8(ascii: "\""), let key = string() else { return nil }
                skipWhitespace()
                guard index < bytes.endIndex, bytes[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                skipWhitespace()
                guard let member = value(depth: depth + 1) else { return nil }
                pairs.append((key, member))
            }
        }

        mutating func array(depth: Int) -> JSONValue? {
            index += 1
            var elements: [JSONValue] = []
            while true {
                skipWhitespace()
                guard index < bytes.endIndex else { return nil }
                if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(elements)
                }
                if !elements.isEmpty {
                    guard bytes[index] == UInt8(ascii: ",") else { return nil }
                    index += 1
                    skipWhitespace()
                    if index < bytes.endIndex && bytes[index] == UInt8(ascii: "]") { continue }
                }
                guard let element = value(depth: depth + 1) else { return nil }
                elements.append(element)
            }
        }

        /// Reads a string starting at its opening quote.
        mutating func string() -> String? {
            index += 1
            let start = index
            // Fast path: no escapes, the bytes are the string.
            while index < bytes.endIndex {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    let text = String(decoding: bytes[start..<index], as: UTF8.self)
                    index += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { break }
                index += 1
            }
            guard index < bytes.endIndex else { return nil }
            var out = Array(bytes[start..<index])
            while index < bytes.endIndex {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return String(decoding: out, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    index += 1
                    guard index < bytes.endIndex else { return nil }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        guard var scalar = hex4() else { return nil }
                        if (0xD800..<0xDC00).contains(scalar), index + 1 < bytes.endIndex,
                            bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                        {
                            let saved = index
                            index += 2
                            if let low = hex4(), (0xDC00..<0xE000).contains(low) {
                                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                index = saved
                            }
                        }
                        let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                        out.append(contentsOf: String(character).utf8)
                    default:
                        // `\"`, `\\`, `\/`, and unknown escapes, which lenient writers emit, stand for the character.
                        out.append(escape)
                    }
                default:
                    out.append(byte)
                    index += 1
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard bytes.endIndex - index >= 4 else { return nil }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[index]
                let digit: UInt8
                switch byte {
                case 48...57: digit = byte - 48
                case 65...70: digit = byte - 55
                case 97...102: digit = byte - 87
                default: return nil
                }
                value = value << 4 | UInt32(digit)
                index += 1
            }
            return value
        }

        mutating func number() -> JSONValue? {
            let start = index
            var isInteger = true
            if index < bytes.endIndex && bytes[index] == UInt8(ascii: "-") { index += 1 }
            let digitsStart = index
            while index < bytes.endIndex {
                let byte = bytes[index]
                if byte >= 48 && byte <= 57 {
                    index += 1
                } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                    || ((byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")) && index > digitsStart)
                {
                    isInteger = false
                    index += 1
                } else {
                    break
                }
            }
            guard index > digitsStart else { return nil }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            if isInteger, let value = Int(text) { return .int(value) }
            guard let value = Double(text) else { return nil }
            return .double(value)
        }
    }
}

extension JSONValue {
    /// The member named `key` when this is an object (the first, if the key repeats).
    package subscript(key: String) -> JSONValue? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first(where: { $0.0 == key })?.1
    }

    /// The string this holds, or nil for any other kind of value.
    package var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }
}
