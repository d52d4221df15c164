import Foundation
import NewsCore
import NewsLinux
import SystemPackage

/// `newsdigest analyze`: one file through extraction, shown to a person or as a JSON line.
package struct Analysis: Sendable {
    package var article: Article

    /// Reads and extracts `path`; the daemon's state is not touched.
    package static func analyze(path: String, summarySentences: Int) -> Result<Analysis, AnalysisError> {
        let filePath = FilePath(path)
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readRegularFile(filePath, limit: 64 * 1024 * 1024)
        } catch {
            return .failure(AnalysisError(message: "cannot read it: \(error)"))
        }
        var components = Array(filePath.components)
        let name = components.popLast()?.string ?? path
        let today = CivilDate(secondsSinceEpoch: Int64(Date().timeIntervalSince1970))
        let document = RawDocument(fileName: name, folderLabel: nil, bytes: bytes, arrivalDay: today)
        do {
            let article = try Extractor(summaryLength: summarySentences).extract(
                document, contentHash: SHA256.hexDigest(of: bytes))
            return .success(Analysis(article: article))
        } catch {
            return .failure(AnalysisError(message: error.description))
        }
    }

    /// The article in the evaluation contract (`../shared/eval/README.md`), on one line.
    package var jsonLine: String { ArticleJSON.object(for: article).compact }

    /// A JSON line for a file that could not be analysed, so that every input has a line.
    package static func failureLine(path: String, error: AnalysisError) -> String {
        JSONValue.object([
            ("file", .string(FilePath(path).lastComponent?.string ?? path)), ("title", .null), ("published", .null),
            ("body", ""), ("entities", []), ("quotes", []), ("summary", []), ("error", .string(error.message)),
        ]).compact
    }

    /// A readable report.
    package var text: String {
        var out = "\(article.fileName)\n"
        out += "  title:     \(article.title)\(article.titleIsGenerated ? " (written from the lead)" : "")\n"
        out += "  published: \(article.published.iso8601) (from \(article.published.origin.rawValue))\n"
        out += "  outlet:    \(article.outlet ?? "not stated")\n"
        if !article.authors.isEmpty { out += "  authors:   \(article.authors.joined(separator: ", "))\n" }
        if let url = article.url { out += "  url:       \(url)\n" }
        out += "  language:  \(article.isEnglish ? "English" : "not English")\n"
        out += "  sentences: \(article.sentences.count)\n"
        out += "  summary:\n"
        for text in article.summaryTexts { out += "    - \(text)\n" }
        return out
    }
}

/// Why a file could not be analysed.
package struct AnalysisError: Error, Sendable, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}

/// The JSON form of an article shared by `analyze --json` and the outputs.
package enum ArticleJSON {
    package static func object(for article: Article) -> JSONValue {
        .object([
            ("file", .string(article.fileName)),
            ("title", .string(article.title)),
            ("title_generated", .bool(article.titleIsGenerated)),
            // The contract's null means "no date found": the arrival day is our fallback, not the article's date.
            ("published", article.published.origin == .arrival ? .null : .string(article.published.iso8601)),
            ("date_source", .string(article.published.origin.rawValue)),
            ("outlet", .optional(article.outlet)),
            ("authors", .array(article.authors.map(JSONValue.string))),
            ("url", .optional(article.url)),
            ("language", .string(article.isEnglish ? "en" : "not English")),
            ("sha256", .string(article.contentHash)),
            ("body", .string(article.body)),
            ("entities", .array(article.entities.map { mention in
                .object([
                    ("text", .string(mention.text)), ("type", .string(mention.kind.rawValue)),
                    ("canonical", .string(mention.canonical)), ("start", .int(mention.start)),
                    ("end", .int(mention.end)), ("in_title", .bool(mention.inTitle)),
                ])
            })),
            ("quotes", .array(article.quotes.map { quote in
                .object([
                    ("text", .string(quote.text)), ("speaker", .optional(quote.speaker)),
                    ("start", .int(quote.start)), ("end", .int(quote.end)), ("direct", .bool(quote.isDirect)),
                ])
            })),
            ("keywords", .array(article.keywords.map(JSONValue.string))),
            ("summary", .array(article.summaryTexts.map(JSONValue.string))),
            ("summary_offsets", .array(article.summary.map { index in
                let sentence = article.sentences[index]
                return .object([("sentence", .int(index)), ("start", .int(sentence.start)),
                                ("end", .int(sentence.end))])
            })),
        ])
    }
}
