import Testing

@testable import NewsCore

@Suite("CharsetConverter")
struct CharsetConverterTests {
    @Test(
        "decodes the charsets mail parts use",
        arguments: [
            ("UTF-8", [0x63, 0x61, 0x66, 0xC3, 0xA9], "café"),
            ("utf8", [0xE2, 0x80, 0x9C, 0x71, 0xE2, 0x80, 0x9D], "“q”"),
            ("US-ASCII", [0x4E, 0x65, 0x77, 0x73], "News"),
            ("\"iso-8859-1\"", [0x63, 0x61, 0x66, 0xE9], "café"),
            ("latin1", [0xA3, 0x35], "£5"),
            // Windows-1252 quotes in text labelled Latin-1, as real mail has them.
            ("ISO-8859-1", [0x93, 0x68, 0x69, 0x94], "“hi”"),
            ("windows-1252", [0x80, 0x31, 0x30, 0x20, 0x96, 0x20, 0x9C], "€10 – œ"),
            (
                "ISO-8859-2",
                [90, 97, 191, 243, 179, 230, 32, 103, 234, 182, 108, 177, 32, 106, 97, 188, 241, 46],
                "Zażółć gęślą jaźń."
            ),
            (
                "KOI8-R",
                [
                    240, 210, 193, 215, 201, 212, 197, 204, 216, 211, 212, 215, 207, 32, 207, 194, 223, 209, 215, 201,
                    204,
                    207, 46,
                ],
                "Правительство объявило."
            ),
            (
                "Shift_JIS",
                [
                    147, 140, 139, 158, 130, 197, 142, 241, 148, 93, 137, 239, 139, 99, 130, 170, 138, 74, 130, 169,
                    130,
                    234, 130, 189, 129, 66,
                ],
                "東京で首脳会議が開かれた。"
            ),
            ("gb2312", [177, 177, 190, 169, 183, 162, 178, 188, 208, 194, 206, 197, 161, 163], "北京发布新闻。"),
            ("windows-1251", [204, 238, 241, 234, 226, 224], "Москва"),
            ("ISO-2022-JP", [27, 36, 66, 69, 108, 53, 126, 27, 40, 66], "東京"),
            ("UTF-16BE", [0x00, 0x41, 0x04, 0x1F], "AП"),
            ("KOI8-R", [], ""),
        ] as [(String, [UInt8], String)]
    )
    func decodes(charset: String, bytes: [UInt8], expected: String) {
        #expect(CharsetConverter.decode(bytes, charset: charset) == expected)
    }

    @Test(
        "unknown or implausible charsets give nil",
        arguments: ["x-no-such-charset", "utf-8//TRANSLIT", "koi8 r", String(repeating: "a", count: 60)]
    )
    func unknownCharset(charset: String) {
        #expect(CharsetConverter.decode([0x41], charset: charset) == nil)
    }

    @Test("invalid bytes become U+FFFD and the rest is kept")
    func invalidBytes() {
        // 0x82 0xFF is not Shift_JIS; the text around it must survive.
        #expect(
            CharsetConverter.decode([0x41, 0x82, 0xFF, 0x42], charset: "Shift_JIS")?.hasPrefix("A\u{FFFD}") == true)
        #expect(CharsetConverter.decode([0x41, 0x82, 0xFF, 0x42], charset: "Shift_JIS")?.hasSuffix("B") == true)
        // A truncated multi-byte sequence at the end.
        #expect(CharsetConverter.decode([0x41, 0x93], charset: "Shift_JIS") == "A\u{FFFD}")
    }

    @Test("text labelled UTF-8 that is really Windows-1252 is read as Windows-1252")
    func mislabelledUTF8() {
        #expect(
            CharsetConverter.decode([0x63, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94], charset: "utf-8") == "café “q”")
    }

    @Test("long input crosses iconv's output buffer")
    func longInput() {
        let bytes = [UInt8](repeating: 0xC1, count: 10_000)  // KOI8-R "а" is two bytes in UTF-8
        let decoded = CharsetConverter.decode(bytes, charset: "koi8-r")
        #expect(decoded == String(repeating: "а", count: 10_000))
    }
}
