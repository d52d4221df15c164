/// Finds people, organisations and places in an article. (First version: finds none.)
package struct EntityRecognizer: Sendable {
    package init() {}

    /// Every mention in the title (when the source had one) and the body, in document order.
    package func mentions(title: String?, body: String, sentences: [Sentence]) -> [EntityMention] { [] }
}
