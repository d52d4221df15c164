import Testing

@testable import NewsCore

@Suite("RelativePath")
struct RelativePathTests {
    @Test(
        "paths relative to a directory",
        arguments: [
            ("/srv/news/out/digests", "/srv/news/archive/2025/a.txt", "../../archive/2025/a.txt"),
            ("/srv/news/out/digests", "/srv/news/out/digests/a.txt", "a.txt"),
            ("/srv/news/out", "/srv/news/out/archive/a.txt", "archive/a.txt"),
            ("/srv/news/out/digests", "/other/a.txt", "../../../../other/a.txt"),
            ("/", "/a.txt", "a.txt"),
            ("/srv/news/out/digests/", "/srv/news/out/a.txt", "../a.txt"),
            ("/a/b", "/a/b", "../b"),
        ]
    )
    func relative(base: String, target: String, expected: String) {
        #expect(RelativePath.from(directory: base, to: target) == expected)
    }

    @Test(
        "Markdown link destinations are percent-encoded where needed",
        arguments: [
            ("../archive/a.txt", "../archive/a.txt"),
            ("my file (1).txt", "my%20file%20%281%29.txt"),
            ("<x>[y]", "%3Cx%3E%5By%5D"),
            ("100%.txt", "100%25.txt"),
            ("line\nbreak\ttab", "line%20break%20tab"),
            ("café.txt", "café.txt"),
        ]
    )
    func markdownLink(path: String, expected: String) {
        #expect(RelativePath.markdownLink(path) == expected)
    }
}
