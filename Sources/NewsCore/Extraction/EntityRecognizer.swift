/// Finds people, organisations, places and other names (nationalities, events) in an article, without a trained
/// model: capitalisation, titles, name-part and institution words, gazetteers of real places and names, and what
/// the rest of the document says about the same name.
///
/// ```swift
/// let mentions = EntityRecognizer().mentions(title: nil, body: "Putin met Donald Trump in Moscow.", sentences: [])
/// // Putin (PERSON), Donald Trump (PERSON), Moscow (PLACE)
/// ```
///
/// The gazetteers are loaded the first time any recogniser runs; `docs/gazetteers.md` says where they come from.
package struct EntityRecognizer: Sendable {
    package init() {}

    /// Every mention in the title (when the source had one) and the body, in document order.
    ///
    /// - Parameters:
    ///   - title: The source's own title, or nil when it had none (a generated title is not scanned).
    ///   - body: The article body; mention offsets are Unicode-scalar offsets into it.
    ///   - sentences: The body's sentences (unused: names are found on the whole body, headings included).
    /// - Returns: Title mentions first (`inTitle: true`, offsets into the title), then body mentions, each with the
    ///   canonical name of its entity (`Putin` → `Vladimir Putin`).
    package func mentions(title: String?, body: String, sentences: [Sentence]) -> [EntityMention] {
        mentions(title: title, body: ScannedText(body))
    }

    /// The same, for a body scanned once for this and the quotations.
    package func mentions(title: String?, body scanned: ScannedText) -> [EntityMention] {
        let bodyScalars = scanned.scalars
        let bodyTokens = TokenScanner.splitPlaceCompounds(scanned.tokens, bodyScalars)
        let titleScalars = title.map { [Unicode.Scalar](scalarsOf: $0) } ?? []
        let titleTokens =
            title == nil ? [] : TokenScanner.splitPlaceCompounds(TokenScanner.tokens(titleScalars), titleScalars)
        var lowercase = NameFinder.lowercaseWords(of: bodyTokens)
        lowercase.formUnion(NameFinder.lowercaseWords(of: titleTokens))
        var capitalized = NameFinder.capitalizedWords(of: bodyTokens)
        capitalized.formUnion(NameFinder.capitalizedWords(of: titleTokens))
        let sport = Self.sport(titleTokens.isEmpty ? bodyTokens : titleTokens, body: bodyTokens)

        let body = NameFinder(
            scalars: bodyScalars, tokens: bodyTokens, lowercaseWords: lowercase, capitalizedWords: capitalized,
            sport: sport)
        var memory = DocumentMemory()
        var bodyRuns: [Range<Int>] = []
        var bodyFound = Self.proseNames(body, memory: &memory, capitalRuns: &bodyRuns)
        let titleFinder = NameFinder(
            scalars: titleScalars, tokens: titleTokens, lowercaseWords: lowercase, capitalizedWords: capitalized,
            sport: sport)
        var titleMemory = memory
        var titleRuns: [Range<Int>] = []
        var titleFound = Self.proseNames(titleFinder, memory: &titleMemory, capitalRuns: &titleRuns)
        titleFound = titleFound.compactMap { Self.relabel($0, finder: titleFinder, memory: memory) }
        bodyFound = bodyFound.compactMap { Self.relabel($0, finder: body, memory: memory) }

        let titleProse = Self.found(titleFound, in: titleFinder, inTitle: true)
        let bodyProse = Self.found(bodyFound, in: body, inTitle: false)
        var found = Self.merge(
            titleProse, Self.lookupNames(titleFinder, memory: memory, capitalRuns: titleRuns, inTitle: true))
        found += Self.merge(bodyProse, Self.lookupNames(body, memory: memory, capitalRuns: bodyRuns))
        return AliasResolver.resolve(found)
    }

    /// Both lists in text order, leaving out looked-up names that overlap a name found in prose.
    static func merge(_ prose: [Found], _ lookedUp: [Found]) -> [Found] {
        var result = prose
        for candidate in lookedUp
        where !prose.contains(where: { $0.start < candidate.end && candidate.start < $0.end }) {
            result.append(candidate)
        }
        return result.sorted { $0.start < $1.start }
    }

    /// A mention before its canonical name is known.
    struct Found {
        var text: String
        var key: String
        var kind: EntityKind
        var start: Int
        var end: Int
        var inTitle: Bool
        /// Lower-case words of the name, without initials' full stops.
        var words: [String]
    }

    /// Candidates of the prose lines, typed, with team roles applied, noted in `memory`.
    ///
    /// Runs of words in capitals inside prose (`BUT, AT THIS VERY MOMENT, …`) are left to the lookup and returned in
    /// `capitalRuns`.
    static func proseNames(
        _ finder: NameFinder, memory: inout DocumentMemory, capitalRuns: inout [Range<Int>]
    ) -> [NameCandidate] {
        let known: (String) -> Bool = { key in !Gazetteer.entry(key).isDisjoint(with: .known) }
        var result: [NameCandidate] = []
        for line in finder.lines where line.style != .capitals {
            let lineWords = finder.tokens[line.range].count(where: { $0.isWord })
            let candidates = finder.proseCandidates(in: line.range, known: known)
            let pieces =
                line.style == .titleCase ? candidates.flatMap { finder.splitAtHeadlineWords($0, known: known) } : candidates
            for candidate in pieces {
                let range = candidate.first...candidate.last
                if candidate.count >= 2, !known(candidate.key),
                    range.allSatisfy({ finder.tokens[$0].isAllCaps || !finder.tokens[$0].isWord })
                {
                    capitalRuns.append(candidate.first..<(candidate.last + 1))
                    continue
                }
                var typed = finder.classify(candidate)
                guard typed.kind != nil, keepsSentenceStart(&typed, finder: finder) else { continue }
                // In a Title Case line only a name that shows itself by its own words counts; the rest is looked up.
                if line.style == .titleCase && (typed.strength < Strength.structure || typed.count >= lineWords) {
                    continue
                }
                if finder.isSports, typed.kind == .place, typed.strength == Strength.weakLexicon,
                    finder.isTeamRole(typed)
                {
                    typed.kind = .organization
                    typed.strength = Strength.role
                }
                result.append(typed)
            }
        }
        for candidate in result { memory.note(candidate, tokens: finder.tokens) }
        return result
    }

    /// Whether a weakly supported candidate stays: ordinary words with a capital (`Results`, `Add Men`) stay only if
    /// the rest of the document confirms them (marked `needsConfirmation`), and a lone capitalised word starting a
    /// sentence goes when the document writes it in lower case elsewhere (`Citing`, `Asked`).
    static func keepsSentenceStart(_ candidate: inout NameCandidate, finder: NameFinder) -> Bool {
        guard candidate.strength < Strength.structure else { return true }
        let range = candidate.first...candidate.last
        if range.allSatisfy({ !finder.tokens[$0].isWord || Gazetteer.isCommonWord(finder.tokens[$0].key) }) {
            // `Results`, `Add Men`: ordinary words with a capital, unless the document shows they name someone.
            candidate.needsConfirmation = true
            return true
        }
        guard candidate.count == 1 else { return true }
        let token = finder.tokens[candidate.first]
        guard token.startsSentence else { return true }
        let key = token.key
        if key.hasSuffix("ing") || key.hasSuffix("ly") || key.hasSuffix("ed") || finder.lowercaseWords.contains(key) {
            return false
        }
        candidate.needsConfirmation = !finder.capitalizedWords.contains(key)
        return true
    }

    /// Applies what the whole document knows to one candidate.
    static func relabel(_ candidate: NameCandidate, finder: NameFinder, memory: DocumentMemory) -> NameCandidate? {
        var result = candidate
        if result.needsConfirmation {
            let confirmed =
                memory.isPersonWord(result.key) || memory.personWord(nearTo: result.key) != nil
                || (memory.best(result.key)?.strength ?? 0) >= Strength.structure
            if !confirmed { return nil }
        }
        if result.count == 1 && memory.isPersonWord(result.key) && result.kind != .person && !result.afterTitle {
            // `Jordan` after `Michael Jordan` is the player, unless the sentence puts it somewhere (`in Jordan`).
            let previous = result.first > 0 ? finder.tokens[result.first - 1].key : ""
            if result.strength >= Strength.role
                || (EntityCues.placePrepositions.contains(previous) && Gazetteer.isPlace(result.key))
            {
                return result
            }
            result.kind = .person
            result.strength = Strength.structure
            return result
        }
        if let best = memory.best(result.key), best.strength > result.strength {
            result.kind = best.kind
            result.strength = best.strength
        } else if result.count == 1, result.strength <= Strength.guess, memory.personWord(nearTo: result.key) != nil {
            result.kind = .person
            result.strength = Strength.context
        }
        return result
    }

    static func found(_ candidates: [NameCandidate], in finder: NameFinder, inTitle: Bool) -> [Found] {
        candidates.compactMap { candidate in
            guard let kind = candidate.kind else { return nil }
            let start = finder.tokens[candidate.first].start
            let end = finder.tokens[candidate.last].end
            let words = (candidate.first...candidate.last).compactMap { index -> String? in
                let token = finder.tokens[index]
                return token.isWord ? token.key : nil
            }
            return Found(
                text: String(scalars: finder.scalars[start..<end]), key: candidate.key, kind: kind,
                start: start, end: end, inTitle: inTitle, words: words)
        }
    }

    // MARK: Lines in capitals or Title Case

    /// Names in headline-style lines, where capitals say nothing: only names the document or the gazetteers know.
    static func lookupNames(
        _ finder: NameFinder, memory: DocumentMemory, capitalRuns: [Range<Int>] = [], inTitle: Bool = false
    ) -> [Found] {
        var result: [Found] = []
        let lines = finder.lines.filter { $0.style != .prose } + capitalRuns.map { ($0, NameFinder.LineStyle.capitals) }
        for line in lines {
            let words = hyphenParts(finder, line.range)
            var index = 0
            while index < words.count {
                var matched = 0
                for length in stride(from: min(5, words.count - index), through: 1, by: -1) {
                    let span = Array(words[index..<(index + length)])
                    guard let kind = lookupKind(span, finder: finder, memory: memory, line: line, at: index) else {
                        continue
                    }
                    let start = span.first!.start
                    let end = span.last!.end
                    result.append(
                        Found(
                            text: String(scalars: finder.scalars[start..<end]),
                            key: span.map(\.key).joined(separator: " "), kind: kind, start: start, end: end,
                            inTitle: inTitle, words: span.map(\.key)))
                    matched = length
                    break
                }
                index += max(matched, 1)
            }
        }
        return result
    }

    /// A line's words with hyphenated words cut into their parts (`US-Backed` → `US`, `Backed`); punctuation
    /// ends a run, so it is kept as a separator with an empty key.
    static func hyphenParts(_ finder: NameFinder, _ range: Range<Int>) -> [TextToken] {
        var result: [TextToken] = []
        for index in range {
            let token = finder.tokens[index]
            guard token.isWord, token.hasHyphen, !Gazetteer.isPlace(token.key) else {
                result.append(token)
                continue
            }
            var partStart = token.start
            for offset in token.start...token.end where offset == token.end || finder.scalars[offset] == "-" {
                if offset > partStart {
                    var part = TokenScanner.word(finder.scalars, partStart, offset, lineBreak: false)
                    part.startsSentence = false
                    result.append(part)
                }
                partStart = offset + 1
            }
        }
        return result
    }

    static func lookupKind(
        _ span: [TextToken], finder: NameFinder, memory: DocumentMemory,
        line: (range: Range<Int>, style: NameFinder.LineStyle), at position: Int
    ) -> EntityKind? {
        guard span.allSatisfy({ $0.isWord }) else { return nil }
        if span.count > 1 {
            // A name neither starts nor ends with a small word (`AT`, `OF`, `THE`); checked before building the key.
            let first = span.first!.key
            let last = span.last!.key
            if NameFinder.smallWords.contains(first) || NameFinder.smallWords.contains(last)
                || EntityCues.functionWords.contains(last)
            {
                return nil
            }
        }
        let key = span.count == 1 ? span[0].key : span.map(\.key).joined(separator: " ")
        if span.count == 1 && !(span[0].isAllCaps && Gazetteer.countries.contains(key)) {
            if EntityCues.functionWords.contains(key) || NameFinder.smallWords.contains(key)
                || EntityCues.notNames.contains(key) || NameFinder.sports.contains(key)
                || EntityCues.personTitles.contains(key)
            {
                return nil
            }
            guard span[0].isCapitalized else { return nil }
        } else if !span.first!.isCapitalized || !span.last!.isCapitalized {
            return nil
        }
        if isDateline(span, finder: finder, line: line, at: position) { return .place }
        if let best = memory.best(key), best.strength >= Strength.context { return best.kind }
        if Gazetteer.organizations.contains(key) { return .organization }
        if Gazetteer.countries.contains(key) { return .place }
        if Gazetteer.miscNames.contains(key) || finder.isDemonym(key) { return .misc }
        if span.count == 1 && memory.isPersonWord(key) { return .person }
        if Gazetteer.regions.contains(key) || Gazetteer.cities.contains(key) {
            if finder.isTeamSports && !Gazetteer.capitals.contains(key) { return .organization }
            if finder.isSports, let after = finder.tokens[line.range].first(where: { $0.start >= span.last!.end }),
                after.kind == .number || finder.isScore(after.text)
            {
                return .organization
            }
            // The dateline's place (`LONDON 1996-08-30`) and other places; a county is a team in a sports report,
            // but then the body has said so and `memory` answered above.
            return .place
        }
        if line.style == .capitals && span.count == 2 && Gazetteer.firstNames.contains(span[0].key)
            && !EntityCues.functionWords.contains(span[1].key)
            && (Gazetteer.surnames.contains(span[1].key) || memory.isPersonWord(span[1].key)
                || NameFinder.looksLikeSurname(span[1].key))
        {
            return .person
        }
        return nil
    }

    /// A dateline's first words before the date are a place, even when no list knows them (`LONDON 1996-08-30`).
    static func isDateline(
        _ span: [TextToken], finder: NameFinder, line: (range: Range<Int>, style: NameFinder.LineStyle),
        at position: Int
    ) -> Bool {
        guard line.style == .capitals, position == 0,
            line.range.lowerBound == 0 || finder.tokens[line.range.lowerBound].startsLine,
            let dateToken = finder.tokens[line.range].first(where: { !$0.isAllCaps || $0.kind == .number }),
            dateToken.kind != .punctuation,
            dateToken.text.unicodeScalars.first.map({ ("0"..."9").contains($0) }) ?? false,
            span.last!.end < dateToken.start
        else { return false }
        // Only the words right before the date: `NEW YORK 1996-08-30`, not a headline with a number in it.
        let between = finder.tokens[line.range].filter { $0.start >= span.last!.end && $0.end <= dateToken.start }
        return between.allSatisfy { $0.kind == .punctuation }
            && span.first!.start == finder.tokens[line.range.lowerBound].start
    }

    /// The sport when the text is a sports report: its headline starts with a sport (`SOCCER - …`), or `sports` when
    /// it is full of scores; nil otherwise.
    static func sport(_ head: [TextToken], body: [TextToken]) -> String? {
        if let first = head.first(where: { $0.isWord }) {
            let word = String(first.key.split(separator: "-")[0])
            if NameFinder.sports.contains(word) { return word }
        }
        var scores = 0
        var words = 0
        for token in body where token.isWord || token.kind == .number {
            words += 1
            guard let first = token.text.utf8.first, first >= 0x30 && first <= 0x39 else { continue }
            var sawDigit = false
            var dashes = 0
            var other = false
            for scalar in token.text.unicodeScalars {
                if ScalarClass.isDigit(scalar) {
                    sawDigit = true
                } else if scalar == "-" {
                    dashes += 1
                } else {
                    other = true
                }
            }
            if sawDigit && dashes == 1 && !other && token.text.unicodeScalars.count <= 7 { scores += 1 }
        }
        return scores >= 4 && scores * 40 >= words ? "sports" : nil
    }
}
