/// What a document has already said about its names: each surface form's best-supported kind, and the words of
/// the full person names it used (so a later `Smith` after `John Smith` is a person).
struct DocumentMemory {
    /// The strongest evidence and the number of mentions for each kind, by `EntityKind.allCases` index; fixed-size
    /// vectors, so noting a mention allocates nothing.
    struct Votes {
        var strength = SIMD4<Int32>(repeating: 0)
        var count = SIMD4<Int32>(repeating: 0)
    }

    static func slot(_ kind: EntityKind) -> Int {
        switch kind {
        case .person: 0
        case .organization: 1
        case .place: 2
        case .misc: 3
        }
    }

    private(set) var votes: [String: Votes] = [:]
    /// Lower-case words of multi-word person names (given names and surnames), with how often each was seen.
    private(set) var personWords: [String: Int] = [:]

    mutating func note(_ candidate: NameCandidate, tokens: [TextToken]) {
        guard let kind = candidate.kind else { return }
        let slot = Self.slot(kind)
        votes[candidate.key, default: Votes()].strength[slot] = max(
            votes[candidate.key]?.strength[slot] ?? 0, Int32(candidate.strength))
        votes[candidate.key]!.count[slot] += 1
        guard kind == .person, candidate.count >= 2 else { return }
        for index in candidate.first...candidate.last {
            let token = tokens[index]
            guard token.isWord, !token.isInitial, token.key.unicodeScalars.count > 1,
                !EntityCues.nameParticles.contains(token.key),
                candidate.strength >= Strength.context || !Gazetteer.isCommonWord(token.key)
            else { continue }
            personWords[token.key, default: 0] += 1
        }
    }

    /// The kind with the strongest evidence for `key` (ties: the more frequent), and that evidence's strength.
    func best(_ key: String) -> (kind: EntityKind, strength: Int)? {
        guard let entry = votes[key] else { return nil }
        var best: (kind: EntityKind, strength: Int32, count: Int32)?
        for kind in EntityKind.allCases {
            let slot = Self.slot(kind)
            let count = entry.count[slot]
            guard count > 0 else { continue }
            let strength = entry.strength[slot]
            if best == nil || strength > best!.strength || (strength == best!.strength && count > best!.count) {
                best = (kind, strength, count)
            }
        }
        return best.map { ($0.kind, Int($0.strength)) }
    }

    func isPersonWord(_ key: String) -> Bool { personWords[key] != nil }

    /// A person-name word one edit away from `key` (`witloff` → `witkoff`), when exactly one such word is known and
    /// both are long enough to be surnames rather than short words.
    func personWord(nearTo key: String) -> String? {
        let scalars = Array(key.unicodeScalars)
        guard scalars.count >= 5 else { return nil }
        var found: String?
        for word in personWords.keys where word != key {
            let other = Array(word.unicodeScalars)
            guard other.count >= 5, abs(other.count - scalars.count) <= 1, other.first == scalars.first,
                EditDistance.isAtMostOne(scalars, other)
            else { continue }
            if found != nil { return nil }
            found = word
        }
        return found
    }
}

/// Levenshtein distance, only as far as telling 0, 1 and more apart.
enum EditDistance {
    /// Whether one insertion, deletion or substitution (or none) turns `a` into `b`.
    static func isAtMostOne(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        if a.count == b.count {
            var differences = 0
            for index in a.indices where a[index] != b[index] {
                differences += 1
                if differences > 1 { return false }
            }
            return true
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count - short.count == 1 else { return false }
        var i = 0
        var j = 0
        var skipped = false
        while i < short.count && j < long.count {
            if short[i] == long[j] {
                i += 1
                j += 1
            } else {
                if skipped { return false }
                skipped = true
                j += 1
            }
        }
        return true
    }
}
