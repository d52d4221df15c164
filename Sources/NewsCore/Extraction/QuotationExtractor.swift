/// Finds direct quotations and their speakers. (First version: finds none.)
package struct QuotationExtractor: Sendable {
    package init() {}

    /// Quotations in body order, with speakers resolved against `entities`.
    package func quotations(body: String, sentences: [Sentence], entities: [EntityMention]) -> [Quotation] { [] }
}
