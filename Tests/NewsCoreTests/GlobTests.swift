import Testing

@testable import NewsCore

@Suite("Glob")
struct GlobTests {
    @Test(
        "matching",
        arguments: [
            ("*", "anything.txt", true),
            ("*", "", true),
            ("", "", true),
            ("", "a", false),
            ("?", "", false),
            ("?", "a", true),
            ("?", "ab", false),
            ("?", "é", true),
            ("a?c", "abc", true),
            ("a?c", "ac", false),
            ("a*b", "ab", true),
            ("a*b", "axxb", true),
            ("a*b", "axxbc", false),
            ("a*b*c", "abxbxc", true),
            ("*a*b*c*", "xaybzc", true),
            ("*a*b*c*", "xaybz", false),
            ("**", "x", true),
            ("*.txt", "a.txt", true),
            ("*.txt", ".txt", true),
            ("*.txt", "a.txt.bak", false),
            ("*.bak", "old.bak", true),
            ("draft-?.txt", "draft-1.txt", true),
            ("draft-?.txt", "draft-10.txt", false),
            ("[abc]*", "apple", true),
            ("[abc]*", "dog", false),
            ("[a-c]x", "bx", true),
            ("[a-c]x", "dx", false),
            ("[!a-c]x", "dx", true),
            ("[!a-c]x", "ax", false),
            ("[^a-c]x", "ax", false),
            ("[^a-c]x", "zx", true),
            ("[a-cx-z]", "y", true),
            ("[a-cx-z]", "m", false),
            ("[]a]", "]", true),
            ("[]a]", "a", true),
            ("[]a]", "b", false),
            ("[a-]", "-", true),
            ("[abc", "[abc", true),
            ("[abc", "a", false),
            ("file[0-9][0-9].md", "file42.md", true),
            ("file[0-9][0-9].md", "file4.md", false),
            ("Report.TXT", "report.txt", false),
        ]
    )
    func matches(pattern: String, name: String, expected: Bool) {
        #expect(Glob.matches(pattern: pattern, name) == expected)
    }

    @Test(
        "validity: every set closed, pattern not empty",
        arguments: [
            ("*.bak", true),
            ("draft-?.txt", true),
            ("[abc]*", true),
            ("[!a-z]", true),
            ("[abc", false),
            ("x[", false),
            ("", false),
            ("]", true),
        ]
    )
    func validity(pattern: String, valid: Bool) {
        #expect(Glob.isValid(pattern) == valid)
    }
}
