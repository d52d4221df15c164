/// A run of tokens that may be a name, with the kind we settled on and how sure we are.
struct NameCandidate: Sendable {
    /// Token indexes, both inclusive.
    var first: Int
    var last: Int
    var key: String
    var kind: EntityKind?
    /// How strong the evidence for `kind` is; larger wins. See ``Strength``.
    var strength: Int
    /// A title such as `President` or `Mr` stood before it.
    var afterTitle = false
    /// A lone word at the start of a sentence, kept only if the rest of the document shows it is a name.
    var needsConfirmation = false

    var count: Int { last - first + 1 }
}

/// How much a piece of evidence counts when candidates disagree about a name's kind.
enum Strength {
    /// Nothing but the shape of the word: the default for an unknown capitalised word.
    static let guess = 1
    /// The words around it (`in X`, `X said`).
    static let context = 2
    /// Its own words (`… Inc`, `… University`, a given name, initials).
    static let structure = 4
    /// A city, region or surname list.
    static let weakLexicon = 5
    /// What it does in a sports report (`Leicestershire beat Somerset`): stronger than a place list.
    static let role = 6
    /// A country, a known organisation, a nationality, or a title before a person's name.
    static let lexicon = 8
}
