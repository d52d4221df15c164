/// The work of ``QuotationExtractor`` on one body: quotation marks, attributions, reported speech and speakers.
struct QuoteScan {
    /// A stretch between quotation marks within one paragraph.
    struct Span {
        /// Token index of the opening mark.
        var open: Int
        /// Token index of the closing mark; nil when the quotation runs to the end of its paragraph.
        var close: Int?
        /// Token index just past the quoted words.
        var contentEnd: Int
        /// Scalar offsets of the quoted words.
        var start: Int
        var end: Int
        var paragraph: Int
        var words: Int
        /// It continues a quotation left open at the end of the previous paragraph.
        var continuesPrevious = false
    }

    /// Who speaks: the name to report, and the person it refers to, for quotations that continue it.
    struct Speaker {
        /// A canonical name, or the phrase as written (`a spokesperson`, `the affable proprietor`).
        var name: String
        /// The person a description or pronoun stands for, when known (`the affable proprietor` → the person named
        /// last before it).
        var person: String?
        /// For `he` or `she`: whether the pronoun is feminine; the previous speaker may be a better referent.
        var pronounIsFemale: Bool?
        /// For a pronoun: where the person it was resolved to was last named.
        var antecedent: Int?
        /// `they` or `we`: the previous speaker, if a group spoke just before; no one otherwise.
        var isPlural = false
    }

    /// A quotation found so far; `speaker` nil means "the previous speaker's".
    struct Found {
        var start: Int
        var end: Int
        var paragraph: Int
        var speaker: Speaker?
        var isDirect: Bool
        var continuesPrevious = false
        /// It has no speaker of its own and takes the previous quotation's (`…, she said, noting that …`).
        var inheritsSpeaker = false
        /// A direct quotation left open at the end of its paragraph: it goes on in the next one.
        var runsOn = false
    }

    let scalars: [Unicode.Scalar]
    let tokens: [TextToken]
    /// Token ranges of the paragraphs.
    let paragraphs: [Range<Int>]
    let mentions: [EntityMention]
    /// Canonical names of the people among `mentions`.
    let people: Set<String>
    var spans: [Span] = [] {
        didSet {
            spanOfToken = Array(repeating: -1, count: tokens.count)
            for (number, span) in spans.enumerated() where span.open + 1 < span.contentEnd {
                for index in (span.open + 1)..<span.contentEnd { spanOfToken[index] = number }
            }
        }
    }
    /// For each token, the index in `spans` of the quotation whose words it is among, or -1.
    private(set) var spanOfToken: [Int] = []

    init(_ scanned: ScannedText, mentions: [EntityMention]) {
        self.scalars = scanned.scalars
        self.tokens = scanned.tokens
        var paragraphs: [Range<Int>] = []
        var start = 0
        for index in tokens.indices where index > start && tokens[index].startsLine {
            paragraphs.append(start..<index)
            start = index
        }
        if start < tokens.count { paragraphs.append(start..<tokens.count) }
        self.paragraphs = paragraphs
        self.mentions = mentions.sorted { $0.start < $1.start }
        self.people = Set(mentions.lazy.filter { $0.kind == .person }.map(\.canonical))
    }

    mutating func run() -> [Quotation] {
        spans = directSpans()
        var found: [Found] = []
        var consumed = Set<Int>()
        // Quotations inside a reported clause that they make up most of, with the clause's speaker.
        var clauseSpeakers: [Int: Speaker] = [:]
        for (number, paragraph) in paragraphs.enumerated() {
            for sentence in sentences(in: paragraph) {
                guard let reported = reportedSpeech(in: sentence, paragraph: number) else {
                    // `Hart said the crew had “more than earned a rest”`: the quotation is kept as it stands, but
                    // it is the words of whoever the clause around it reports.
                    if let quoting = leadingAttribution(in: sentence, paragraph: number),
                        let speaker = quoting.speaker
                    {
                        for (index, span) in spans.enumerated()
                        where span.start >= quoting.start && span.end <= quoting.end {
                            clauseSpeakers[index] = speaker
                        }
                    }
                    continue
                }
                // A short quoted phrase inside reported speech is part of it, not a quotation of its own.
                for (index, span) in spans.enumerated() where span.start >= reported.start && span.end <= reported.end {
                    consumed.insert(index)
                }
                found.append(reported)
            }
        }
        for (index, span) in spans.enumerated() where !consumed.contains(index) {
            let speaker = attribution(of: span) ?? clauseSpeakers[index]
            guard span.words >= 4 || speaker != nil else { continue }
            // `“The Kid Who Would Be King”`: a title in quotation marks, not a quotation; after a naming verb (`a game
            // called “Star Harbour”`) it is a name even when someone is found to have given it.
            let named = span.open > 0 && Self.namingVerbs.contains(tokens[span.open - 1].key)
            if isTitle(span) && (speaker == nil || named) { continue }
            found.append(
                Found(
                    start: span.start, end: span.end, paragraph: span.paragraph, speaker: speaker, isDirect: true,
                    continuesPrevious: span.continuesPrevious, runsOn: span.close == nil))
        }
        found += introducedPosts()
        found.sort { $0.start < $1.start }
        return assignSpeakers(found)
    }

    /// Verbs that give something its name (`a film called “…”`).
    static let namingVerbs: WordTable<Bool> = ["called", "named", "dubbed", "titled", "entitled", "nicknamed"]

    // MARK: Quotation marks

    // The marks are compared as scalars (`TextToken.mark`): these run for every token of every paragraph, and
    // comparing the tokens' text with non-ASCII literals went through Unicode-aware string comparison, 5.5 % of
    // extraction's instructions (callgrind).

    func isOpeningMark(_ index: Int) -> Bool {
        let mark = tokens[index].mark
        if mark == "“" || mark == "«" || mark == "„" { return true }
        if isDoubledMark(index) { return true }
        guard mark == "\"" else { return false }
        // A straight quote glued to the word before it closes a quotation.
        if index > 0, tokens[index - 1].end == tokens[index].start, !tokens[index].startsLine {
            let before = tokens[index - 1]
            if before.isWord { return false }
            switch before.mark {
            case ",", ".", "!", "?", "…", "-", "—": return false
            default: break
            }
        }
        return true
    }

    /// `‘‘` or `` `` ``: two single marks standing in for an opening quotation mark.
    func isDoubledMark(_ index: Int) -> Bool {
        let mark = tokens[index].mark
        return (mark == "‘" || mark == "`") && index + 1 < tokens.count && tokens[index + 1].mark == mark
            && tokens[index + 1].start == tokens[index].end
    }

    func isClosingMark(_ index: Int) -> Bool {
        let mark = tokens[index].mark
        if mark == "’" || mark == "'" {
            // `’’`: two apostrophes standing in for a closing quotation mark.
            return index + 1 < tokens.count && tokens[index + 1].mark == mark
                && tokens[index + 1].start == tokens[index].end
        }
        return mark == "”" || mark == "»" || mark == "\""
    }

    func directSpans() -> [Span] {
        var result: [Span] = []
        var openAtEnd = false
        for (number, paragraph) in paragraphs.enumerated() {
            var index = paragraph.lowerBound
            let continues = openAtEnd
            openAtEnd = false
            while index < paragraph.upperBound {
                guard isOpeningMark(index) else {
                    index += 1
                    continue
                }
                var next = index + 1
                var close: Int?
                while next < paragraph.upperBound {
                    if isClosingMark(next) && !(tokens[next].mark == "\"" && isOpeningMark(next) && next == index + 1) {
                        close = next
                        break
                    }
                    if tokens[next].mark == "“" || tokens[next].mark == "«" { break }
                    next += 1
                }
                let contentEnd = close ?? next
                // Wire copy opens with two marks (`` ``Nothing could… ``): the words start after the second.
                let lastOpening = isDoubledMark(index) && index + 1 < contentEnd ? index + 1 : index
                let start = tokens[lastOpening].end
                let end = contentEnd < tokens.count ? tokens[contentEnd].start : scalars.count
                var span = trimmed(
                    Span(
                        open: index, close: close, contentEnd: contentEnd, start: start, end: end, paragraph: number,
                        words: tokens[(lastOpening + 1)..<contentEnd].count(where: { $0.isWord || $0.kind == .number })))
                if span.end > span.start {
                    span.continuesPrevious = continues && index == paragraph.lowerBound
                    result.append(span)
                }
                if close == nil && next == paragraph.upperBound { openAtEnd = true }
                index = close.map { $0 + 1 } ?? next
            }
        }
        return result
    }

    /// Whether the quoted words read as a title: short, and nearly every word capitalised.
    func isTitle(_ span: Span) -> Bool {
        let words = tokens[(span.open + 1)..<span.contentEnd].filter { $0.isWord && $0.hasLetter }
        guard words.count <= 10 else { return false }
        let capitalised = words.count { $0.isCapitalized || NameFinder.smallWords.contains($0.key) }
        return capitalised == words.count && words.count { $0.isCapitalized } >= 2
    }

    func trimmed(_ span: Span) -> Span {
        var result = span
        while result.start < result.end && ScalarClass.isWhitespace(scalars[result.start]) { result.start += 1 }
        while result.end > result.start && ScalarClass.isWhitespace(scalars[result.end - 1]) { result.end -= 1 }
        return result
    }

    /// The scalar offset where the sentence holding token `index` starts: after the last full stop outside
    /// quotations, or at the start of the paragraph.
    func sentenceStart(of index: Int) -> Int {
        var first = min(index, tokens.count - 1)
        while first > 0, !tokens[first].startsLine, !(isTerminator(tokens[first - 1]) && !isInsideSpan(first - 1)) {
            first -= 1
        }
        return tokens[first].start
    }

    func span(containing index: Int) -> Span? {
        let number = spanOfToken[index]
        return number < 0 ? nil : spans[number]
    }

    func isInsideSpan(_ index: Int) -> Bool { spanOfToken[index] >= 0 }

    /// The index of the first token starting at or after scalar offset `offset` (`tokens.count` if none).
    func tokenIndex(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].start < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    // MARK: Attribution of direct quotations

    func isTerminator(_ token: TextToken) -> Bool {
        switch token.mark {
        case ".", "!", "?", "…": return true
        default: return false
        }
    }

    /// The speaker a quotation's own sentence names, if it names one.
    func attribution(of span: Span) -> Speaker? {
        let paragraph = paragraphs[span.paragraph]
        if let close = span.close, let speaker = attributionAfter(span, close: close, paragraph: paragraph) {
            return speaker
        }
        return attributionBefore(span, paragraph: paragraph)
    }

    /// `“…,” Putin said`, `“…,” said Kremlin spokesman Dmitri Peskov`, `“…,” according to CNN`.
    func attributionAfter(_ span: Span, close: Int, paragraph: Range<Int>) -> Speaker? {
        var lastIndex = span.end - 1
        while lastIndex > span.start, ["'", "’", "\"", "”"].contains(scalars[lastIndex]) { lastIndex -= 1 }
        let endsUtterance = [",", ".", "!", "?", "…", "—", "-", "–"].contains(scalars[max(lastIndex, span.start)])
        var end = close + 1
        while end < paragraph.upperBound && end - close <= 40 && !isTerminator(tokens[end]) && !isOpeningMark(end) {
            end += 1
        }
        // `Briggs left early, “and so did I,” he said`: the pronoun cannot stand for a name in what it reports.
        let reportStart = sentenceStart(of: span.open)
        var index = close + 1
        while index < end, tokens[index].kind == .punctuation, tokens[index].mark != "," { index += 1 }
        guard index < end else { return nil }
        let first = tokens[index]
        // Without punctuation closing the quotation, only a short `Name said …` right after it attributes it.
        guard endsUtterance || first.mark == "," || first.isCapitalized else { return nil }
        // `“…the pier.” The letter goes on to say …`: a quotation that closes on a full stop ends its sentence,
        // and a capitalised common word after it starts the next one; news copy attributes with a comma (`“…,” she
        // said`), and only `?` and `!` stand in for it (`“Are there prizes?” she asked`). A name is capitalised
        // either way, so it may still be a loosely punctuated attribution.
        if scalars[max(lastIndex, span.start)] == ".", first.isCapitalized, mention(startingAt: index) == nil {
            return nil
        }
        // `“…,” whereas rivals say …`: an attribution opens with its speaker or its verb; a conjunction opens
        // another clause, whose speaker did not say the quotation.
        if let firstWord = (index..<end).first(where: { tokens[$0].isWord }),
            SpeechCues.clauseLinks.contains(tokens[firstWord].key)
        {
            return nil
        }
        var subject: [Int] = []
        while index < end && index - close <= 12 {
            let token = tokens[index]
            if token.key == "according", index + 1 < end, tokens[index + 1].key == "to" {
                return speaker(in: (index + 2)..<phraseEnd(from: index + 2, limit: end), resolvingAt: reportStart)
            }
            if token.isWord && !token.isCapitalized && SpeechCues.quoteVerbs.contains(token.key)
                && !SpeechCues.auxiliaries.contains(token.key)
            {
                if subject.isEmpty {
                    var phraseStart = index + 1
                    if phraseStart < end, ["out", "up", "on"].contains(tokens[phraseStart].key) { phraseStart += 1 }
                    // `said in a statement`: no speaker after the verb.
                    if phraseStart < end, SpeechCues.adverbialStarts.contains(tokens[phraseStart].key) { return nil }
                    return speaker(in: phraseStart..<phraseEnd(from: phraseStart, limit: end), resolvingAt: reportStart)
                }
                guard subject.count <= 10 else { return nil }
                return speaker(in: subject.first!..<(subject.last! + 1), resolvingAt: reportStart)
            }
            if token.isWord && !SpeechCues.fillers.contains(token.key) {
                subject.append(index)
            } else if token.mark == "," && !subject.isEmpty && index + 1 < end
                && !(tokens[index + 1].isWord && SpeechCues.quoteVerbs.contains(tokens[index + 1].key))
            {
                // `“…,” Smith, a professor at X, said`: the name before the apposition speaks.
                let apposition = index
                var verb = index + 1
                while verb < end && verb - close <= 36 && !(tokens[verb].isWord && !tokens[verb].isCapitalized
                    && SpeechCues.quoteVerbs.contains(tokens[verb].key))
                {
                    verb += 1
                }
                guard verb < end, verb - close <= 36 else { return nil }
                // `the lanky, bespectacled professor said`: a comma between adjectives, not an apposition.
                if tokens[verb - 1].mark != "," {
                    guard verb - subject.first! <= 10 else { return nil }
                    return speaker(in: subject.first!..<verb, resolvingAt: reportStart)
                }
                return speaker(in: subject.first!..<apposition, resolvingAt: reportStart)
            }
            index += 1
        }
        return nil
    }

    /// `Putin said: “…”`, `he added, “…”`, `asks editor Jennifer Ditchburn, “…”`, `According to X, “…”`.
    func attributionBefore(_ span: Span, paragraph: Range<Int>) -> Speaker? {
        guard span.open > paragraph.lowerBound else { return nil }
        let before = tokens[span.open - 1]
        let lead = before.kind == .punctuation ? before.text : ""
        guard lead == ":" || lead == "," || (before.isWord && (SpeechCues.quoteVerbs.contains(before.key)
            || before.key == "that"))
        else { return nil }
        var start = span.open - 1
        while start > paragraph.lowerBound && span.open - start <= 30 && !isTerminator(tokens[start - 1])
            && !isClosingMark(start - 1)
        {
            start -= 1
        }
        let window = start..<span.open
        if let according = window.first(where: { tokens[$0].key == "according" }), according + 2 < span.open,
            tokens[according + 1].key == "to"
        {
            let end = phraseEnd(from: according + 2, limit: span.open)
            return speaker(in: (according + 2)..<end, resolvingAt: span.start)
        }
        guard let verb = window.last(where: {
            tokens[$0].isWord && !tokens[$0].isCapitalized && SpeechCues.quoteVerbs.contains(tokens[$0].key)
        }) else { return nil }
        var subjectStart = start
        // `We were leaving when a colleague asked:`: the subject starts after a comma or a conjunction opening the
        // clause of the verb.
        if let boundary = (start..<verb).last(where: {
            tokens[$0].mark == "," || SpeechCues.clauseOpeners.contains(tokens[$0].key)
        }), boundary + 1 < verb {
            subjectStart = boundary + 1
        }
        let subject = (subjectStart..<verb).filter { tokens[$0].isWord && !SpeechCues.fillers.contains(tokens[$0].key) }
        // `The council put the delay like this:`: with a subject before the verb, the words after it are
        // its object; only without one (`…, said Smith:`) do they name the speaker.
        if let first = subject.first, subject.count <= 10,
            let named = speaker(in: first..<(subject.last! + 1), resolvingAt: span.start)
        {
            return named
        }
        // Words between the verb and the quotation: a speaker after the verb, unless they are a time or place.
        let after = ((verb + 1)..<span.open).filter { tokens[$0].isWord && tokens[$0].key != "that" }
        guard let firstAfter = after.first, !SpeechCues.adverbialStarts.contains(tokens[firstAfter].key),
            !SpeechCues.tellVerbs.contains(tokens[verb].key)
        else { return nil }
        return speaker(in: firstAfter..<(after.last! + 1), resolvingAt: span.start)
    }

    /// The end of a speaker phrase after a verb: a comma, semicolon, bracket, verb or the limit.
    func phraseEnd(from start: Int, limit: Int) -> Int {
        var end = start
        while end < limit {
            let token = tokens[end]
            if token.mark == "," || token.mark == ";" || token.mark == "(" || token.mark == ":" { break }
            if end > start && token.isWord && !token.isCapitalized
                && (SpeechCues.quoteVerbs.contains(token.key) || token.key == "who" || token.key == "which")
            {
                break
            }
            end += 1
        }
        // `says Campbell’s partner, Jason Louth`: a name in apposition after the comma is the speaker.
        if end < limit, tokens[end].mark == ",", let mention = mention(startingAt: end + 1),
            mention.kind == .person
        {
            let after = min(tokenIndex(atOrAfter: mention.end), limit)
            if after >= limit || tokens[after].mark == "," || isTerminator(tokens[after]) {
                return after
            }
        }
        return end
    }

    func mention(startingAt index: Int) -> EntityMention? {
        guard index < tokens.count else { return nil }
        let offset = tokens[index].start
        return mentions.first { $0.start == offset }
    }

    // MARK: Speakers

    /// The speaker a phrase names: a person's canonical name, else an organisation's that ends the phrase, a pronoun
    /// resolved to the last person named before `position`, or the phrase itself (`a spokesperson`).
    func speaker(in range: Range<Int>, resolvingAt position: Int) -> Speaker? {
        var words = range.filter { tokens[$0].isWord && !isInsideSpan($0) }
        // `he was quoted as`, `the mayor also`, `sources … have`: words around the speaker that are not the speaker.
        while let last = words.last, SpeechCues.fillers.contains(tokens[last].key)
            || SpeechCues.auxiliaries.contains(tokens[last].key) || ["quoted", "as", "been"].contains(tokens[last].key)
        {
            words.removeLast()
        }
        while let first = words.first,
            ["and", "but", "so", "while", "as", "then", "also", "said", "says"].contains(tokens[first].key)
        {
            words.removeFirst()
        }
        guard let firstWord = words.first, let lastWord = words.last else { return nil }
        let key = tokens[firstWord].key
        // `in a statement`, `even though Canada believes …`, `he obtained housing …`: not a speaker but a clause.
        if SpeechCues.notSpeakerStarts.contains(key) { return nil }
        if words.count > 1 && (SpeechCues.personPronouns.contains(key) || SpeechCues.pluralPronouns.contains(key)
            || ["it", "i", "you"].contains(key)) && !SpeechCues.possessives.contains(key)
        {
            return nil
        }
        let start = tokens[firstWord].start
        let end = tokens[lastWord].end
        let inside = mentions.filter { $0.start >= start && $0.end <= end }
        // `Campbell’s partner`: a possessive name is not the speaker, but `Foster’s book` speaks for Foster.
        let speakers = inside.filter { mention in
            let next = tokenIndex(atOrAfter: mention.end)
            guard next < tokens.count, tokens[next].key == "'s" else { return true }
            return next + 1 < tokens.count && SpeechCues.documents.contains(tokens[next + 1].key)
        }
        if let person = speakers.last(where: { $0.kind == .person }) {
            return Speaker(name: person.canonical, person: person.canonical)
        }
        if let organization = speakers.last(where: { $0.kind == .organization }),
            organization.end >= end || SpeechCues.documents.contains(tokens[lastWord].key)
        {
            return Speaker(name: organization.canonical, person: organization.canonical)
        }
        if SpeechCues.personPronouns.contains(key) && (words.count == 1 || SpeechCues.possessives.contains(key)) {
            // `she`, and `her statement`: the last person named who may be meant.
            let female = key == "she" || key == "her"
            return lastPerson(before: position, female: female).map {
                Speaker(name: $0.name, person: $0.name, pronounIsFemale: female, antecedent: $0.start)
            }
        }
        if key == "it" || key == "its" {
            return lastOrganization(before: position).map { Speaker(name: $0, person: $0) }
        }
        if words.count == 1 && SpeechCues.pluralPronouns.contains(key) {
            return Speaker(name: key, person: nil, isPlural: true)
        }
        if words.count == 1 && (key == "i" || key == "you") { return nil }
        guard words.count <= 12 else { return nil }
        let phrase = String(scalars: scalars[start..<end])
        // `the affable proprietor` is someone the article has named, `the agency` an organisation it has named;
        // `a spokesperson` is someone new.
        guard ["the", "this", "that"].contains(key) else { return Speaker(name: phrase, person: nil) }
        let head = tokens[lastWord].key
        if SpeechCues.institutions.contains(head) || SpeechCues.documents.contains(head) {
            return Speaker(name: phrase, person: lastOrganization(before: position))
        }
        return Speaker(name: phrase, person: lastPerson(before: position, female: nil)?.name)
    }

    /// The canonical name of the last organisation named before `position`.
    /// The canonical name of the last organisation named before `position`, not as an owner (`Acme’s
    /// shareholders`) unless no other is named, as for people.
    func lastOrganization(before position: Int) -> String? {
        let named = mentions.filter { $0.kind == .organization && $0.end <= position }
        return (named.last { !isNamedAsOwner($0) } ?? named.last)?.canonical
    }

    /// `Smith’s lawyer`, `Acme’s shareholders`: the name is followed by a possessive `’s`.
    func isNamedAsOwner(_ mention: EntityMention) -> Bool {
        let next = tokenIndex(atOrAfter: mention.end)
        return next < tokens.count && tokens[next].key == "'s"
    }

    /// How many paragraphs back a quoted speaker still outranks the last person named, for `he` and `she`.
    static let pronounReach = 1

    /// The canonical name of the last person named before `position`, outside quotations, whose given name does
    /// not contradict the pronoun; a name in subject position (not after a preposition) is preferred.
    func lastPerson(before position: Int, female: Bool?) -> (name: String, start: Int)? {
        var possessive: (name: String, start: Int)?
        for mention in mentions.reversed() where mention.kind == .person && mention.end <= position {
            let quoted = spans.contains { $0.start <= mention.start && mention.end <= $0.end && $0.words >= 4 }
            guard !quoted, female == nil || Self.gender(of: mention.canonical).map({ $0 == female }) ?? true else {
                continue
            }
            if !isNamedAsOwner(mention) { return (mention.canonical, mention.start) }
            possessive = possessive ?? (mention.canonical, mention.start)
        }
        return possessive
    }

    /// True for a woman's given name, false for a man's, nil when the name says neither.
    static func gender(of name: String) -> Bool? {
        guard let first = name.split(separator: " ").first else { return nil }
        let key = first.lowercased()
        if Gazetteer.femaleFirstNames.contains(key) { return true }
        if Gazetteer.maleFirstNames.contains(key) { return false }
        return nil
    }

    // MARK: Reported speech

    /// Sentences of a paragraph as token ranges, cut at full stops outside quotations and after a quotation that
    /// ends a sentence and is not followed by its attribution.
    func sentences(in paragraph: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = paragraph.lowerBound
        var index = paragraph.lowerBound
        while index < paragraph.upperBound {
            if let span = span(containing: index) {
                index = span.contentEnd
                if let close = span.close, close + 1 < paragraph.upperBound, span.end > span.start,
                    [".", "!", "?"].contains(scalars[span.end - 1]), tokens[close + 1].isCapitalized,
                    !attributionFollows(close + 1, paragraph: paragraph)
                {
                    result.append(start..<(close + 1))
                    start = close + 1
                    index = close + 1
                }
                continue
            }
            if isTerminator(tokens[index]) {
                result.append(start..<(index + 1))
                start = index + 1
            }
            index += 1
        }
        if start < paragraph.upperBound { result.append(start..<paragraph.upperBound) }
        return result.filter { !$0.isEmpty }
    }

    func attributionFollows(_ index: Int, paragraph: Range<Int>) -> Bool {
        var next = index
        while next < paragraph.upperBound && next - index < 6 && !isTerminator(tokens[next]) {
            if tokens[next].isWord && SpeechCues.quoteVerbs.contains(tokens[next].key) { return true }
            next += 1
        }
        return false
    }

    /// Reported speech in one sentence: `…, X said.`, `X said (that) …`, `According to X, …`.
    func reportedSpeech(in sentence: Range<Int>, paragraph: Int) -> Found? {
        // A sentence built around a direct quotation is the quotation's, not reported speech.
        let longSpans = spans.filter { span in
            span.words >= 4 && span.open >= sentence.lowerBound && span.open < sentence.upperBound
        }
        if let found = according(in: sentence, paragraph: paragraph), !overlaps(found, longSpans) { return found }
        if let found = tailAttribution(in: sentence, paragraph: paragraph), !overlaps(found, longSpans) {
            return found
        }
        if let found = leadingAttribution(in: sentence, paragraph: paragraph), !overlaps(found, longSpans) {
            return found
        }
        return nil
    }

    /// Whether quotations make up most of what `found` reports (then they, not the clause, are what was said).
    func overlaps(_ found: Found, _ spans: [Span]) -> Bool {
        let inside = spans.filter { $0.start < found.end && found.start < $0.end }
        guard !inside.isEmpty else { return false }
        let first = tokenIndex(atOrAfter: found.start)
        let clauseWords = tokens[first...].prefix { $0.end <= found.end }.count { $0.isWord }
        let quotedWords = inside.reduce(0) { $0 + $1.words }
        // `“…,” Harry Kazianis, director of …, said`: a clause that opens with a quotation is its attribution.
        let opensWithQuote = inside.contains { span in
            !tokens[first...].prefix { $0.end <= span.start }.contains { $0.isWord }
        }
        return quotedWords * 10 >= clauseWords * 6 || opensWithQuote
            || inside.contains { $0.start < found.start || $0.end > found.end }
    }

    func clause(_ range: Range<Int>, paragraph: Int, speaker: Speaker?) -> Found? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, tokens[lower].kind == .punctuation, !isOpeningMark(lower) { lower += 1 }
        while upper > lower, tokens[upper - 1].kind == .punctuation, !isClosingMark(upper - 1) { upper -= 1 }
        guard upper - lower >= 4, (lower..<upper).count(where: { tokens[$0].isWord }) >= 4 else { return nil }
        return Found(
            start: tokens[lower].start, end: tokens[upper - 1].end, paragraph: paragraph, speaker: speaker,
            isDirect: false)
    }

    /// `According to X, …` and `…, according to X.`
    func according(in sentence: Range<Int>, paragraph: Int) -> Found? {
        guard let index = sentence.first(where: { tokens[$0].key == "according" }), index + 2 < sentence.upperBound,
            tokens[index + 1].key == "to", !isInsideSpan(index)
        else { return nil }
        let phraseEnd = phraseEnd(from: index + 2, limit: sentence.upperBound)
        guard phraseEnd > index + 2 else { return nil }
        let speaker = speaker(in: (index + 2)..<phraseEnd, resolvingAt: tokens[index].start)
        let opens =
            index == sentence.lowerBound
            || (index == sentence.lowerBound + 1 && tokens[sentence.lowerBound].kind == .punctuation)
        if opens {
            guard phraseEnd < sentence.upperBound, tokens[phraseEnd].mark == "," else { return nil }
            return clause((phraseEnd + 1)..<sentence.upperBound, paragraph: paragraph, speaker: speaker)
        }
        guard index > sentence.lowerBound, tokens[index - 1].mark == "," else { return nil }
        // `The cause, according to X, was …`: set off by commas inside the sentence, the source vouches for all of
        // it, not only for the words before it (unless what follows is about the source: `…, according to X, who …`).
        if phraseEnd + 1 < sentence.upperBound, tokens[phraseEnd].mark == ",",
            !["who", "which", "whose", "a", "an"].contains(tokens[phraseEnd + 1].key),
            ((phraseEnd + 1)..<sentence.upperBound).count(where: { tokens[$0].isWord }) >= 3
        {
            return clause(sentence, paragraph: paragraph, speaker: speaker)
        }
        return clause(sentence.lowerBound..<(index - 1), paragraph: paragraph, speaker: speaker)
    }

    func isReportVerb(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.isWord && !token.isCapitalized && SpeechCues.reportVerbs.contains(token.key)
            && !isInsideSpan(index)
    }

    /// `…, Lonechild said.` and `…, said Telford.`: the attribution closes the sentence.
    func tailAttribution(in sentence: Range<Int>, paragraph: Int) -> Found? {
        let commas = sentence.filter { tokens[$0].mark == "," && !isInsideSpan($0) }
        for comma in commas.reversed() {
            var tailEnd = comma + 1
            while tailEnd < sentence.upperBound && tokens[tailEnd].mark != "," && !isTerminator(tokens[tailEnd]) {
                tailEnd += 1
            }
            let tail = (comma + 1)..<tailEnd
            let words = tail.filter { tokens[$0].isWord }
            guard !words.isEmpty, words.count <= 10, !tail.contains(where: { isOpeningMark($0) }),
                let verb = words.prefix(6).first(where: {
                    isReportVerb($0) && !SpeechCues.participles.contains(tokens[$0].key)
                })
            else { continue }
            // `Briggs left early, he said`: a pronoun in the attribution cannot stand for a name in the clause it
            // reports (it would have been `Briggs said`), so it is resolved from where the clause starts, as for a
            // direct quotation.
            let reportStart = sentenceStart(of: sentence.lowerBound)
            // Everything after the attribution must be a brief aside (`…, he said, adding …` ends there anyway).
            let subject = words.filter { $0 < verb && !SpeechCues.fillers.contains(tokens[$0].key) }
            // `When asked …, McCallum said there was …`: a long clause after the verb is what was said.
            if !subject.isEmpty && words.filter({ $0 > verb }).count > 5 { continue }
            let speaker: Speaker?
            if subject.isEmpty {
                let phraseStart = verb + 1
                guard phraseStart < tailEnd, !SpeechCues.adverbialStarts.contains(tokens[phraseStart].key) else {
                    continue
                }
                // `…, said Telford.` names the speaker and stops; `…, suggested Lincicome hit 3-wood` goes on.
                let end = phraseEnd(from: phraseStart, limit: tailEnd)
                guard (phraseStart..<end).count(where: { tokens[$0].isWord }) <= 6 else { continue }
                speaker = self.speaker(in: phraseStart..<end, resolvingAt: reportStart)
            } else {
                guard subject.count <= 7,
                    !subject.contains(where: { ["who", "which", "that", "what"].contains(tokens[$0].key) })
                else { continue }
                speaker = self.speaker(in: subject.first!..<(subject.last! + 1), resolvingAt: reportStart)
            }
            // A tail that names no one is not an attribution (`Lee Finell, …, said she is unsure …`).
            guard speaker != nil else { continue }
            // `When asked …, McCallum said:` — a subordinate clause before the comma is not what was said.
            if let first = sentence.first(where: { tokens[$0].isWord }),
                SpeechCues.subordinators.contains(tokens[first].key)
            {
                continue
            }
            return clause(sentence.lowerBound..<comma, paragraph: paragraph, speaker: speaker)
        }
        return nil
    }

    /// `Putin said (that) …`, `The agency told CTV News it …`, `X, a professor, says …`.
    func leadingAttribution(in sentence: Range<Int>, paragraph: Int) -> Found? {
        guard let verb = sentence.first(where: { isReportVerb($0) }), verb > sentence.lowerBound else { return nil }
        let key = tokens[verb].key
        // The verb of a direct quotation's attribution (`“…,” notes Espinos, who …`).
        if spans.contains(where: { span in
            guard let close = span.close else { return false }
            return close < verb && close >= sentence.lowerBound && verb - close <= 4
        }) {
            return nil
        }
        if SpeechCues.participles.contains(key) && tokens[verb - 1].mark != "," { return nil }
        var chunks: [[Int]] = [[]]
        for index in sentence.lowerBound..<verb {
            if tokens[index].mark == "," || isOpeningMark(index) || isClosingMark(index) {
                chunks.append([])
            } else if tokens[index].isWord && !isInsideSpan(index) {
                chunks[chunks.count - 1].append(index)
            }
        }
        // The subject is the last stretch between commas that can be one: not an apposition (`an al-Qaeda
        // affiliate`), a relative clause (`who still has …`) or an adverbial (`For his part`).
        let possible = chunks.filter { chunk in
            guard let first = chunk.first else { return false }
            let key = tokens[first].key
            return !["a", "an", "who", "which", "whose"].contains(key) && !SpeechCues.notSpeakerStarts.contains(key)
        }
        // Of those, one that names someone (`Lee Finell, Alberta-based health education manager …, said`).
        let naming = possible.last { chunk in
            let start = tokens[chunk.first!].start
            let end = tokens[chunk.last!].end
            return mentions.contains { $0.start >= start && $0.end <= end && $0.kind != .misc }
        }
        var subject = chunks.last!
        if subject.isEmpty || (subject.first.map { ["a", "an"].contains(tokens[$0].key) } ?? false) {
            // `Smith’s lawyer, Jane Doe, said` and `A neighbour, Jane Doe, said`: of a description and the name set
            // beside it, the name is who speaks, whichever comes first.
            subject = possible.first { namesPerson($0) } ?? chunks.first { !$0.isEmpty } ?? []
        }
        if let first = subject.first,
            ["who", "which", "whose"].contains(tokens[first].key) || SpeechCues.notSpeakerStarts.contains(tokens[first].key)
        {
            subject = naming ?? possible.last ?? subject
        }
        while let first = subject.first, ["but", "and", "so", "yet", "however", "meanwhile", "now", "still"]
            .contains(tokens[first].key)
        {
            subject.removeFirst()
        }
        // A participle's subject is the main clause's, however long (`The harbour authority’s chief spokeswoman Jane
        // Doe replied on Friday, saying …`); it is looked for below.
        guard SpeechCues.participles.contains(key) || !subject.isEmpty,
            subject.count <= 8 || SpeechCues.participles.contains(key),
            !subject.contains(where: { SpeechCues.notInSubject.contains(tokens[$0].key) }),
            !(subject.count <= 2 && subject.first.map { SpeechCues.possessives.contains(tokens[$0].key) } == true)
        else { return nil }
        if SpeechCues.participles.contains(key) {
            guard let start = startOfClause(after: verb, in: sentence)?.lowerBound, !isOpeningMark(start),
                var found = clause(start..<sentence.upperBound, paragraph: paragraph, speaker: nil)
            else { return nil }
            // `Smith stepped down on Friday, saying …`: the participle's understood subject is the main clause's;
            // `“…,” she said, adding …` names no one, and continues the quotation's speaker.
            if let subject = clauseSubject(in: possible) {
                found.speaker = subject
            } else {
                found.inheritsSpeaker = true
            }
            return found
        }
        guard let start = startOfClause(after: verb, in: sentence)?.lowerBound else { return nil }
        if isOpeningMark(start) { return nil }
        if start == verb + 1 {
            // Without `that`, only a few verbs take a clause directly, and it starts like one.
            let first = tokens[start]
            guard SpeechCues.bareVerbs.contains(key) else { return nil }
            let core = ["said", "says", "say"].contains(key)
            guard core || SpeechCues.subjectStarts.contains(first.key) || first.isCapitalized || first.kind == .number
            else { return nil }
        }
        let speaker = speaker(in: subject.first!..<(subject.last! + 1), resolvingAt: tokens[verb].start)
        return clause(start..<sentence.upperBound, paragraph: paragraph, speaker: speaker)
    }

    /// The person or organisation that heads the last of `chunks` (stretches between commas) to name anyone: the
    /// first named in it, if nothing but a title comes before the name (`Former coach Jane Doe resigned`); nil when
    /// a pronoun or a preposition does (`she told Jane Doe`, `after meeting Jane Doe`).
    func clauseSubject(in chunks: [[Int]]) -> Speaker? {
        for chunk in chunks.reversed() {
            let words = chunk.filter { !isInsideSpan($0) }
            guard let first = words.first, let last = words.last else { continue }
            let named = mentions.first { mention in
                (mention.kind == .person || mention.kind == .organization) && mention.start >= tokens[first].start
                    && mention.end <= tokens[last].end
            }
            let lead = words.prefix { tokens[$0].end <= (named?.start ?? Int.max) }
            let blocked = lead.contains { index in
                let key = tokens[index].key
                return SpeechCues.personPronouns.contains(key) || SpeechCues.pluralPronouns.contains(key)
                    || ["it", "i", "you"].contains(key) || SpeechCues.notSpeakerStarts.contains(key)
                    || SpeechCues.quoteVerbs.contains(key)
            }
            if blocked { return nil }
            if let named { return Speaker(name: named.canonical, person: named.canonical) }
        }
        return nil
    }

    /// Whether the words name a person other than as an owner (`Smith’s lawyer` names the lawyer, not Smith).
    func namesPerson(_ words: [Int]) -> Bool {
        guard let first = words.first, let last = words.last else { return false }
        let start = tokens[first].start
        let end = tokens[last].end
        return mentions.contains { mention in
            mention.kind == .person && mention.start >= start && mention.end <= end && !isNamedAsOwner(mention)
        }
    }

    /// Where what was said starts after a verb (never an empty range): after `that`, after a listener (`told reporters`), after a time or
    /// place (`said on Thursday`).
    func startOfClause(after verb: Int, in sentence: Range<Int>) -> Range<Int>? {
        var index = verb + 1
        guard index < sentence.upperBound else { return nil }
        if tokens[index].mark == ":" || tokens[index].mark == "," { return nil }
        if let that = ((verb + 1)..<min(sentence.upperBound, verb + 12)).first(where: { tokens[$0].key == "that" }),
            !((verb + 1)..<that).contains(where: { tokens[$0].mark == "," || isOpeningMark($0) })
        {
            let between = ((verb + 1)..<that).map { tokens[$0].key }
            if between.isEmpty || SpeechCues.tellVerbs.contains(tokens[verb].key)
                || SpeechCues.adverbialStarts.contains(between[0])
            {
                // `said that` at the very end of a sentence introduces nothing.
                return that + 1 < sentence.upperBound ? (that + 1)..<sentence.upperBound : nil
            }
        }
        let first = tokens[index].key
        if SpeechCues.tellVerbs.contains(tokens[verb].key) || SpeechCues.adverbialStarts.contains(first) {
            // Skip the listener or the adverbial up to a word that can start a clause.
            var skipped = 0
            while index < sentence.upperBound && skipped < 6 && !SpeechCues.clauseStarts.contains(tokens[index].key) {
                if tokens[index].mark == "," || isOpeningMark(index) { return nil }
                index += 1
                skipped += 1
            }
            guard index < sentence.upperBound, SpeechCues.clauseStarts.contains(tokens[index].key) else { return nil }
        }
        return index..<sentence.upperBound
    }

    // MARK: Posts and statements introduced by a line

    /// `The following was posted to Trump’s TRUTH Social account:` followed by the post as its own paragraph.
    func introducedPosts() -> [Found] {
        var result: [Found] = []
        for (number, paragraph) in paragraphs.enumerated() where number + 1 < paragraphs.count {
            guard let last = paragraph.last, tokens[last].mark == ":",
                paragraph.contains(where: { SpeechCues.introWords.contains(tokens[$0].key) }),
                !paragraph.contains(where: { isOpeningMark($0) })
            else { continue }
            let next = paragraphs[number + 1]
            guard !isOpeningMark(next.lowerBound), next.count(where: { tokens[$0].isWord }) >= 6 else { continue }
            let start = tokens[paragraph.lowerBound].start
            let end = tokens[last].end
            let named = mentions.filter { $0.start >= start && $0.end <= end }
            let speaker = (named.last { $0.kind == .person } ?? named.last { $0.kind == .organization }).map {
                Speaker(name: $0.canonical, person: $0.canonical)
            }
            result.append(
                Found(
                    start: tokens[next.lowerBound].start, end: tokens[next.upperBound - 1].end, paragraph: number + 1,
                    speaker: speaker, isDirect: true))
        }
        return result
    }

    // MARK: Output

    /// Fills in the speakers of quotations with no attribution of their own from the quotation before them, and
    /// builds the results.
    func assignSpeakers(_ found: [Found]) -> [Quotation] {
        var result: [Quotation] = []
        var previous: (speaker: Speaker, paragraph: Int, end: Int)?
        // The paragraphs of one quotation running over several: an attribution in a later one is the speaker of all.
        var chain: [(index: Int, attributed: Bool)] = []
        for item in found {
            if !(item.isDirect && item.continuesPrevious) { chain = [] }
            if item.isDirect, item.continuesPrevious, let speaker = item.speaker {
                for link in chain where !link.attributed {
                    result[link.index].speaker = speaker.name
                }
            }
            var speaker = item.speaker
            if speaker?.isPlural == true {
                speaker = nil
                if let previous, previous.speaker.person.map({ !people.contains($0) }) ?? true,
                    item.paragraph - previous.paragraph <= 1
                {
                    speaker = previous.speaker
                }
            }
            if let female = speaker?.pronounIsFemale, let previous, let person = previous.speaker.person,
                item.paragraph - previous.paragraph <= Self.pronounReach, speaker?.person != person,
                (speaker?.antecedent ?? 0) < previous.end,
                Self.gender(of: person).map({ $0 == female }) ?? true,
                people.contains(person)
            {
                // `he said` right after someone else was quoted usually continues that speaker.
                speaker = Speaker(name: person, person: person)
            }
            if speaker == nil && (item.isDirect || item.inheritsSpeaker) {
                if let previous, item.continuesPrevious || item.paragraph - previous.paragraph <= 2 {
                    // A quotation that continues someone described (`the affable proprietor`) is that person's.
                    let name = previous.speaker.person ?? previous.speaker.name
                    speaker = Speaker(name: name, person: previous.speaker.person)
                }
            }
            if let speaker { previous = (speaker, item.paragraph, item.end) }
            if item.isDirect && item.runsOn { chain.append((result.count, item.speaker != nil)) }
            let text = String(scalars: scalars[item.start..<item.end])
            result.append(
                Quotation(
                    text: text, speaker: speaker?.name, start: item.start, end: item.end,
                    normalized: QuotationExtractor.normalize(text), isDirect: item.isDirect))
        }
        return result
    }
}
