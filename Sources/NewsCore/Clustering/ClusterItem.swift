/// What the clusterer reads of an article: its name, date, title and where it is, with its terms and near-duplicate
/// signature, but not its text.
///
/// A week of these fits in a few megabytes where a week of whole articles does not, so the daemon clusters a window
/// from these alone and reads whole articles only for the stories it is writing, a story at a time.
package struct ClusterItem: Sendable {
    package var contentHash: String
    package var fileName: String
    package var title: String
    package var outlet: String?
    /// Where the original is kept now, as `DigestEntry.location`.
    package var location: String?
    /// Copies folded into this article: exact copies from the ledger, and near-duplicates the clusterer folds in.
    package var copies: [ArticleCopy]
    package var features: ClusterFeatures
    /// The folder label of the file shown as the original (`ArticleCopy.outlet` of an exact copy), where known: it
    /// goes with the file when another of the identical files is shown as the original instead.
    package var folderLabel: String?

    package init(
        contentHash: String, fileName: String, title: String, outlet: String?, location: String?, copies: [ArticleCopy],
        features: ClusterFeatures, folderLabel: String? = nil
    ) {
        self.contentHash = contentHash
        self.fileName = fileName
        self.title = title
        self.outlet = outlet
        self.location = location
        self.copies = copies
        self.features = features
        self.folderLabel = folderLabel
    }

    /// Of identical files, shows the one whose name sorts first as the original and the others as its copies, in
    /// name order, whichever was recorded first.
    ///
    /// Identical files read at once are recorded in either order, so which one the ledger holds as the original
    /// varies from run to run, and a day's output must depend on the files dropped, not on their order. Any of them
    /// reads as the same article, except for an outlet taken from a folder label, which stays the one read.
    package mutating func showFirstNamedFileAsOriginal() {
        guard copies.contains(where: \.isExact) else { return }
        var identical = [ArticleCopy(fileName: fileName, location: location, outlet: folderLabel)]
            + copies.filter(\.isExact)
        // Stable (files of one name, in different folders, keep the order they were recorded in).
        identical.sort { $0.fileName < $1.fileName }
        let shown = identical.removeFirst()
        (fileName, location, folderLabel) = (shown.fileName, shown.location, shown.outlet)
        copies = identical + copies.filter { !$0.isExact }
    }

    package init(_ entry: DigestEntry, features: ClusterFeatures) {
        self.init(
            contentHash: entry.article.contentHash, fileName: entry.article.fileName, title: entry.article.title,
            outlet: entry.article.outlet, location: entry.location, copies: entry.copies, features: features)
    }

    package var published: PublicationDate { features.published }
    package var digestDay: CivilDate { features.published.day }
}

extension DigestEntry {
    /// `article`, read by `item`'s content, as `item`'s entry: under the name of the file shown as the original
    /// (`ClusterItem.showFirstNamedFileAsOriginal`), which need not be the file it was read from.
    init(_ item: ClusterItem, article: Article) {
        var article = article
        article.fileName = item.fileName
        self.init(article: article, location: item.location, copies: item.copies)
    }
}

/// The parts of an article the clusterer compares, derived from the article alone, with a compact byte form so the
/// store can keep them beside the article and hand them back without decoding the article.
package struct ClusterFeatures: Sendable, Equatable {
    package var published: PublicationDate
    package var titleIsGenerated: Bool
    /// `TermStatistics.terms(of:)` as two parallel arrays, keys ascending: far smaller than a dictionary.
    package var terms: [TermKey]
    package var counts: [Int32]
    /// The MinHash signature, or nil when the text is too short to compare.
    package var signature: [UInt64]?

    package init(article: Article, detector: NearDuplicateDetector) {
        published = article.published
        titleIsGenerated = article.titleIsGenerated
        // The body is tokenized once for both, not once for each.
        var wordHashes: [UInt64] = []
        (terms, counts) = TermKey.sortedCounts(
            TermStatistics.terms(of: article) { wordHashes.append(NearDuplicateDetector.wordHash($0)) })
        signature = detector.signature(wordHashes: wordHashes)
    }

    /// Raised whenever what `init(article:detector:)` computes changes, so stored features made by an older version
    /// are recomputed rather than compared with new ones. Version 1 held the terms' text, version 2 their keys;
    /// version 3 adds the words of the link's slug (`URLSlug`).
    static let formatVersion: UInt8 = 3

    /// The byte form (`ByteWriter`): a version, the date, the term keys with their counts, then the signature.
    package func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: 16 + terms.count * 10 + (signature?.count ?? 0) * 8)
        writer.byte(Self.formatVersion)
        var flags: UInt8 = 0
        if titleIsGenerated { flags |= 1 }
        if published.secondsIntoDay != nil { flags |= 2 }
        if published.utcOffsetSeconds != nil { flags |= 4 }
        if signature != nil { flags |= 8 }
        writer.byte(flags)
        writer.byte(Self.originCodes.firstIndex(of: published.origin).map(UInt8.init) ?? 0)
        writer.integer(published.day.daysSinceEpoch)
        if let seconds = published.secondsIntoDay { writer.integer(seconds) }
        if let offset = published.utcOffsetSeconds { writer.integer(offset) }
        writer.integer(terms.count)
        for (term, count) in zip(terms, counts) {
            // Keys are uniformly spread, so a varint would take more than the eight fixed bytes.
            writer.fixed64(term.value)
            writer.integer(Int64(count))
        }
        if let signature {
            writer.integer(signature.count)
            for value in signature { writer.integer(Int64(bitPattern: value)) }
        }
        return writer.bytes
    }

    /// Reads `encoded()`'s form back; nil for another version or damaged bytes, which callers recompute.
    package init?(encoded bytes: some Collection<UInt8>) {
        var reader = ByteReader(bytes: Array(bytes))
        guard let version = reader.byte(), version == Self.formatVersion,
            let flags = reader.byte(), let originCode = reader.byte(),
            Int(originCode) < Self.originCodes.count, let day = reader.integer()
        else { return nil }
        var seconds: Int?
        var offset: Int?
        if flags & 2 != 0 { guard let value = reader.integer() else { return nil }; seconds = Int(value) }
        if flags & 4 != 0 { guard let value = reader.integer() else { return nil }; offset = Int(value) }
        published = PublicationDate(
            day: CivilDate(daysSinceEpoch: Int(day)), secondsIntoDay: seconds, utcOffsetSeconds: offset,
            origin: Self.originCodes[Int(originCode)])
        titleIsGenerated = flags & 1 != 0
        guard let termCount = reader.count() else { return nil }
        terms = []
        counts = []
        terms.reserveCapacity(termCount)
        counts.reserveCapacity(termCount)
        for _ in 0..<termCount {
            guard let value = reader.fixed64(), let count = reader.integer() else { return nil }
            terms.append(TermKey(value: value))
            counts.append(Int32(clamping: count))
        }
        if flags & 8 != 0 {
            guard let length = reader.count() else { return nil }
            var values: [UInt64] = []
            values.reserveCapacity(length)
            for _ in 0..<length {
                guard let value = reader.integer() else { return nil }
                values.append(UInt64(bitPattern: value))
            }
            signature = values
        } else {
            signature = nil
        }
        guard reader.remaining == 0 else { return nil }
    }

    /// Origins by a fixed code, so the byte form does not depend on the enum's declaration order.
    static let originCodes: [PublicationDate.Origin] = [.header, .meta, .embed, .text, .arrival]
}
