/// What kind of thing an entity is.
package enum EntityKind: String, Hashable, Sendable, Codable, CaseIterable {
    case person = "PERSON"
    case organization = "ORG"
    case place = "PLACE"
    case misc = "MISC"
}

/// One mention of a person, organisation or place.
package struct EntityMention: Hashable, Sendable, Codable {
    /// The surface form as written (`Putin`, `Witloff`).
    package var text: String
    package var kind: EntityKind
    /// The entity's canonical name after alias merging (`Vladimir Putin`, `Steve Witkoff`).
    package var canonical: String
    /// Character (Unicode scalar) offsets into the body, or into the title when `inTitle` is true.
    package var start: Int
    package var end: Int
    package var inTitle: Bool

    package init(text: String, kind: EntityKind, canonical: String, start: Int, end: Int, inTitle: Bool = false) {
        self.text = text
        self.kind = kind
        self.canonical = canonical
        self.start = start
        self.end = end
        self.inTitle = inTitle
    }
}

/// A direct quotation and who said it.
package struct Quotation: Hashable, Sendable, Codable {
    /// The quoted words, without the quotation marks.
    package var text: String
    /// The speaker's canonical name, when attributed.
    package var speaker: String?
    /// Character (Unicode scalar) offsets of the quoted words into the body.
    package var start: Int
    package var end: Int
    /// A normalised form for matching the same quotation across outlets despite small wording differences.
    package var normalized: String

    package init(text: String, speaker: String?, start: Int, end: Int, normalized: String) {
        self.text = text
        self.speaker = speaker
        self.start = start
        self.end = end
        self.normalized = normalized
    }
}
