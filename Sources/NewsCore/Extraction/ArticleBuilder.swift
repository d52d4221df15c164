/// Runs the language stages on what a format reader extracted: sentences, the title when there is none, the date
/// when there is none, the outlet, the summary and the language.
package struct ArticleBuilder: Sendable {
    package var summaryLength: Int

    package init(summaryLength: Int = 3) { self.summaryLength = summaryLength }

    package func build(_ extracted: ExtractedText, document: RawDocument, contentHash: String) -> Article {
        let body = extracted.paragraphs.joined(separator: "\n\n")
        let sentences = Self.sentences(of: extracted.paragraphs, skipping: extracted.headings)
        let published: PublicationDate
        if let date = extracted.date {
            published = PublicationDate(
                day: date.day, secondsIntoDay: date.secondsIntoDay, utcOffsetSeconds: date.utcOffsetSeconds,
                origin: extracted.dateOrigin)
        } else {
            published = PublicationDate(day: document.arrivalDay, origin: .arrival)
        }
        let outlet = extracted.declaredOutlet ?? document.folderLabel ?? extracted.inferredOutlet
        let title = extracted.title ?? Headline.fromLead(sentences.first?.text ?? body)
        let english: Bool
        if let declared = extracted.declaredLanguage?.lowercased(), !declared.isEmpty {
            english = declared.hasPrefix("en")
        } else {
            english = LanguageGuess.looksEnglish(body)
        }
        let scanned = ScannedText(body)
        let entities = EntityRecognizer().mentions(title: extracted.title, body: scanned)
        let quotes = QuotationExtractor().quotations(body: scanned, entities: entities)
        return Article(
            fileName: document.fileName, contentHash: contentHash, title: title,
            titleIsGenerated: extracted.title == nil, published: published, outlet: outlet,
            authors: extracted.authors, url: extracted.url, body: body, sentences: sentences,
            summary: Summarizer(length: summaryLength).select(sentences, title: extracted.title), isEnglish: english,
            entities: entities, quotes: quotes)
    }

    /// Sentences of every paragraph except headings, with offsets into the body (paragraphs joined by a blank line).
    static func sentences(of paragraphs: [String], skipping headings: Set<Int>) -> [Sentence] {
        var result: [Sentence] = []
        var offset = 0
        for (number, paragraph) in paragraphs.enumerated() {
            let scalars = [Unicode.Scalar](scalarsOf: paragraph)
            if !headings.contains(number) {
                for var range in SentenceSplitter.split(scalars, from: 0, to: scalars.count) {
                    // The lead's dateline (`MUNICH, Germany (AP) _`) is where it was filed, not part of what it says.
                    if result.isEmpty {
                        range = (range.lowerBound + Dateline.length(in: String(scalars: scalars[range])))..<range.upperBound
                    }
                    let text = String(scalars: scalars[range])
                    result.append(
                        Sentence(
                            text: text, start: offset + range.lowerBound, end: offset + range.upperBound,
                            paragraph: number))
                }
            }
            offset += scalars.count + 2
        }
        return result
    }
}
