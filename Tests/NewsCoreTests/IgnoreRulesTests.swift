import Testing

@testable import NewsCore

@Suite("IgnoreRules")
struct IgnoreRulesTests {
    @Test(
        "built-in rules ignore hidden files, temporaries and OS litter",
        arguments: [
            "",
            ".hidden",
            ".env",
            ".DS_Store",
            ".ds_store",
            "Thumbs.db",
            "thumbs.db",
            "THUMBS.DB",
            "desktop.ini",
            "Desktop.ini",
            "article.txt.part",
            "article.txt.PART",
            "article.txt.crdownload",
            "article.txt.tmp",
            "article.TMP",
            "article.txt~",
            "article.txt.swp",
            "article.txt.swx",
            ".article.txt.swp",
            "article.txt.partial",
            "article.txt.download",
            ".syncthing.article.txt.tmp",
            ".syncthing.x.tmp",
            "~$report.docx",
            "~lock.txt~",
        ]
    )
    func ignoresBuiltIns(name: String) {
        #expect(IgnoreRules().ignores(name))
    }

    @Test(
        "built-in rules keep ordinary articles",
        arguments: [
            "article.txt",
            "notes.md",
            "000_cb1765e6706d814e.txt",
            "part.txt",
            "tmp.txt",
            "partial results.md",
            "my~file.txt",
            "~file.txt",
            "Thumbs.db.txt",
            "desktop.ini.md",
            "download guide.txt",
            "syncthing.tmp.txt",
            "x.swp.txt",
            "report.bak",
            "draft-1.txt",
        ]
    )
    func keepsArticles(name: String) {
        #expect(!IgnoreRules().ignores(name))
    }

    static let customRules = IgnoreRules(patterns: ["*.bak", "draft-?.txt", "[abc]*"])

    @Test(
        "custom globs",
        arguments: [
            ("old.bak", true),
            (".bak", true),
            ("report.txt.bak", true),
            ("old.bak.txt", false),
            ("old.BAK", false),
            ("draft-1.txt", true),
            ("draft-x.txt", true),
            ("draft-10.txt", false),
            ("draft-.txt", false),
            ("apple.txt", true),
            ("banana.md", true),
            ("c", true),
            ("dog.txt", false),
            ("Apple.txt", false),
            ("zebra.txt", false),
        ]
    )
    func customGlobs(name: String, ignored: Bool) {
        #expect(Self.customRules.ignores(name) == ignored)
    }

    @Test("custom globs add to the built-in rules, never remove them")
    func customAddsToBuiltIns() {
        let rules = IgnoreRules(patterns: ["*.txt"])
        #expect(rules.ignores("story.txt"))
        #expect(rules.ignores(".DS_Store"))
        #expect(rules.ignores("story.md.part"))
        #expect(!rules.ignores("story.md"))
    }

    @Test("rules compare by their patterns")
    func equality() {
        #expect(IgnoreRules(patterns: ["*.bak"]) == IgnoreRules(patterns: ["*.bak"]))
        #expect(IgnoreRules(patterns: ["*.bak"]) != IgnoreRules())
        #expect(IgnoreRules().patterns.isEmpty)
    }
}
