import Foundation
import Testing

@testable import NewsCore

/// The two example articles in `<package root>/../shared/seeds`, read at run time so their text never enters the
/// repository.
enum Seeds {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// `<package root>/../shared/seeds`; the package root is three levels above this file.
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("../shared/seeds").standardizedFileURL.path
    }()

    /// The seed whose name starts with `prefix` (`000_`, `001_`): its file name and bytes.
    ///
    /// - Throws: `Missing`, so a test fails with a message naming the folder, when the seeds are not there.
    static func file(_ prefix: String) throws -> (name: String, bytes: [UInt8]) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
            let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else {
            throw Missing(
                description: "seed folder '\(directory)' is missing or unreadable; these tests need the seed "
                    + "articles (\(prefix)*.txt) in shared/seeds next to the package root")
        }
        guard let name = names.sorted().first(where: { $0.hasPrefix(prefix) && $0.hasSuffix(".txt") }) else {
            throw Missing(description: "no seed article '\(prefix)*.txt' in '\(directory)' (found: \(names.sorted()))")
        }
        guard let data = FileManager.default.contents(atPath: directory + "/" + name), !data.isEmpty else {
            throw Missing(description: "seed article '\(directory)/\(name)' could not be read or is empty")
        }
        return (name, [UInt8](data))
    }

    /// A day far from the articles' own date, so a test notices if extraction fell back to the arrival day.
    static let arrivalDay = CivilDate(year: 2025, month: 6, day: 1)!

    /// The seed extracted the way the daemon does it: through `Extractor`, hashed with `SHA256`.
    static func article(_ prefix: String) throws -> Article {
        let (name, bytes) = try file(prefix)
        let document = RawDocument(fileName: name, bytes: bytes, arrivalDay: arrivalDay)
        return try Extractor().extract(document, contentHash: SHA256.hexDigest(of: bytes))
    }

    /// The seed as a digest entry, filed in a made-up archive.
    static func entry(_ prefix: String) throws -> DigestEntry {
        let article = try article(prefix)
        return DigestEntry(article: article, location: "/srv/newsdigest/archive/2025-03-14/\(article.fileName)")
    }
}
