import Testing

@testable import NewsCore

@Suite("ClaimName")
struct ClaimNameTests {
    /// Relative paths as raw bytes, from the ordinary to the hostile.
    static let paths: [[UInt8]] = [
        Array("x.txt".utf8),
        Array("reuters/x.txt".utf8),
        Array("a/b/c/deep.md".utf8),
        Array("100% true.txt".utf8),
        Array("%41 is not A.txt".utf8),
        Array("a~b~c.txt".utf8),
        Array("~".utf8),
        Array("line\nbreak.txt".utf8),
        Array("carriage\rreturn\ttab.txt".utf8),
        Array("quote\"s and 'single' and `back`.txt".utf8),
        Array("café/été — “quoted”.md".utf8),
        Array("emoji 😀.txt".utf8),
        [0x66, 0xFF, 0x2E, 0x74, 0x78, 0x74],
        [0xC3, 0x28, 0x2F, 0x80, 0x2E, 0x6D, 0x64],
        [0x00, 0x01, 0x7F],
        Array(" leading and trailing .txt ".utf8),
        Array("semi;colon:colon?query#hash&amp=eq.txt".utf8),
        Array("back\\slash.txt".utf8),
    ]

    @Test("encoded names decode to the same token and path", arguments: paths)
    func roundTrip(path: [UInt8]) throws {
        let name = ClaimName(token: "1741910400123-42", relativePath: path)
        let decoded = try #require(ClaimName(encoded: name.encoded))
        #expect(decoded == name)
        #expect(decoded.token == "1741910400123-42")
        #expect(decoded.relativePath == path)
    }

    @Test("encoded names are one safe path component of valid UTF-8 without control characters", arguments: paths)
    func encodedIsSafe(path: [UInt8]) {
        let encoded = ClaimName(token: "t1", relativePath: path).encoded
        #expect(encoded.hasPrefix("t1~"))
        #expect(encoded.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F })
        #expect(!encoded.contains("/"))
        #expect(!encoded.dropFirst(3).contains("~"))
        #expect(!encoded.contains("\""))
        #expect(!encoded.contains("'"))
        #expect(!encoded.contains("\\"))
    }

    @Test(
        "exact encodings",
        arguments: [
            ("reuters/x.txt", "t1~reuters%2Fx.txt"),
            ("100%.txt", "t1~100%25.txt"),
            ("a~b.txt", "t1~a%7Eb.txt"),
            ("line\nbreak", "t1~line%0Abreak"),
            ("say \"hi\"", "t1~say %22hi%22"),
            ("it's", "t1~it%27s"),
            ("Plain name-1_2,3+4.txt", "t1~Plain name-1_2,3+4.txt"),
            ("é", "t1~é"),
        ]
    )
    func exactEncoding(path: String, expected: String) {
        #expect(ClaimName(token: "t1", relativePath: Array(path.utf8)).encoded == expected)
    }

    @Test("invalid UTF-8 bytes are percent-encoded and come back as the same bytes")
    func invalidUTF8() throws {
        let name = ClaimName(token: "t1", relativePath: [0x66, 0xFF, 0x2E, 0x74])
        #expect(name.encoded == "t1~f%FF.t")
        let decoded = try #require(ClaimName(encoded: "t1~f%FF.t"))
        #expect(decoded.relativePath == [0x66, 0xFF, 0x2E, 0x74])
        #expect(decoded.fileName == "f\u{FFFD}.t")
    }

    @Test("lower-case hex decodes too")
    func lowerCaseHex() throws {
        let decoded = try #require(ClaimName(encoded: "t1~reuters%2fx%c3%a9.txt"))
        #expect(decoded.relativePath == Array("reuters/xé.txt".utf8))
    }

    @Test(
        "file name and folder label",
        arguments: [
            ("reuters/x.txt", "x.txt", "reuters"),
            ("x.txt", "x.txt", nil),
            ("a/b/c.txt", "c.txt", "a"),
            ("new york post/story one.md", "story one.md", "new york post"),
            ("reuters//x.txt", "x.txt", "reuters"),
            ("café/été.md", "été.md", "café"),
        ]
    )
    func fileNameAndFolderLabel(path: String, fileName: String, folderLabel: String?) {
        let name = ClaimName(token: "t1", relativePath: Array(path.utf8))
        #expect(name.fileName == fileName)
        #expect(name.folderLabel == folderLabel)
    }

    @Test(
        "malformed names are not claim names",
        arguments: [
            "",
            "no-tilde.txt",
            "~path.txt",
            "token~",
            "token~%4",
            "token~%G0",
            "token~%0G",
            "token~abc%",
            "tok/en~x.txt",
            "tok en~x.txt",
            "tok.en~x.txt",
            "tok_en~x.txt",
        ]
    )
    func malformed(name: String) {
        #expect(ClaimName(encoded: name) == nil)
    }

    @Test("the first tilde separates the token")
    func firstTildeSeparates() throws {
        let decoded = try #require(ClaimName(encoded: "abc-123~x~y.txt"))
        #expect(decoded.token == "abc-123")
        #expect(decoded.relativePath == Array("x~y.txt".utf8))
    }
}
