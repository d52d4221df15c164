@testable import NewsCore

/// Small builders shared by the extraction, clustering and rendering tests.
enum Fixtures {
    static let arrivalDay = CivilDate(year: 2025, month: 1, day: 2)!

    static func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    /// Runs `PlainTextExtractor` and `ArticleBuilder` over `text` as if it were the file `fileName`.
    static func extract(
        _ text: String, fileName: String = "story.txt", folderLabel: String? = nil, arrivalDay: CivilDate = arrivalDay
    ) throws -> Article {
        let document = RawDocument(
            fileName: fileName, folderLabel: folderLabel, bytes: Array(text.utf8), arrivalDay: arrivalDay)
        return ArticleBuilder().build(
            try PlainTextExtractor().read(text), document: document,
            contentHash: SHA256.hexDigest(of: Array(text.utf8)))
    }

    /// An article built by hand, for renderer tests that must not depend on extraction.
    static func article(
        fileName: String, title: String, titleIsGenerated: Bool = false, published: PublicationDate,
        outlet: String?, sentences: [String] = [], contentHash: String? = nil
    ) -> Article {
        var built: [Sentence] = []
        var offset = 0
        for text in sentences {
            let length = text.unicodeScalars.count
            built.append(Sentence(text: text, start: offset, end: offset + length, paragraph: 0))
            offset += length + 1
        }
        return Article(
            fileName: fileName, contentHash: contentHash ?? SHA256.hexDigest(of: Array(fileName.utf8)), title: title,
            titleIsGenerated: titleIsGenerated, published: published, outlet: outlet, authors: [], url: nil,
            body: sentences.joined(separator: " "), sentences: built, summary: Array(built.indices), isEnglish: true)
    }

    /// Every ordering of `items` (for small arrays).
    static func permutations<T>(_ items: [T]) -> [[T]] {
        guard items.count > 1 else { return [items] }
        var result: [[T]] = []
        for (index, item) in items.enumerated() {
            var rest = items
            rest.remove(at: index)
            for tail in permutations(rest) { result.append([item] + tail) }
        }
        return result
    }
}
