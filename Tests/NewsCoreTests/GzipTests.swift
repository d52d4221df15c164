import Testing

@testable import NewsCore

@Suite("Gzip")
struct GzipTests {
    /// `gzip -n` of "Hello, newsdigest!\n".
    static let hello: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0xFF, 0xF3, 0x48, 0xCD, 0xC9, 0xC9, 0xD7, 0x51, 0xC8,
        0x4B, 0x2D, 0x2F, 0x4E, 0xC9, 0x4C, 0x4F, 0x2D, 0x2E, 0x51, 0xE4, 0x02, 0x00, 0x2D, 0x63, 0x98, 0xD2, 0x13,
        0x00, 0x00, 0x00,
    ]
    /// `gzip -n` of "Second member.\n".
    static let second: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0xFF, 0x0B, 0x4E, 0x4D, 0xCE, 0xCF, 0x4B, 0x51, 0xC8,
        0x4D, 0xCD, 0x4D, 0x4A, 0x2D, 0xD2, 0xE3, 0x02, 0x00, 0x2A, 0x07, 0x4E, 0x84, 0x0F, 0x00, 0x00, 0x00,
    ]
    /// `gzip -n` of 100,000 zero bytes: 132 bytes that expand 750-fold.
    static let zeros: [UInt8] =
        [
            0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0xFF, 0xED, 0xC1, 0x31, 0x01, 0x00, 0x00, 0x00,
            0xC2, 0xA0, 0xF5, 0x4F, 0x6D, 0x0D, 0x0F, 0xA0,
        ] + [UInt8](repeating: 0, count: 96) + [0x80, 0x57, 0x03, 0x7D, 0x95, 0x11, 0xD4, 0xA0, 0x86, 0x01, 0x00]

    @Test("decompresses a gzip member")
    func decompressesOneMember() throws {
        let bytes = try Gzip.decompress(Self.hello, limit: 1024)
        #expect(String(decoding: bytes, as: UTF8.self) == "Hello, newsdigest!\n")
    }

    @Test("reads concatenated members as one stream, like gzip -d")
    func readsConcatenatedMembers() throws {
        let bytes = try Gzip.decompress(Self.hello + Self.second, limit: 1024)
        #expect(String(decoding: bytes, as: UTF8.self) == "Hello, newsdigest!\nSecond member.\n")
    }

    @Test("ignores zero padding after the last member")
    func ignoresTrailingPadding() throws {
        let bytes = try Gzip.decompress(Self.hello + [0, 0, 0, 0], limit: 1024)
        #expect(bytes.count == 19)
    }

    @Test("expands a highly compressed file up to the limit")
    func expandsWithinTheLimit() throws {
        let bytes = try Gzip.decompress(Self.zeros, limit: 100_000)
        #expect(bytes.count == 100_000)
        #expect(bytes.allSatisfy { $0 == 0 })
    }

    @Test("stops with an error as soon as the output passes the limit")
    func stopsAtTheLimit() {
        #expect(throws: ExtractionError.decompressedTooLarge(limit: 99_999)) {
            try Gzip.decompress(Self.zeros, limit: 99_999)
        }
        #expect(throws: ExtractionError.decompressedTooLarge(limit: 10)) {
            try Gzip.decompress(Self.zeros, limit: 10)
        }
    }

    @Test(
        "rejects truncated, damaged and non-gzip data",
        arguments: [
            Array(GzipTests.hello.dropLast(8)),  // the CRC and length are missing
            Array(GzipTests.hello.prefix(20)),  // cut inside the deflate stream
            Array(GzipTests.hello.prefix(12)),  // only the header
            GzipTests.hello.enumerated().map { $0.offset == 31 ? $0.element ^ 0xFF : $0.element },  // wrong CRC
            Array("plain text, not compressed at all".utf8),
            [0x1F, 0x8B] + [UInt8](repeating: 0xFF, count: 40),
        ]
    )
    func rejectsBrokenData(bytes: [UInt8]) {
        #expect(throws: ExtractionError.corruptCompressedData) { try Gzip.decompress(bytes, limit: 1024) }
    }

    @Test("an empty file is empty, not corrupt")
    func emptyInput() {
        #expect(throws: ExtractionError.emptyDocument) { try Gzip.decompress([], limit: 1024) }
    }

    @Test("the extractor reads the inner file a .gz holds")
    func extractorUnwrapsGzip() throws {
        let html = "<html><head><title>Inside</title></head><body><p>Packed text.</p></body></html>"
        // A stored (uncompressed) deflate block keeps the fixture readable: header, block, CRC-32, length.
        let gz = GzipTests.stored(Array(html.utf8))
        let extracted = try Extractor().read(gz, fileName: "page.html.gz")
        #expect(extracted.title == "Inside")
        #expect(extracted.paragraphs == ["Packed text."])
    }

    /// A gzip file holding `data` in one stored deflate block (no compression), for readable fixtures.
    static func stored(_ data: [UInt8]) -> [UInt8] {
        precondition(data.count < 65_536)
        let length = UInt16(data.count)
        var out: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xFF]
        out += [0x01, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
        out += data
        let crc = crc32(data)
        out += [UInt8(crc & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 24)]
        let size = UInt32(data.count)
        out += [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)]
        return out
    }

    static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
