/// Finds quotations and their speakers: direct quotations in straight or curly quotation marks (also when they run
/// over several paragraphs), posts and statements introduced by a line such as `The following was posted to
/// Trump’s account:`, and reported speech (`Putin said that …`, `…, Peskov said.`, `according to CNN, …`).
///
/// The method is rule-based, in the manner of the Gender Gap Tracker's extractor: patterns around verbs of saying.
/// A speaker is the canonical name of the person (or organisation) the attribution names, a pronoun resolved to the
/// last person named before it, or the written phrase (`a spokesperson`) when it names nobody. A quotation with no
/// attribution of its own continues the previous speaker's.
///
/// ```swift
/// let body = "“We agree with the proposal,” Putin said."
/// let entities = EntityRecognizer().mentions(title: nil, body: body, sentences: [])
/// let quotes = QuotationExtractor().quotations(body: body, sentences: [], entities: entities)
/// // [Quotation(text: "We agree with the proposal,", speaker: "Putin", …)]
/// ```
package struct QuotationExtractor: Sendable {
    package init() {}

    /// Quotations in body order, with speakers resolved against `entities`.
    ///
    /// - Parameters:
    ///   - body: The article body; offsets are Unicode-scalar offsets into it.
    ///   - sentences: The body's sentences (unused: quotations cross sentence boundaries).
    ///   - entities: The article's entity mentions; title mentions are ignored.
    package func quotations(body: String, sentences: [Sentence], entities: [EntityMention]) -> [Quotation] {
        quotations(body: ScannedText(body), entities: entities)
    }

    /// The same, for a body scanned once for this and the names.
    package func quotations(body scanned: ScannedText, entities: [EntityMention]) -> [Quotation] {
        guard !scanned.scalars.isEmpty else { return [] }
        var scan = QuoteScan(scanned, mentions: entities.filter { !$0.inTitle })
        return scan.run()
    }

    /// The normalised form of a quotation: lower case, punctuation, quotation marks and dashes folded into spaces,
    /// apostrophes dropped, whitespace collapsed (`come to an end — BUT,` → `come to an end but`).
    package static func normalize(_ text: some StringProtocol) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        func append(_ scalar: Unicode.Scalar) {
            if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            if scalar.value < 0x80 {
                bytes.append(UInt8(scalar.value))
            } else {
                bytes.append(contentsOf: UTF8.encode(scalar)!)
            }
        }
        for scalar in text.unicodeScalars {
            if scalar == "'" || scalar == "’" || scalar == "‘" || scalar == "`" { continue }
            if scalar.value < 0x80 {
                // ASCII: no table lookups.
                if ScalarClass.isUppercase(scalar) {
                    append(Unicode.Scalar(scalar.value + 0x20)!)
                } else if ScalarClass.isLowercase(scalar) || ScalarClass.isDigit(scalar) {
                    append(scalar)
                } else {
                    pendingSpace = true
                }
                continue
            }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                for lower in properties.lowercaseMapping.unicodeScalars { append(lower) }
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
