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

/// A quotation and who said it: the speaker's own words, or what the writer reports of them.
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
    /// True for the speaker's words, in quotation marks or set out as a post or statement; false for reported speech
    /// (`Peskov said the envoy was sent home with …`), which is the writer's wording and is not shown in marks.
    package var isDirect: Bool

    package init(text: String, speaker: String?, start: Int, end: Int, normalized: String, isDirect: Bool = true) {
        self.text = text
        self.speaker = speaker
        self.start = start
        self.end = end
        self.normalized = normalized
        self.isDirect = isDirect
    }

    private enum CodingKeys: String, CodingKey { case text, speaker, start, end, normalized, isDirect }

    /// Articles the store kept as JSON (before stop 17) have no `isDirect`: their quotations read as direct, as they
    /// were shown then.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            text: try container.decode(String.self, forKey: .text),
            speaker: try container.decodeIfPresent(String.self, forKey: .speaker),
            start: try container.decode(Int.self, forKey: .start), end: try container.decode(Int.self, forKey: .end),
            normalized: try container.decode(String.self, forKey: .normalized),
            isDirect: try container.decodeIfPresent(Bool.self, forKey: .isDirect) ?? true)
    }

    /// Whether a quotation found at `start` of `body` (as a version-1 stored article, which did not say) is direct:
    /// its words start right after an opening quotation mark, or after a colon that sets out a post or statement.
    /// Reported speech starts with its clause.
    static func startsDirectly(at start: Int, in body: [Unicode.Scalar]) -> Bool {
        var index = min(start, body.count) - 1
        guard index >= 0 else { return false }
        if SentenceSplitter.isOpening(body[index]) || body[index] == "„" { return true }
        while index >= 0 && ScalarClass.isWhitespace(body[index]) { index -= 1 }
        return index >= 0 && body[index] == ":"
    }
}
