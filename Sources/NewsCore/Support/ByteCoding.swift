/// The compact byte forms the store keeps (`ClusterFeatures.encoded()`, `Article.encoded()`) are written with this
/// writer and read back with `ByteReader`: integers as zig-zag LEB128 varints, so small numbers take one byte, and text
/// as its UTF-8 length and bytes.
struct ByteWriter {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func integer(_ value: Int64) {
        var zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
        while zigzag >= 0x80 {
            bytes.append(UInt8(zigzag & 0x7F) | 0x80)
            zigzag >>= 7
        }
        bytes.append(UInt8(zigzag))
    }

    mutating func integer(_ value: Int) { integer(Int64(value)) }

    /// Eight little-endian bytes: for values spread over the whole range (hashes), where a varint would be longer.
    mutating func fixed64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            integer(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A flag byte, then the text when there is one.
    mutating func optionalText(_ value: String?) {
        byte(value == nil ? 0 : 1)
        if let value { text(value) }
    }

    /// A length, then the bytes.
    mutating func byteArray(_ value: [UInt8]) {
        integer(value.count)
        bytes.append(contentsOf: value)
    }
}

/// Reads what `ByteWriter` wrote. Every read returns nil instead of reading past the end or accepting bytes that are
/// not what was written (invalid UTF-8, an overlong varint), so damaged bytes are reported, never trusted.
struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    var remaining: Int { bytes.count - position }

    mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func integer() -> Int64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while let next = byte() {
            guard shift < 64 else { return nil }
            value |= UInt64(next & 0x7F) << shift
            if next & 0x80 == 0 { return Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1) }
            shift += 7
        }
        return nil
    }

    /// An integer that fits an `Int`, else nil.
    mutating func int() -> Int? { integer().flatMap { Int(exactly: $0) } }

    /// A count of items that follow, each at least one byte long: nil when the bytes left could not hold them.
    mutating func count() -> Int? {
        guard let value = int(), value >= 0, value <= remaining else { return nil }
        return value
    }

    /// A count, then that many items, each read by `read`: nil when the count or any item is not there.
    mutating func list<Item>(_ read: (inout ByteReader) -> Item?) -> [Item]? {
        guard let count = count() else { return nil }
        var items: [Item] = []
        items.reserveCapacity(count)
        for _ in 0..<count {
            guard let item = read(&self) else { return nil }
            items.append(item)
        }
        return items
    }

    /// Text written by `ByteWriter.text`.
    mutating func text() -> String? {
        guard let length = integer(), length >= 0, length <= remaining else { return nil }
        defer { position += Int(length) }
        return String(validating: bytes[position..<position + Int(length)], as: UTF8.self)
    }

    /// What `ByteWriter.optionalText` wrote: `.some(nil)` for no text, nil for bytes that are not that form.
    mutating func optionalText() -> String?? {
        switch byte() {
        case 0: return .some(nil)
        case 1: return text().map { .some($0) }
        default: return nil
        }
    }

    /// Bytes written by `ByteWriter.byteArray`.
    mutating func byteArray() -> [UInt8]? {
        guard let length = count() else { return nil }
        defer { position += length }
        return Array(bytes[position..<position + length])
    }

    mutating func fixed64() -> UInt64? {
        guard remaining >= 8 else { return nil }
        defer { position += 8 }
        var value: UInt64 = 0
        for offset in (0..<8).reversed() { value = value << 8 | UInt64(bytes[position + offset]) }
        return value
    }
}
