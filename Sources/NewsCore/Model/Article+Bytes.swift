/// The byte form the store keeps each article in.
///
/// The store wrote articles as JSON until stop 17; encoding them was 7 % of the daemon's CPU in a 10,000-article
/// burst and decoding them again for the final render another 6 % (docs/PERFORMANCE.md, stop 17). This form holds the
/// same fields in a fixed order (`ByteWriter`). It starts with a zero byte, which no JSON text starts with, so a store
/// holding both forms tells them apart (`NewsStore` still reads the JSON rows written before).
extension Article {
    /// The first two bytes: a marker no JSON text begins with, and the layout's version.
    static let bytesMarker: UInt8 = 0
    /// 2 since stop 25: a quotation says whether it is direct (`Quotation.isDirect`). Version 1 still reads.
    static let bytesVersion: UInt8 = 2

    /// Whether `bytes` are in this form rather than JSON.
    package static func isByteForm(_ bytes: some Collection<UInt8>) -> Bool { bytes.first == bytesMarker }

    /// - Parameter version: `bytesVersion`; 1 only for tests of what older stores hold.
    package func encoded(version: UInt8 = bytesVersion) -> [UInt8] {
        var writer = ByteWriter(capacity: 256 + body.utf8.count * 2)
        writer.byte(Self.bytesMarker)
        writer.byte(version)
        var flags: UInt8 = 0
        if titleIsGenerated { flags |= 1 }
        if isEnglish { flags |= 2 }
        if outlet != nil { flags |= 4 }
        if url != nil { flags |= 8 }
        if published.secondsIntoDay != nil { flags |= 16 }
        if published.utcOffsetSeconds != nil { flags |= 32 }
        writer.byte(flags)
        writer.text(fileName)
        writer.text(contentHash)
        writer.text(title)
        writer.byte(ClusterFeatures.originCodes.firstIndex(of: published.origin).map(UInt8.init) ?? 0)
        writer.integer(published.day.daysSinceEpoch)
        if let seconds = published.secondsIntoDay { writer.integer(seconds) }
        if let offset = published.utcOffsetSeconds { writer.integer(offset) }
        if let outlet { writer.text(outlet) }
        if let url { writer.text(url) }
        writer.integer(authors.count)
        for author in authors { writer.text(author) }
        writer.text(body)
        writer.integer(sentences.count)
        for sentence in sentences {
            writer.text(sentence.text)
            writer.integer(sentence.start)
            writer.integer(sentence.end)
            writer.integer(sentence.paragraph)
        }
        writer.integer(summary.count)
        for index in summary { writer.integer(index) }
        writer.integer(entities.count)
        for entity in entities {
            // Most mentions are their own canonical name: a flag then saves writing the name twice.
            let named = entity.canonical == entity.text
            writer.byte(
                UInt8(Self.entityKindCodes.firstIndex(of: entity.kind) ?? 0) << 2 | (entity.inTitle ? 1 : 0)
                    | (named ? 2 : 0))
            writer.text(entity.text)
            if !named { writer.text(entity.canonical) }
            writer.integer(entity.start)
            writer.integer(entity.end)
        }
        writer.integer(quotes.count)
        for quote in quotes {
            writer.byte((quote.speaker == nil ? 0 : 1) | (quote.isDirect && version > 1 ? 2 : 0))
            writer.text(quote.text)
            if let speaker = quote.speaker { writer.text(speaker) }
            writer.integer(quote.start)
            writer.integer(quote.end)
            writer.text(quote.normalized)
        }
        return writer.bytes
    }

    /// Reads `encoded()`'s form back.
    ///
    /// - Throws: `DamagedArticle` for bytes of another version, cut short, or not what `encoded()` writes.
    package init(encoded bytes: [UInt8]) throws(DamagedArticle) {
        var reader = ByteReader(bytes: bytes)
        guard reader.byte() == Self.bytesMarker, let version = reader.byte(), version == 1 || version == Self.bytesVersion,
            let flags = reader.byte(),
            let fileName = reader.text(), let contentHash = reader.text(), let title = reader.text(),
            let originCode = reader.byte(), Int(originCode) < ClusterFeatures.originCodes.count,
            let day = reader.int()
        else { throw DamagedArticle() }
        func optional<Value>(_ flag: UInt8, _ read: (inout ByteReader) -> Value?) throws(DamagedArticle) -> Value? {
            guard flags & flag != 0 else { return nil }
            guard let value = read(&reader) else { throw DamagedArticle() }
            return value
        }
        func list<Item>(_ read: (inout ByteReader) -> Item?) throws(DamagedArticle) -> [Item] {
            guard let items = reader.list(read) else { throw DamagedArticle() }
            return items
        }
        let seconds = try optional(16) { $0.int() }
        let offset = try optional(32) { $0.int() }
        let outlet = try optional(4) { $0.text() }
        let url = try optional(8) { $0.text() }
        let authors = try list { $0.text() }
        guard let body = reader.text() else { throw DamagedArticle() }
        let sentences = try list { reader -> Sentence? in
            guard let text = reader.text(), let start = reader.int(), let end = reader.int(),
                let paragraph = reader.int()
            else { return nil }
            return Sentence(text: text, start: start, end: end, paragraph: paragraph)
        }
        let summary = try list { $0.int() }
        let entities = try list { reader -> EntityMention? in
            guard let code = reader.byte(), Int(code >> 2) < Self.entityKindCodes.count, let text = reader.text()
            else { return nil }
            let canonical = code & 2 != 0 ? text : reader.text()
            guard let canonical, let start = reader.int(), let end = reader.int() else { return nil }
            return EntityMention(
                text: text, kind: Self.entityKindCodes[Int(code >> 2)], canonical: canonical, start: start, end: end,
                inTitle: code & 1 != 0)
        }
        // Version 1 did not say which quotations are direct: worked out from where each starts in the body.
        var bodyScalars: [Unicode.Scalar]?
        let quotes = try list { reader -> Quotation? in
            guard let quoteFlags = reader.byte(), quoteFlags <= (version == 1 ? 1 : 3), let text = reader.text() else {
                return nil
            }
            let speaker = quoteFlags & 1 != 0 ? reader.text() : nil
            guard quoteFlags & 1 == 0 || speaker != nil, let start = reader.int(), let end = reader.int(),
                let normalized = reader.text()
            else { return nil }
            let isDirect: Bool
            if version == 1 {
                if bodyScalars == nil { bodyScalars = Array(body.unicodeScalars) }
                isDirect = Quotation.startsDirectly(at: start, in: bodyScalars!)
            } else {
                isDirect = quoteFlags & 2 != 0
            }
            return Quotation(
                text: text, speaker: speaker, start: start, end: end, normalized: normalized, isDirect: isDirect)
        }
        guard reader.remaining == 0 else { throw DamagedArticle() }
        self.init(
            fileName: fileName, contentHash: contentHash, title: title, titleIsGenerated: flags & 1 != 0,
            published: PublicationDate(
                day: CivilDate(daysSinceEpoch: day), secondsIntoDay: seconds, utcOffsetSeconds: offset,
                origin: ClusterFeatures.originCodes[Int(originCode)]),
            outlet: outlet, authors: authors, url: url, body: body, sentences: sentences, summary: summary,
            isEnglish: flags & 2 != 0, entities: entities, quotes: quotes)
    }

    /// Entity kinds by a fixed code, so the byte form does not depend on the enum's declaration order.
    static let entityKindCodes: [EntityKind] = [.person, .organization, .place, .misc]
}

/// Bytes that `Article(encoded:)` cannot read as an article.
package struct DamagedArticle: Error, CustomStringConvertible {
    package var description: String { "the stored article is damaged or of an unknown version" }
}
