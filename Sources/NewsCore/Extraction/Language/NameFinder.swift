/// Finds and types the names in one tokenised text (an article body or its title).
///
/// The method, in order:
/// 1. Runs of capitalised words are candidates; particles (`de`, `van`, `bin`) and `of` after an institution word
///    (`Bank of England`) may join them; titles (`President`, `Gen.`) split them and mark what follows as a person;
///    a capitalised function word that starts a sentence (`After`, `The`) is dropped.
/// 2. Lines in capitals or in Title Case (headlines, datelines, subheadings) say nothing through capitals; there
///    only names already known from the document or from the gazetteers count.
/// 3. Each candidate is typed from the strongest evidence: gazetteers, its own words (`Inc`, `University`, a given
///    name, initials), its role in a sports report, and the words around it (`in X`, `X said`).
/// 4. What the document says once it says everywhere: a later `Smith` after `John Smith` is a person, and one
///    surface form gets one kind, the one with the strongest evidence.
struct NameFinder {
    let scalars: [Unicode.Scalar]
    var tokens: [TextToken]
    /// Lower-case forms of words the document writes in lower case somewhere; a capitalised one of these at the
    /// start of a sentence is an ordinary word.
    let lowercaseWords: Set<String>
    /// Lower-case forms of words the document capitalises inside a sentence, where a capital means a name.
    let capitalizedWords: Set<String>
    let isSports: Bool
    /// A team sport's report, where a city or county is nearly always a team.
    let isTeamSports: Bool
    /// Token ranges of the text's lines, each with the way it is capitalised.
    private(set) var lines: [(range: Range<Int>, style: LineStyle)] = []

    init(
        scalars: [Unicode.Scalar], tokens: [TextToken], lowercaseWords: Set<String>, capitalizedWords: Set<String>,
        sport: String?
    ) {
        self.scalars = scalars
        self.tokens = tokens
        self.lowercaseWords = lowercaseWords
        self.capitalizedWords = capitalizedWords
        self.isSports = sport != nil
        self.isTeamSports = sport.map(Self.teamSports.contains) ?? false
        self.lines = findLines()
    }

    /// Lower-case forms of the capitalised words of `tokens` that do not start a sentence, in prose lines.
    static func capitalizedWords(of tokens: [TextToken]) -> Set<String> {
        var result = Set<String>()
        var lineIsCapitals = false
        for (index, token) in tokens.enumerated() {
            if token.startsLine {
                var letters = 0
                var capitals = 0
                for next in tokens[index...] {
                    if next.startsLine && next.start != token.start { break }
                    if next.isWord {
                        letters += 1
                        if next.isAllCaps { capitals += 1 }
                    }
                }
                lineIsCapitals = capitals * 10 >= letters * 8
            }
            if token.isWord && token.isCapitalized && !token.startsSentence && !lineIsCapitals {
                result.insert(token.key)
            }
        }
        return result
    }

    /// The lower-case words of `tokens`.
    static func lowercaseWords(of tokens: [TextToken]) -> Set<String> {
        var result = Set<String>()
        // Most of a text's words are lower-case: room for them up front, not a rehash at every doubling.
        result.reserveCapacity(tokens.count / 2)
        for token in tokens where token.isWord && !token.isCapitalized && !token.startsSentence {
            if let first = token.text.unicodeScalars.first, ScalarClass.isLowercase(first) { result.insert(token.key) }
        }
        return result
    }

    // MARK: Lines

    enum LineStyle { case prose, capitals, titleCase }

    func findLines() -> [(range: Range<Int>, style: LineStyle)] {
        var result: [(Range<Int>, LineStyle)] = []
        var start = 0
        for index in tokens.indices where index > start && tokens[index].startsLine {
            result.append((start..<index, style(of: start..<index)))
            start = index
        }
        if start < tokens.count { result.append((start..<tokens.count, style(of: start..<tokens.count))) }
        return result
    }

    func style(of range: Range<Int>) -> LineStyle {
        var letterWords = 0
        var capitals = 0
        var capitalised = 0
        var contentWords = 0
        var hasDigits = false
        var endsLikeSentence = false
        for index in range {
            let token = tokens[index]
            // A year is how a headline dates what it reports (`… Girlfriend 2014: …`); other numbers mark a table,
            // a score or a dateline.
            if token.kind == .number && !Self.isYear(token.text) { hasDigits = true }
            if token.kind == .punctuation {
                switch token.mark {
                // Full stops in a row are an ellipsis: an aggregator cut the headline short (`… Premiere Of  ...`).
                case "." where index > range.lowerBound && tokens[index - 1].mark == ".": endsLikeSentence = false
                case ".", "!", "?", ":", ";", "”", "\"": endsLikeSentence = true
                default: endsLikeSentence = false
                }
                continue
            }
            endsLikeSentence = false
            guard token.isWord, token.hasLetter else { continue }
            letterWords += 1
            if token.isAllCaps && token.end - token.start > 1 { capitals += 1 }
            if !Self.smallWords.contains(token.key) {
                contentWords += 1
                if token.isCapitalized { capitalised += 1 }
            }
        }
        if letterWords >= 1 && capitals * 10 >= letterWords * 8 && (letterWords >= 2 || capitals == letterWords) {
            // One capitalised word alone (`LONDON 1996-08-30`) is a dateline and reads the same way.
            return .capitals
        }
        if !hasDigits && !endsLikeSentence && contentWords >= 2 && contentWords <= 14
            && capitalised * 10 >= contentWords * 8
        {
            return .titleCase
        }
        return .prose
    }

    /// Four digits from 1900 to 2099.
    static func isYear(_ text: String) -> Bool {
        guard text.utf8.count == 4, let value = Int(text) else { return false }
        return (1900...2099).contains(value)
    }

    /// Words a Title Case headline leaves in lower case.
    static let smallWords: WordTable<Bool> = [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "with", "by", "from", "as", "vs",
        "v", "into", "over", "after", "up", "off", "out", "is", "are", "be", "its", "s", "'s",
    ]

    // MARK: Candidates in prose

    /// Candidate names in a line of ordinary prose.
    func proseCandidates(in range: Range<Int>, known: (String) -> Bool) -> [NameCandidate] {
        var result: [NameCandidate] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            guard token.isWord, token.isCapitalized else {
                index += 1
                continue
            }
            var last = index
            while true {
                let next = last + 1
                guard next < range.upperBound else { break }
                let candidate = tokens[next]
                // A name never runs over a line break (a heading or byline above the first sentence).
                if candidate.startsLine { break }
                if candidate.isWord && candidate.isCapitalized && candidate.start > tokens[last].end {
                    last = next
                    continue
                }
                // `Joost van der Westhuizen`: two particles in a row.
                if candidate.isWord, EntityCues.nameParticles.contains(candidate.key), next + 2 < range.upperBound,
                    EntityCues.nameParticles.contains(tokens[next + 1].key), tokens[next + 2].isWord,
                    tokens[next + 2].isCapitalized
                {
                    last = next + 2
                    continue
                }
                if candidate.isWord, next + 1 < range.upperBound, tokens[next + 1].isWord,
                    tokens[next + 1].isCapitalized
                {
                    if EntityCues.nameParticles.contains(candidate.key) {
                        last = next + 1
                        continue
                    }
                    if candidate.key == "of" && joinsWithOf(index...last, next: next + 1, known: known) {
                        last = next + 1
                        continue
                    }
                    if candidate.key == "and"
                        && (known(key(index, next + 1)) || namesOneInstitution(index, last, after: next + 1, known: known))
                    {
                        last = next + 1
                        continue
                    }
                }
                if candidate.isWord, candidate.key == "of", next + 2 < range.upperBound, tokens[next + 1].key == "the",
                    tokens[next + 2].isWord, tokens[next + 2].isCapitalized,
                    joinsWithOf(index...last, next: next + 2, known: known)
                {
                    last = next + 2
                    continue
                }
                if candidate.mark == "&", next + 1 < range.upperBound, tokens[next + 1].isWord,
                    tokens[next + 1].isCapitalized
                {
                    last = next + 1
                    continue
                }
                break
            }
            result += refine(index, last, known: known)
            index = last + 1
        }
        return result
    }

    /// Whether `and` after the one word `first...last` joins two halves of one institution's name: the capitalised
    /// words from `after` end in an institution word (`Truth and Reconciliation Commission`, `Food and Drug
    /// Administration`), and the word before is no name of its own (`Britain and the Electoral Commission` stay two).
    func namesOneInstitution(_ first: Int, _ last: Int, after: Int, known: (String) -> Bool) -> Bool {
        guard first == last, !known(tokens[first].key) else { return false }
        var end = after
        while end + 1 < tokens.count, !tokens[end + 1].startsLine, tokens[end + 1].isWord, tokens[end + 1].isCapitalized,
            tokens[end + 1].start > tokens[end].end
        {
            end += 1
        }
        return end > after && EntityCues.institutionsNamedWithAnd.contains(tokens[end].key)
    }

    /// Whether `of` continues a name: after an institution word (`Bank of`), or before a known place.
    func joinsWithOf(_ left: ClosedRange<Int>, next: Int, known: (String) -> Bool) -> Bool {
        let head = tokens[left.upperBound].key
        return EntityCues.organizationOfHeads.contains(head) || EntityCues.organizationHeads.contains(head)
            || EntityCues.miscHeads.contains(head)
    }

    /// Cuts a run of capitalised words into names: drops months and days, a sentence's first function word and
    /// titles, and marks a name after a title as a person's.
    func refine(_ first: Int, _ last: Int, known: (String) -> Bool) -> [NameCandidate] {
        var pieces: [ClosedRange<Int>] = []
        var start = first
        for index in first...last {
            var key = tokens[index].key
            if key.hasSuffix(".") && key.utf8.count > 2 { key.removeLast() }
            // A lone letter (`( N )`, `Z`) is a mark in a table, not a name; an initial has its full stop.
            let isLetter = key.utf8.count == 1 && key != "i"
            let isNotName =
                isLetter || EntityCues.notNames.contains(key) && !(index > first && index < last && key.count > 2)
                && !(index == first && index < last && tokens[index + 1].isCapitalized && key == "may")
            if isNotName {
                if index > start { pieces.append(start...(index - 1)) }
                start = index + 1
            }
        }
        if start <= last { pieces.append(start...last) }

        var result: [NameCandidate] = []
        for piece in pieces {
            result += splitAtTitles(piece, known: known)
        }
        return result
    }

    func splitAtTitles(_ piece: ClosedRange<Int>, known: (String) -> Bool) -> [NameCandidate] {
        var lower = piece.lowerBound
        let upper = piece.upperBound
        // A sentence's first word, when it is an ordinary word (`After`, `The`, `Police`).
        while lower <= upper, isDroppableStart(lower, upper, known: known) { lower += 1 }
        guard lower <= upper else { return [] }

        // The last title with a name after it: `US President Donald Trump` → `US` | `Donald Trump`.
        var titleIndex: Int?
        if !known(key(lower, upper)) {
            for index in stride(from: upper - 1, through: lower, by: -1)
            where EntityCues.personTitles.contains(tokens[index].key) && isNameAfterTitle(index + 1) {
                let prefix = prefixBeforeTitle(lower, index)
                if prefix == nil || known(key(lower, prefix!)) || isKnownSingle(lower, prefix!)
                    || EntityCues.organizationHeads.contains(tokens[prefix!].key)
                {
                    titleIndex = index
                    break
                }
            }
        }
        if let titleIndex {
            var result: [NameCandidate] = []
            if let prefix = prefixBeforeTitle(lower, titleIndex) {
                result.append(candidate(lower, prefix))
            }
            var name = candidate(titleIndex + 1, upper)
            name.afterTitle = true
            result.append(name)
            return result
        }
        // `Australian Tom Moody`: a nationality before a given name is not part of the name.
        if upper - lower >= 2, isDemonym(tokens[lower].key), Gazetteer.firstNames.contains(tokens[lower + 1].key),
            !known(key(lower, upper))
        {
            return [candidate(lower, lower), candidate(lower + 1, upper)]
        }
        // Titles and their qualifiers at the end, with no name after them: `Russian President`.
        var end = upper
        var strippedTitle = false
        while end >= lower, isTitleWord(tokens[end].key), !known(key(lower, end)) {
            if EntityCues.personTitles.contains(tokens[end].key) { strippedTitle = true }
            end -= 1
        }
        if end < upper && strippedTitle {
            guard end >= lower else { return [] }
            return [candidate(lower, end)]
        }
        // A lone title or office word (`President`, `Minister`) is not a name.
        if lower == upper, EntityCues.personTitles.contains(tokens[lower].key) { return [] }
        return [candidate(lower, upper)]
    }

    /// Whether the word after a title can start a person's name: `Major John Smith`, `President Putin`, but not
    /// `Major League`, `General Motors`.
    func isNameAfterTitle(_ index: Int) -> Bool {
        let token = tokens[index]
        if token.isInitial || Gazetteer.firstNames.contains(token.key) { return true }
        return !Gazetteer.isCommonWord(token.key) || Gazetteer.surnames.contains(token.key)
    }

    func isTitleWord(_ key: String) -> Bool {
        EntityCues.personTitles.contains(key) || EntityCues.titleModifiers.contains(key)
    }

    /// The last token before a title that is not one of its qualifiers, or nil when only qualifiers precede it.
    func prefixBeforeTitle(_ lower: Int, _ title: Int) -> Int? {
        var end = title - 1
        while end >= lower, isTitleWord(tokens[end].key) && !Gazetteer.isPlace(tokens[end].key) { end -= 1 }
        return end >= lower ? end : nil
    }

    func isKnownSingle(_ lower: Int, _ upper: Int) -> Bool {
        let key = key(lower, upper)
        return Gazetteer.isPlace(key) || Gazetteer.demonyms.contains(key) || Gazetteer.organizations.contains(key)
            || tokens[upper].isAcronym
    }

    func isDroppableStart(_ index: Int, _ upper: Int, known: (String) -> Bool) -> Bool {
        let token = tokens[index]
        if token.key == "the" || token.key == "a" || token.key == "an" {
            return !known(key(index, upper))
        }
        // A clause after a colon starts with a capital as a sentence does (`Snowden: His NSA leaks …`).
        guard token.startsSentence || index > 0 && tokens[index - 1].mark == ":" else {
            return EntityCues.functionWords.contains(token.key) && !token.isAllCaps && index < upper
                && ["and", "but", "or", "if", "as"].contains(token.key)
        }
        if known(key(index, upper)) { return false }
        if index < upper && known(key(index, index)) && !lowercaseWords.contains(token.key) { return false }
        // `Air France`: an institution word before a place is part of the name.
        if index + 1 == upper && EntityCues.organizationHeads.contains(token.key) && known(tokens[upper].key) {
            return false
        }
        if EntityCues.functionWords.contains(token.key) { return true }
        if lowercaseWords.contains(token.key) {
            // `Surrey` written `surrey` nowhere, but `Leading` written `leading` elsewhere.
            return !Gazetteer.firstNames.contains(token.key) || index == upper
        }
        // A headline's text is too short to show the word in lower case: an everyday word before an acronym or a
        // known name is the sentence's capital, not the name's (`Proposed NSA reforms …`).
        if index < upper, Self.isEverydayWord(token.key), tokens[index + 1].isAcronym || known(key(index + 1, upper)) {
            return true
        }
        return false
    }

    func key(_ lower: Int, _ upper: Int) -> String {
        var result = tokens[lower].key
        if upper > lower {
            for index in (lower + 1)...upper {
                let token = tokens[index]
                // `Chester - le - Street` aside, a name's words are separated by one space in the key.
                if token.start > tokens[index - 1].end { result += " " }
                result += token.key
            }
        }
        return result
    }

    /// A run in a Title Case line that starts with a given name and a second name word, cut before the first
    /// everyday word after them: in a headline every word has a capital, so `Edward Snowden Speaks`, `Stacy Keibler
    /// Marries Jared Pobre` and `Sheryl Sandberg Launches` are one run. What follows the cut is a run of its own.
    /// Runs that start otherwise are left whole: `New York Stock Exchange` ends in everyday words.
    func splitAtHeadlineWords(_ run: NameCandidate, known: (String) -> Bool) -> [NameCandidate] {
        guard run.count >= 3, Gazetteer.firstNames.contains(tokens[run.first].key) else { return [run] }
        for index in (run.first + 2)...run.last where tokens[index].isWord {
            let key = tokens[index].key
            guard Tokenizer.stopWords.contains(key) || Self.isEverydayWord(key) else { continue }
            var pieces = [candidate(run.first, index - 1)]
            if index < run.last { pieces += refine(index + 1, run.last, known: known) }
            return pieces
        }
        return [run]
    }

    /// A common word that is no given name or surname either (`speaks`, `proposed`, not `Rose` or `Bush`).
    static func isEverydayWord(_ key: String) -> Bool {
        Gazetteer.isCommonWord(key) && !Gazetteer.firstNames.contains(key) && !Gazetteer.surnames.contains(key)
    }

    func candidate(_ lower: Int, _ upper: Int) -> NameCandidate {
        NameCandidate(first: lower, last: upper, key: key(lower, upper), kind: nil, strength: 0)
    }

    // MARK: Typing

    /// Types a candidate from its own words and its context; `nil` kind when it is not a name after all.
    func classify(_ candidate: NameCandidate) -> NameCandidate {
        var result = candidate
        let (kind, strength) = evidence(for: candidate)
        result.kind = kind
        result.strength = strength
        return result
    }

    func evidence(for candidate: NameCandidate) -> (EntityKind?, Int) {
        let key = candidate.key
        let first = tokens[candidate.first]
        let last = tokens[candidate.last]
        let count = candidate.count
        if candidate.afterTitle { return (.person, Strength.lexicon) }
        let entry = Gazetteer.entry(key)
        if count == 1 && first.isAllCaps && entry.isDisjoint(with: [.country, .organization])
            && (EntityCues.functionWords.contains(key) || Self.smallWords.contains(key))
        {
            return (nil, 0)
        }
        if entry.contains(.organization) { return (.organization, Strength.lexicon) }
        if entry.contains(.country) { return (.place, Strength.lexicon) }
        // `Eastern` of `Eastern and Central Europe` is half a name, not one.
        if count == 1 && Self.compass.contains(key) { return (nil, 0) }
        if entry.contains(.misc) { return (.misc, Strength.lexicon) }
        if entry.contains(.demonym) || isDemonym(key) { return (.misc, Strength.lexicon) }
        if let compound = hyphenCompound(candidate) { return compound }
        if count >= 2 && first.isInitial && !last.isInitial { return (.person, Strength.lexicon) }
        let isPlace = !entry.isDisjoint(with: [.region, .city])
        if count >= 2, isPlace { return (.place, Strength.weakLexicon) }
        if count >= 2 && EntityCues.organizationHeads.contains(last.key) { return (.organization, Strength.structure) }
        // `Ministry of Fisheries`, `Gulf of Aden`: the word before `of` says what the name is.
        if count >= 3, let of = (candidate.first...candidate.last).first(where: { tokens[$0].key == "of" }),
            of > candidate.first
        {
            let head = tokens[of - 1].key
            if EntityCues.placeHeads.contains(head) { return (.place, Strength.structure) }
            if EntityCues.organizationOfHeads.contains(head) { return (.organization, Strength.structure) }
        }
        if count >= 2 && EntityCues.miscHeads.contains(last.key) { return (.misc, Strength.structure) }
        if entry.contains(.language) { return (.misc, Strength.weakLexicon) }
        if isPlace { return (.place, Strength.weakLexicon) }
        if count >= 2 && EntityCues.placeHeads.contains(last.key) { return (.place, Strength.structure) }
        if count >= 2 && (0..<count).contains(where: { tokens[candidate.first + $0].mark == "&" }) {
            return (.organization, Strength.structure)
        }
        // `Real Madrid`, `Dynamo Moscow`, `Air France`: a place as one word of a longer name is a team or company.
        let placeWord =
            count >= 2 && !Gazetteer.firstNames.contains(first.key)
            && (candidate.first...candidate.last).contains { Gazetteer.isPlace(tokens[$0].key) }
        if count >= 2 && Gazetteer.firstNames.contains(first.key) && !first.isAllCaps && !placeWord {
            return (.person, Strength.structure)
        }
        if count >= 2 && isAllDemonyms(candidate) { return (.misc, Strength.structure) }
        if count >= 2 && first.isInitial { return (.person, Strength.structure) }
        if count == 1 && first.isAcronym { return (.organization, Strength.structure) }
        if let fromContext = contextEvidence(candidate) { return fromContext }
        if placeWord { return (.organization, Strength.guess) }
        // `Dairy Farmers`, `Homeland Security`, `Dixon Hall`: a name ending in an ordinary word is an institution.
        if count >= 2 && Gazetteer.isCommonWord(last.key) && !last.isAllCaps { return (.organization, Strength.guess) }
        if count >= 2 && (Gazetteer.surnames.contains(last.key) || Self.looksLikeSurname(last.key)) {
            return (.person, Strength.context)
        }
        if count == 1 && (entry.contains(.surname) || Self.looksLikeSurname(key)) {
            return (.person, Strength.guess)
        }
        if count == 1 && !entry.isDisjoint(with: .givenName) { return (.person, Strength.guess) }
        if count == 2 { return (.person, Strength.guess) }
        return (.organization, Strength.guess)
    }

    /// Endings typical of surnames in many languages (`Yandarbiyev`, `Kowalski`, `Petrovic`, `Papadopoulos`).
    static let surnameEndings: [String] = [
        "ov", "ev", "ova", "eva", "sky", "ski", "ska", "vic", "vich", "ovic", "evic", "enko", "chuk", "yan", "dze",
        "shvili", "oglu", "opoulos", "akis", "escu", "sson", "ssen", "berg", "stein", "mann", "baum", "ini", "etti",
        "elli", "ucci", "ez", "aki", "uchi", "moto", "mura", "yama", "hara", "wski", "czyk", "ovich", "ishvili",
    ]

    static func looksLikeSurname(_ key: String) -> Bool {
        guard key.utf8.count >= 5, !key.utf8.contains(UInt8(ascii: ".")) else { return false }
        // An ASCII key ends in an (ASCII) ending exactly when its bytes do; `hasSuffix` compares characters, which
        // only a key with other scalars needs (an accent after the ending is not the ending).
        guard key.utf8.allSatisfy(UTF8.isASCII) else { return surnameEndings.contains { key.hasSuffix($0) } }
        return surnameEndingBytes.contains { ending in
            ending.count <= key.utf8.count && key.utf8.suffix(ending.count).elementsEqual(ending)
        }
    }

    static let surnameEndingBytes: [[UInt8]] = surnameEndings.map { Array($0.utf8) }

    func isDemonym(_ key: String) -> Bool {
        if Gazetteer.demonyms.contains(key) { return true }
        guard key.hasSuffix("s") || key.hasSuffix("men") else { return false }
        // Plurals: `Serbs`, `Chechens`, `Germans`, `Britons`.
        if key.hasSuffix("s"), Gazetteer.demonyms.contains(String(key.dropLast())) { return true }
        if key.hasSuffix("men"), Gazetteer.demonyms.contains(String(key.dropLast(3)) + "man") { return true }
        return false
    }

    static let compass: WordTable<Bool> = [
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
        "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
    ]

    func isAllDemonyms(_ candidate: NameCandidate) -> Bool {
        let compass = Self.compass
        var sawDemonym = false
        for index in candidate.first...candidate.last {
            let key = tokens[index].key
            if isDemonym(key) {
                sawDemonym = true
            } else if !compass.contains(key) {
                return false
            }
        }
        return sawDemonym
    }

    /// `New York-based`, `Arab-Israeli`, `ex-Milan`: a name joined by a hyphen to a word is a MISC adjective.
    func hyphenCompound(_ candidate: NameCandidate) -> (EntityKind?, Int)? {
        let last = tokens[candidate.last]
        guard last.hasHyphen else { return nil }
        let parts = last.key.split(separator: "-")
        guard parts.count >= 2 else { return nil }
        let head = candidate.count > 1 ? key(candidate.first, candidate.last - 1) + " " + parts[0] : String(parts[0])
        let rest = parts.dropFirst()
        let tail = last.text.split(separator: "-").dropFirst()
        let restIsLower = tail.allSatisfy { $0.unicodeScalars.first.map(ScalarClass.isLowercase) ?? false }
        let headKnown =
            Gazetteer.isPlace(head) || isDemonym(head) || Gazetteer.organizations.contains(head)
        if headKnown && restIsLower { return (.misc, Strength.structure) }
        if isDemonym(head) && rest.allSatisfy({ isDemonym(String($0)) }) { return (.misc, Strength.structure) }
        return nil
    }

    func previousWord(_ index: Int) -> TextToken? { index > 0 ? tokens[index - 1] : nil }

    func nextToken(_ index: Int) -> TextToken? { index + 1 < tokens.count ? tokens[index + 1] : nil }

    func contextEvidence(_ candidate: NameCandidate) -> (EntityKind?, Int)? {
        // `Pete Sampras ( U.S. )`: a person followed by a country in brackets, as in results lists.
        if candidate.last + 3 < tokens.count, tokens[candidate.last + 1].mark == "(",
            tokens[candidate.last + 3].mark == ")", Gazetteer.countries.contains(tokens[candidate.last + 2].key)
        {
            return (.person, Strength.context)
        }
        if let previous = previousWord(candidate.first), previous.isWord,
            EntityCues.placePrepositions.contains(previous.key), !tokens[candidate.first].startsSentence
        {
            return (.place, Strength.context)
        }
        if let next = nextToken(candidate.last), next.isWord, EntityCues.speechVerbs.contains(next.key) {
            return candidate.count <= 3 ? (.person, Strength.context) : (.organization, Strength.context)
        }
        return nil
    }

    // MARK: Sports reports

    /// Words that open a sports report's headline (`SOCCER - …`, `Cricket - …`).
    static let teamSports: WordTable<Bool> = [
        "soccer", "football", "cricket", "baseball", "basketball", "rugby", "nfl", "nba", "nhl", "hockey",
        "volleyball", "handball", "lacrosse", "polo",
    ]

    static let sports: WordTable<Bool> = [
        "soccer", "football", "cricket", "tennis", "golf", "baseball", "basketball", "athletics", "rugby", "boxing",
        "cycling", "motor", "motorcycling", "motocross", "racing", "nfl", "nba", "nhl", "hockey", "skiing",
        "swimming", "squash", "badminton", "horse", "yachting", "sailing", "rowing", "volleyball", "handball",
        "snooker", "darts", "olympics", "gymnastics", "judo", "wrestling", "formula", "triathlon", "sport",
        "sports", "alpine", "equestrianism", "table", "chess", "figure", "speed", "bowls", "polo", "lacrosse",
    ]

    /// Whether a city or county name is a team here: followed by a score, or beaten, drawn or played against.
    func isTeamRole(_ candidate: NameCandidate) -> Bool {
        if isTeamSports && !Gazetteer.capitals.contains(candidate.key) {
            // In a match report a city or county is a team unless it is where something happens; results lists
            // name the venue before a colon (`Leicester : Leicestershire beat Somerset`).
            let previous = previousWord(candidate.first)?.key ?? ""
            let next = nextToken(candidate.last)?.text ?? ""
            return !["in", "at", "near", "outside", "of"].contains(previous) && next != ":"
        }
        if let next = nextToken(candidate.last) {
            if next.kind == .number || isScore(next.text) { return true }
            if ["beat", "beats", "drew", "draw", "lost", "won", "v", "vs", "vs.", "defeated", "edged", "routed",
                "thrashed", "crushed", "held", "trailed", "led", "leads", "lead", "scored", "overcame", "outclassed"]
                .contains(next.key)
            {
                return true
            }
        }
        if let previous = previousWord(candidate.first),
            ["beat", "v", "vs", "vs.", "against", "defeated", "over", "to", "drew", "with", "play", "host", "hosts",
             "visit", "face", "faces", "meet", "meets", "joined", "join", "signed", "leave", "left", "for"]
                .contains(previous.key)
        {
            return ["beat", "v", "vs", "vs.", "against", "defeated", "drew", "play", "host", "hosts", "face", "faces",
                    "meet", "meets", "joined", "join", "signed", "leave", "left"].contains(previous.key)
                || (nextToken(candidate.last).map { $0.kind == .number || isScore($0.text) } ?? false)
        }
        return false
    }

    /// `4-38`, `2-1`, `108-3`: a score.
    func isScore(_ text: String) -> Bool {
        var sawDigit = false
        var sawDash = false
        for scalar in text.unicodeScalars {
            if ("0"..."9").contains(scalar) {
                sawDigit = true
            } else if scalar == "-" || scalar == "/" {
                if !sawDigit || sawDash { return false }
                sawDash = true
            } else {
                return false
            }
        }
        return sawDigit && sawDash
    }
}
