import Testing

@testable import NewsCore

@Suite("TextDecoder")
struct TextDecoderTests {
    @Test(
        "UTF-8 with and without a byte order mark",
        arguments: [
            ([UInt8]("plain ascii\n".utf8), "plain ascii\n"),
            ([UInt8]("café “quoted” — 😀".utf8), "café “quoted” — 😀"),
            ([0xEF, 0xBB, 0xBF] + [UInt8]("with BOM é".utf8), "with BOM é"),
            ([UInt8]("tabs\tand\r\nCRLF\u{0C}".utf8), "tabs\tand\r\nCRLF\u{0C}"),
        ]
    )
    func utf8(bytes: [UInt8], expected: String) throws {
        let (text, encoding) = try TextDecoder.decode(bytes)
        #expect(text == expected)
        #expect(encoding == .utf8)
        #expect(!text.hasPrefix("\u{FEFF}"))
    }

    @Test("UTF-16 little endian with a BOM")
    func utf16LittleEndian() throws {
        let text = "Hé said “hi” 😀"
        let bytes: [UInt8] = [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        // UTF-16 of ASCII is full of NUL bytes; the BOM must win over the binary check.
        #expect(bytes.contains(0))
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.text == text)
        #expect(decoded.encoding == .utf16LittleEndian)
    }

    @Test("UTF-16 big endian with a BOM")
    func utf16BigEndian() throws {
        let text = "Hé said “hi” 😀"
        let bytes: [UInt8] = [0xFE, 0xFF] + Array(text.utf16).flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.text == text)
        #expect(decoded.encoding == .utf16BigEndian)
    }

    @Test(
        "Windows-1252 bytes become their Unicode characters",
        arguments: [
            ([0x93, 0x48, 0x69, 0x94] as [UInt8], "“Hi”"),
            ([0x49, 0x74, 0x92, 0x73] as [UInt8], "It’s"),
            ([0x80, 0x35] as [UInt8], "€5"),
            ([0x61, 0x96, 0x62, 0x97, 0x63, 0x85] as [UInt8], "a–b—c…"),
            ([0x63, 0x61, 0x66, 0xE9] as [UInt8], "café"),
            ([0x8A, 0x9A, 0x9F] as [UInt8], "ŠšŸ"),
        ]
    )
    func windows1252(bytes: [UInt8], expected: String) throws {
        let (text, encoding) = try TextDecoder.decode(bytes)
        #expect(text == expected)
        #expect(encoding == .windows1252)
    }

    @Test("a sentence with Windows-1252 curly quotes")
    func windows1252Sentence() throws {
        var bytes = Array("He said ".utf8)
        bytes += [0x93] + Array("we agree".utf8) + [0x94] + Array(" on Friday.".utf8)
        let (text, encoding) = try TextDecoder.decode(bytes)
        #expect(text == "He said “we agree” on Friday.")
        #expect(encoding == .windows1252)
    }

    @Test("mostly UTF-8 with one stray byte stays UTF-8, with a replacement character")
    func strayByteInUTF8() throws {
        let prose = String(repeating: "Mostly fine UTF-8 text — ", count: 10)
        let bytes = Array(prose.utf8) + [0xFF] + Array(" end".utf8)
        let (text, encoding) = try TextDecoder.decode(bytes)
        #expect(encoding == .utf8)
        #expect(text == prose + "\u{FFFD} end")
    }

    @Test(
        "binary data is rejected",
        arguments: [
            [0x48, 0x00, 0x69] as [UInt8],
            [0x00] as [UInt8],
            [0xEF, 0xBB, 0xBF, 0x41, 0x00] as [UInt8],
            Array("PK".utf8) + [0x03, 0x04, 0x14, 0x00, 0x06, 0x00],
            // No NUL, but too many control characters for text.
            [0x01, 0x02, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48] as [UInt8],
        ]
    )
    func rejectsBinary(bytes: [UInt8]) {
        #expect(throws: ExtractionError.binaryContent) { try TextDecoder.decode(bytes) }
    }

    @Test("one control character in longer text is not binary")
    func toleratesRareControlCharacter() throws {
        let bytes = Array(String(repeating: "a", count: 40).utf8) + [0x07]
        let (text, encoding) = try TextDecoder.decode(bytes)
        #expect(encoding == .utf8)
        #expect(text.unicodeScalars.count == 41)
    }

    @Test("empty input is rejected")
    func rejectsEmpty() {
        #expect(throws: ExtractionError.emptyDocument) { try TextDecoder.decode([]) }
    }
}
