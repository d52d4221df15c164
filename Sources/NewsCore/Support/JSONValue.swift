/// A JSON value with ordered object keys, so that rendered JSON is byte-for-byte deterministic.
package indirect enum JSONValue: Equatable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByBooleanLiteral
{
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    package init(stringLiteral value: String) { self = .string(value) }
    package init(integerLiteral value: Int) { self = .int(value) }
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }

    /// `.string(value)` or `.null`.
    package static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Compact JSON on one line (for JSON Lines).
    package var compact: String {
        var out: [UInt8] = []
        write(into: &out, indent: nil, level: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// JSON indented by two spaces, ending without a newline.
    package var pretty: String { pretty(level: 0) }

    /// The same as written `level` deep inside an enclosing document: its inner lines indented for that depth.
    package func pretty(level: Int) -> String {
        var out: [UInt8] = []
        write(into: &out, indent: 2, level: level)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(into out: inout [UInt8], indent: Int?, level: Int) {
        func newline(_ level: Int) {
            guard let indent else { return }
            out.append(10)
            out.append(contentsOf: repeatElement(32, count: indent * level))
        }
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let value): out += Array((value ? "true" : "false").utf8)
        case .int(let value): out += Array(String(value).utf8)
        case .double(let value):
            out += Array((value.isFinite ? String(value) : "null").utf8)
        case .string(let value): Self.writeString(value, into: &out)
        case .array(let values):
            if values.isEmpty {
                out += [91, 93]
                return
            }
            out.append(91)
            for (i, value) in values.enumerated() {
                if i > 0 { out.append(44) }
                newline(level + 1)
                value.write(into: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out.append(93)
        case .object(let pairs):
            if pairs.isEmpty {
                out += [123, 125]
                return
            }
            out.append(123)
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(44) }
                newline(level + 1)
                Self.writeString(key, into: &out)
                out.append(58)
                if indent != nil { out.append(32) }
                value.write(into: &out, indent: indent, level: level + 1)
            }
            newline(level)
            out.append(125)
        }
    }

    private static func writeString(_ value: String, into out: inout [UInt8]) {
        out.append(34)
        var value = value
        value.withUTF8 { bytes in
            // Most strings need no escape and are copied whole; the clusters file of a busy day holds millions of
            // them, and this was the largest part of writing it byte by byte (perf, stop 20).
            guard bytes.contains(where: { $0 < 32 || $0 == 34 || $0 == 92 }) else {
                out.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case 34: out += [92, 34]
                case 92: out += [92, 92]
                case 10: out += [92, 110]
                case 13: out += [92, 114]
                case 9: out += [92, 116]
                case 0..<32:
                    out += [92, 117, 48, 48, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xf)]]
                default: out.append(byte)
                }
            }
        }
        out.append(34)
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
