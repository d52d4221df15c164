/// The byte form a built story is kept in between runs (`ClusteringMemo.keptStories`, `NewsStore.keepStories`).
///
/// Building a story reads and analyses every member; a restart used to build every story of the window it renders
/// first again, though most had not changed (docs/PERFORMANCE.md, stop 25). This form holds what a story is built
/// as, with its members' articles as `withoutArticleText()` leaves them. The timeline (`otherDays`) is not kept:
/// every render works it out from the days around.
extension Story {
    static let bytesMarker: UInt8 = 0
    /// 2: a quotation says whether it is direct (`StoryQuotation.isDirect`).
    static let bytesVersion: UInt8 = 2

    package func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: 256 + entries.count * 192)
        writer.byte(Self.bytesMarker)
        writer.byte(Self.bytesVersion)
        writer.text(id.rawValue)
        writer.text(headline)
        writer.integer(entries.count)
        for entry in entries {
            writer.byteArray(entry.article.withoutText().encoded())
            writer.optionalText(entry.location)
            writer.integer(entry.copies.count)
            for copy in entry.copies {
                writer.text(copy.fileName)
                writer.optionalText(copy.location)
                writer.optionalText(copy.outlet)
                writer.byte(copy.isExact ? 1 : 0)
                writer.optionalText(copy.title)
            }
        }
        writer.integer(summary.count)
        for line in summary { writer.summaryLine(line) }
        writer.integer(quotations.count)
        for quotation in quotations {
            writer.text(quotation.text)
            writer.optionalText(quotation.speaker)
            writer.byte(quotation.isDirect ? 1 : 0)
            writer.integer(quotation.sources.count)
            for source in quotation.sources {
                writer.text(source.fileName)
                writer.text(source.source)
                writer.text(source.text)
                writer.integer(source.start)
                writer.integer(source.end)
            }
            writer.integer(quotation.differences.count)
            for passage in quotation.differences {
                writer.integer(passage.count)
                for variant in passage {
                    writer.text(variant.source)
                    writer.text(variant.text)
                }
            }
        }
        writer.integer(entities.count)
        for entity in entities {
            writer.text(entity.canonical)
            writer.byte(UInt8(Article.entityKindCodes.firstIndex(of: entity.kind) ?? 0))
            writer.integer(entity.mentions)
        }
        writer.integer(additions.count)
        for addition in additions {
            writer.text(addition.fileName)
            writer.text(addition.source)
            writer.integer(addition.lines.count)
            for line in addition.lines { writer.summaryLine(line) }
        }
        return writer.bytes
    }

    /// Reads `encoded()`'s form back, with no timeline.
    ///
    /// - Throws: `DamagedStory` for bytes of another version, cut short, or not what `encoded()` writes.
    package init(encoded bytes: [UInt8]) throws(DamagedStory) {
        var reader = ByteReader(bytes: bytes)
        guard reader.byte() == Self.bytesMarker, reader.byte() == Self.bytesVersion, let id = reader.text(),
            let headline = reader.text()
        else { throw DamagedStory() }
        func list<Item>(_ read: (inout ByteReader) -> Item?) throws(DamagedStory) -> [Item] {
            guard let items = reader.list(read) else { throw DamagedStory() }
            return items
        }
        let entries = try list { reader -> DigestEntry? in
            guard let articleBytes = reader.byteArray(), let article = try? Article(encoded: articleBytes),
                let location = reader.optionalText(),
                let copies = reader.list({ reader -> ArticleCopy? in
                    guard let fileName = reader.text(), let location = reader.optionalText(),
                        let outlet = reader.optionalText(), let isExact = reader.byte(), isExact <= 1,
                        let title = reader.optionalText()
                    else { return nil }
                    return ArticleCopy(
                        fileName: fileName, location: location, outlet: outlet, isExact: isExact == 1, title: title)
                })
            else { return nil }
            return DigestEntry(article: article, location: location, copies: copies)
        }
        let summary = try list { $0.summaryLine() }
        let quotations = try list { reader -> StoryQuotation? in
            guard let text = reader.text(), let speaker = reader.optionalText(), let isDirect = reader.byte(),
                isDirect <= 1,
                let sources = reader.list({ reader -> QuotationSource? in
                    guard let fileName = reader.text(), let source = reader.text(), let text = reader.text(),
                        let start = reader.int(), let end = reader.int()
                    else { return nil }
                    return QuotationSource(fileName: fileName, source: source, text: text, start: start, end: end)
                }),
                let differences = reader.list({ reader in
                    reader.list { reader -> WordingVariant? in
                        guard let source = reader.text(), let text = reader.text() else { return nil }
                        return WordingVariant(source: source, text: text)
                    }
                })
            else { return nil }
            return StoryQuotation(
                text: text, speaker: speaker, sources: sources, differences: differences, isDirect: isDirect == 1)
        }
        let entities = try list { reader -> StoryEntity? in
            guard let canonical = reader.text(), let code = reader.byte(), Int(code) < Article.entityKindCodes.count,
                let mentions = reader.int()
            else { return nil }
            return StoryEntity(canonical: canonical, kind: Article.entityKindCodes[Int(code)], mentions: mentions)
        }
        let additions = try list { reader -> SourceAddition? in
            guard let fileName = reader.text(), let source = reader.text(), let lines = reader.list({ $0.summaryLine() })
            else { return nil }
            return SourceAddition(fileName: fileName, source: source, lines: lines)
        }
        guard reader.remaining == 0 else { throw DamagedStory() }
        self.init(id: StoryID(id), headline: headline, entries: entries, summary: summary)
        self.quotations = quotations
        self.entities = entities
        self.additions = additions
    }
}

/// Bytes that `Story(encoded:)` cannot read as a story.
package struct DamagedStory: Error, CustomStringConvertible {
    package var description: String { "the kept story is damaged or of an unknown version" }
}

extension ByteWriter {
    mutating func summaryLine(_ line: SummaryLine) {
        text(line.text)
        text(line.fileName)
        integer(line.sentenceIndex)
        integer(line.start)
        integer(line.end)
    }
}

extension ByteReader {
    mutating func summaryLine() -> SummaryLine? {
        guard let line = text(), let fileName = text(), let sentenceIndex = int(), let start = int(), let end = int()
        else { return nil }
        return SummaryLine(text: line, fileName: fileName, sentenceIndex: sentenceIndex, start: start, end: end)
    }
}
