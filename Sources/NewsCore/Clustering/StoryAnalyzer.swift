/// Works out what a reader wants from a multi-source story: each quotation once with who carried it and how the
/// wording differs, the entities involved, and what each source adds that the others do not.
package struct StoryAnalyzer: Sendable {
    /// Token overlap at or above which two quotations are the same words reported twice.
    package var sameQuotation = 0.6
    /// Term overlap with any sentence of another source below which a sentence counts as news only its source has.
    package var uniqueFact = 0.45
    /// Facts listed per source.
    package var factsPerSource = 2
    /// How much each name or number only one source gives raises its sentence as a fact (see `OwnDetails`), up to
    /// `maximumOwnDetails` of them.
    package var ownDetailWeight = 0.1
    package var maximumOwnDetails = 2
    /// Quotations a story shows in the digest.
    package static let keyQuotations = 6

    package init() {}

    /// The display name of an article's source: its outlet, or its file name when none is stated.
    package static func sourceName(_ article: Article) -> String { article.outlet ?? article.fileName }

    // MARK: Quotations

    package func quotations(_ entries: [DigestEntry]) -> [StoryQuotation] {
        struct Occurrence {
            var article: Article
            var quote: Quotation
            /// The quotation's distinct words, by key, built once: a group's first quotation is indexed by them.
            var words: Set<TermKey>
        }
        var groups: [[Occurrence]] = []
        // A quotation joins the first group whose first quotation it matches. The groups are found through an index
        // of their first quotations' words, which also counts the words each shares with the new one: comparing it
        // with every group in turn grew with the square of a story's quotations (700 in a templated story of 180
        // articles) and was a quarter of building such a story.
        var groupsWithWord: [TermKey: [Int]] = [:]
        var groupWordCount: [Int] = []
        var shared: [Int] = []
        for entry in entries {
            for quote in entry.article.quotes {
                var tokens: [TermKey] = []
                Tokenizer.forEachWord(quote.text) { bytes, _ in tokens.append(TermKey(utf8: bytes)) }
                guard tokens.count >= 3 else { continue }
                let occurrence = Occurrence(article: entry.article, quote: quote, words: Set(tokens))
                var touched: [Int] = []
                for word in occurrence.words {
                    for group in groupsWithWord[word] ?? [] {
                        if shared[group] == 0 { touched.append(group) }
                        shared[group] += 1
                    }
                }
                touched.sort()
                let index = touched.first { group in
                    Self.isSameQuotation(
                        shared: shared[group], groupWordCount[group], occurrence.words.count, threshold: sameQuotation)
                }
                for group in touched { shared[group] = 0 }
                if let index {
                    if !groups[index].contains(where: { $0.article.contentHash == entry.article.contentHash }) {
                        groups[index].append(occurrence)
                    }
                } else {
                    let group = groups.count
                    groups.append([occurrence])
                    groupWordCount.append(occurrence.words.count)
                    shared.append(0)
                    for word in occurrence.words { groupsWithWord[word, default: []].append(group) }
                }
            }
        }
        let result = groups.map { group -> StoryQuotation in
            let sources = group.map {
                QuotationSource(
                    fileName: $0.article.fileName, source: Self.sourceName($0.article), text: $0.quote.text,
                    start: $0.quote.start, end: $0.quote.end)
            }
            let speaker = group.compactMap(\.quote.speaker).first
            var differences: [[WordingVariant]] = []
            if group.count > 1 {
                for other in group.dropFirst() {
                    for (a, b) in WordDiff.differences(group[0].quote.text, other.quote.text) {
                        differences.append([
                            WordingVariant(source: Self.sourceName(group[0].article), text: a),
                            WordingVariant(source: Self.sourceName(other.article), text: b),
                        ])
                    }
                }
            }
            return StoryQuotation(
                text: group[0].quote.text, speaker: speaker, sources: sources, differences: differences,
                isDirect: group.contains { $0.quote.isDirect })
        }
        // By `QuotationRank`, the first source's position breaking ties. The ranks are worked out once, not in each
        // comparison: the case of the first `Character` was a sixth of this function (callgrind).
        let repeats = Self.repeatsDirectWords(result)
        let ranks = result.indices.map { index in
            let quotation = result[index]
            return QuotationRank(
                sources: quotation.sources.count, repeats: repeats[index], attributed: quotation.speaker != nil,
                kind: !quotation.isDirect ? .reported : quotation.text.first?.isLowercase == true ? .fragment : .statement)
        }
        let ranked = result.indices.sorted { x, y in ranks[x] != ranks[y] ? ranks[x] < ranks[y] : x < y }
        return Self.takingTurns(ranked, tier: { ranks[$0] }, speaker: { result[$0].speaker }).map { result[$0] }
    }

    /// Where a quotation ranks among its story's, before the speakers take turns (`takingTurns`): quotations of one
    /// rank are a tier.
    struct QuotationRank: Comparable {
        enum Kind: Int {
            /// The speaker's own words, a whole statement.
            case statement
            case reported
            /// Words quoted in the middle of a sentence (starting in lower case), which read poorly on their own.
            case fragment
        }
        var sources: Int
        /// Reported speech a direct quotation already gives (`repeatsDirectWords`).
        var repeats: Bool
        var attributed: Bool
        var kind: Kind

        /// Widely carried first, then what repeats nothing, then attributed, then by kind.
        static func < (a: QuotationRank, b: QuotationRank) -> Bool {
            if a.sources != b.sources { return a.sources > b.sources }
            if a.repeats != b.repeats { return !a.repeats }
            if a.attributed != b.attributed { return a.attributed }
            return a.kind.rawValue < b.kind.rawValue
        }
    }

    /// For each quotation, whether it is reported speech whose words in quotation marks a direct quotation of the
    /// story already gives: `stated that he had “good and productive discussions” with …` beside the post that says
    /// `We had very good and productive discussions …`. It tells the reader nothing the direct one does not.
    ///
    /// Phrases of fewer than three words are not compared: too common to tell. Most reported speech quotes no words
    /// of its own, and then no direct quotation is read at all (a story of many articles has hundreds).
    static func repeatsDirectWords(_ quotations: [StoryQuotation]) -> [Bool] {
        var repeats = [Bool](repeating: false, count: quotations.count)
        var wanted: [(index: Int, runs: [UInt64])] = []
        for index in quotations.indices where !quotations[index].isDirect {
            for phrase in quotedPhrases(in: quotations[index].text) {
                let runs = wordRuns(phrase)
                if !runs.isEmpty { wanted.append((index, runs)) }
            }
        }
        guard !wanted.isEmpty else { return repeats }
        var direct = Set<UInt64>()
        for quotation in quotations where quotation.isDirect { direct.formUnion(wordRuns(quotation.text)) }
        for (index, runs) in wanted where runs.allSatisfy(direct.contains) { repeats[index] = true }
        return repeats
    }

    /// A key for each run of three words of `text` (`Tokenizer.forEachWord`'s words), in order.
    static func wordRuns(_ text: some StringProtocol) -> [UInt64] {
        var words: [UInt64] = []
        Tokenizer.forEachWord(text) { bytes, _ in words.append(TermKey(utf8: bytes).value) }
        guard words.count >= 3 else { return [] }
        let prime: UInt64 = 0x100_0000_01B3
        return (0...(words.count - 3)).map { ((words[$0] &* prime) ^ words[$0 + 1]) &* prime ^ words[$0 + 2] }
    }

    /// The phrases `text` sets in quotation marks (curly, guillemets, or straight ones in pairs).
    static func quotedPhrases(in text: String) -> [Substring] {
        var phrases: [Substring] = []
        var opened: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            switch character {
            case "“", "«":
                opened = next
            case "”", "»":
                if let start = opened { phrases.append(text[start..<index]) }
                opened = nil
            case "\"":
                if let start = opened {
                    phrases.append(text[start..<index])
                    opened = nil
                } else {
                    opened = next
                }
            default:
                break
            }
            index = next
        }
        return phrases
    }

    /// `ranked` with the speakers of each tier taking turns: every speaker's first quotation of the tier, in rank
    /// order, then every speaker's second, and so on. A digest shows a story's first few quotations, and one article
    /// that quotes its main speaker at length otherwise filled them all: five of the six shown for twelve articles on
    /// Clinton's visit to Gaza were one article's Netanyahu. How widely a quotation was carried, and the other keys
    /// of the ranking, still come first. Unattributed quotations, with no speaker to tell apart, keep their
    /// order.
    static func takingTurns<Tier: Equatable>(_ ranked: [Int], tier: (Int) -> Tier, speaker: (Int) -> String?) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(ranked.count)
        var start = 0
        while start < ranked.count {
            var end = start + 1
            while end < ranked.count && tier(ranked[end]) == tier(ranked[start]) { end += 1 }
            var turnsTaken: [String: Int] = [:]
            let turns = ranked[start..<end].map { index -> Int in
                guard let name = speaker(index) else { return 0 }
                defer { turnsTaken[name, default: 0] += 1 }
                return turnsTaken[name, default: 0]
            }
            // Stable within a turn: rank order.
            result += zip(turns, ranked[start..<end]).enumerated()
                .sorted { ($0.element.0, $0.offset) < ($1.element.0, $1.offset) }
                .map(\.element.1)
            start = end
        }
        return result
    }

    /// Two quotations are one when most of the shorter one's words are in the other and the two are of comparable
    /// length: a four-word phrase quoted inside a longer report is not the same quotation as the whole statement.
    static func isSameQuotation(_ a: [String], _ b: [String], threshold: Double) -> Bool {
        isSameQuotation(Set(a), Set(b), threshold: threshold)
    }

    static func isSameQuotation(_ x: Set<String>, _ y: Set<String>, threshold: Double) -> Bool {
        guard !x.isEmpty, !y.isEmpty else { return false }
        let (smaller, larger) = x.count <= y.count ? (x, y) : (y, x)
        var common = 0
        for word in smaller where larger.contains(word) { common += 1 }
        return isSameQuotation(shared: common, x.count, y.count, threshold: threshold)
    }

    /// The same test from the counts alone: `shared` distinct words in common, `x` and `y` distinct words each.
    static func isSameQuotation(shared: Int, _ x: Int, _ y: Int, threshold: Double) -> Bool {
        guard x > 0, y > 0 else { return false }
        let shared = Double(shared)
        return shared / Double(min(x, y)) >= threshold && shared / Double(max(x, y)) >= 0.4
    }

    // MARK: Entities

    /// The people, places and organisations of a story, those the most of its articles name first.
    ///
    /// Two rules keep the list to what the story is about. A one-word name that is the last word of exactly one
    /// longer name of the same kind in the story is that name ("Snowden" in an article that never gives his first
    /// name, beside "Edward Snowden" in the others): within one article the recogniser joins them, across articles
    /// only the story can. And in a story of three or more articles, a name only one article gives is left out: in
    /// a large story those are mostly one outlet's aside, or a capitalised headline's words read as a name
    /// ("Edward Snowden Speaks"), and a story of 180 articles had more of them than of its actors.
    package func entities(_ entries: [DigestEntry]) -> [StoryEntity] {
        // Each article's names, in order, then its outlet: outlets are organisations of the story too, even when
        // their name only appears in an attribution line that the reader keeps out of the body.
        let named: [[(canonical: String, kind: EntityKind, isOutlet: Bool)]] = entries.map { entry in
            var names = entry.article.entities.map { ($0.canonical, $0.kind, false) }
            if let outlet = entry.article.outlet { names.append((outlet, .organization, true)) }
            return names
        }
        // A one-word name stands for the longer name of its kind that ends with it and that the most articles give,
        // when no other such name is given by as many ("Edward Snowden", not "Defiant Snowden").
        struct LastWord: Hashable {
            var kind: EntityKind
            var word: Substring
        }
        var longerNames: [LastWord: [String: Int]] = [:]
        for names in named {
            var seen = Set<String>()
            for (canonical, kind, _) in names where seen.insert(canonical).inserted {
                guard let last = canonical.lastOfSeveralWords else { continue }
                longerNames[LastWord(kind: kind, word: last), default: [:]][canonical, default: 0] += 1
            }
        }
        let fullNames: [LastWord: String] = longerNames.compactMapValues { candidates in
            let ranked = candidates.sorted { $0.value > $1.value }
            guard ranked.count == 1 || ranked[0].value > ranked[1].value else { return nil }
            return ranked[0].key
        }
        var counts: [String: (kind: EntityKind, mentions: Int, articles: Int, first: Int)] = [:]
        var order = 0
        // Each article's names as counted, kept for the rare name written two ways (below).
        var namesOfArticles: [Set<String>] = []
        namesOfArticles.reserveCapacity(named.count)
        for names in named {
            var seen = Set<String>()
            defer { namesOfArticles.append(seen) }
            for (canonical, kind, isOutlet) in names {
                let name =
                    canonical.utf8.contains(0x20)
                    ? canonical : fullNames[LastWord(kind: kind, word: canonical[...])] ?? canonical
                let isNew = seen.insert(name).inserted
                // The outlet counts once, as a name of the article, whether or not its text names it too.
                if isOutlet && !isNew { continue }
                if counts[name] == nil {
                    counts[name] = (kind, 0, 0, order)
                    order += 1
                }
                counts[name]!.mentions += 1
                if isNew { counts[name]!.articles += 1 }
            }
        }
        // Each article settles its own names' spelling (`AliasResolver`), but two outlets may write one name two
        // ways ("TRUTH Social" and "Truth Social", "PIMCO" and "Pimco"): the story lists it once, spelt as the most
        // of its articles spell it.
        var firstSpelling = [String: String](minimumCapacity: counts.count)
        var spellings: [String: [String]] = [:]
        for name in counts.keys {
            let key = name.lowercased()
            if let first = firstSpelling[key] {
                spellings[key, default: [first]].append(name)
            } else {
                firstSpelling[key] = name
            }
        }
        for variants in spellings.values {
            let spelling = Self.spelling(variants.map { ($0, counts[$0]!.articles, counts[$0]!.first) })
            let articles = namesOfArticles.filter { names in variants.contains(where: names.contains) }.count
            let earliest = variants.map { counts[$0]! }.min { $0.first < $1.first }!
            let mentions = variants.reduce(0) { $0 + counts[$1]!.mentions }
            for variant in variants { counts[variant] = nil }
            counts[spelling] = (earliest.kind, mentions, articles, earliest.first)
        }
        let minimumArticles = entries.count >= 3 ? 2 : 1
        return counts.filter { $0.value.articles >= minimumArticles }
            .map { StoryEntity(canonical: $0.key, kind: $0.value.kind, mentions: $0.value.mentions) }
            .sorted { a, b in
                let (x, y) = (counts[a.canonical]!, counts[b.canonical]!)
                if x.articles != y.articles { return x.articles > y.articles }
                if x.mentions != y.mentions { return x.mentions > y.mentions }
                return x.first < y.first
            }
    }

    /// Of several spellings of one name, the one the most articles give; on a tie, one with lower-case letters over
    /// one in capitals (`Pimco` over `PIMCO`: capitals are how a headline or a press release writes it), then the
    /// first written.
    static func spelling(_ variants: [(name: String, articles: Int, first: Int)]) -> String {
        variants.min { a, b in
            if a.articles != b.articles { return a.articles > b.articles }
            let (aMixed, bMixed) = (
                a.name.unicodeScalars.contains(where: ScalarClass.isLowercase),
                b.name.unicodeScalars.contains(where: ScalarClass.isLowercase)
            )
            if aMixed != bMixed { return aMixed }
            return a.first < b.first
        }!.name
    }

    // MARK: What each source adds

    /// - Parameter sentenceTerms: the distinct `Tokenizer.termKeys` of every sentence of each entry, in order (the
    ///   story's summary reads them too, so they are found once).
    /// - Parameter summary: the story's summary, whose sentences are not listed again: the reader has just read them.
    /// - Parameter shownQuotations: the quotations the digest shows (`keyQuotations` of them); a sentence that carries
    ///   one is not listed either, for the same reason.
    package func additions(
        _ entries: [DigestEntry], centre: TermVector, sentenceTerms: [[Set<TermKey>]], summary: [SummaryLine],
        shownQuotations: ArraySlice<StoryQuotation> = []
    ) -> [SourceAddition] {
        guard entries.count > 1 else { return [] }
        let shownSpans = shownQuotations.flatMap(\.sources).map { ($0.fileName, $0.start..<$0.end) }
        let onlyOwn = OwnDetails(entries)
        // Every sentence of the story indexed by its terms: a sentence is then compared only with the sentences it
        // shares a term with. Comparing it with every sentence of the other sources made a story's render grow with
        // the square of its sentences, which dominated rendering large stories. Terms are numbered, so the index is
        // arrays rather than a dictionary of Strings.
        var termNumbers = TermKeyMap<Int32>()
        var postingLists: [[Int32]] = []
        var sentenceOwners: [Int] = []
        var sentenceSizes: [Int] = []
        let sentenceTermNumbers = sentenceTerms.enumerated().map { position, sentences in
            sentences.map { terms in
                let numbers = terms.map { term in
                    let number = termNumbers[term] ?? Int32(postingLists.count)
                    if number == postingLists.count {
                        termNumbers.update(term, initial: number) { _ in }
                        postingLists.append([])
                    }
                    postingLists[Int(number)].append(Int32(sentenceOwners.count))
                    return number
                }
                sentenceOwners.append(position)
                sentenceSizes.append(terms.count)
                return numbers
            }
        }
        // Constants from here: `isCovered` reads them in its innermost loop, and a captured variable is checked for
        // exclusive access on every read (6 million checks, a quarter of this function, in a templated story).
        let (postings, owner, size) = (postingLists, sentenceOwners, sentenceSizes)
        var shared = [Int](repeating: 0, count: owner.count)
        // The sentences a call counted, to reset their counts: each at most once a call, so a buffer of one slot per
        // sentence. Appending to a captured array checked exclusive access on every append (1.9 million checks, half
        // of this function's own instructions; callgrind, stop 23).
        var touched = [Int](repeating: 0, count: owner.count)
        /// Whether a sentence of another source has at least `uniqueFact` of the terms it or this sentence has
        /// (`Summarizer.overlap`). It answers as soon as one has: an overlap only grows as terms are counted, and in a
        /// story of templated reports every sentence has its twin in most sources.
        func isCovered(_ terms: [Int32], position: Int) -> Bool {
            shared.withUnsafeMutableBufferPointer { shared in
                touched.withUnsafeMutableBufferPointer { touched in
                    var covered = false
                    var touchedCount = 0
                    counting: for term in terms {
                        for id in postings[Int(term)] where owner[Int(id)] != position {
                            let id = Int(id)
                            if shared[id] == 0 {
                                touched[touchedCount] = id
                                touchedCount += 1
                            }
                            shared[id] += 1
                            if Double(shared[id]) / Double(min(terms.count, size[id])) >= uniqueFact {
                                covered = true
                                break counting
                            }
                        }
                    }
                    for id in touched[..<touchedCount] { shared[id] = 0 }
                    return covered
                }
            }
        }
        return entries.enumerated().compactMap { position, entry in
            let article = entry.article
            let quoted = article.quotes.map { $0.start..<$0.end }
            var scored: [(index: Int, score: Double, details: Set<String>)] = []
            var seen = Set<String>()
            for (index, sentence) in article.sentences.enumerated() {
                let terms = sentenceTerms[position][index]
                // Articles repeat their lead further down; a fact is listed once.
                guard terms.count >= 5, seen.insert(sentence.text).inserted else { continue }
                // A handful of lines: a scan costs less than hashing a key for every sentence.
                if summary.contains(where: { $0.sentenceIndex == index && $0.fileName == article.fileName }) { continue }
                // A sentence that is mostly a quotation shows under the quotations instead.
                let inQuote = quoted.contains { $0.contains(sentence.start) && $0.contains(max(sentence.start, sentence.end - 2)) }
                // So does one that is mostly direct speech, as in the summary (`StoryClusterer.isMostlyQuoted`).
                if inQuote || StoryClusterer.isMostlyQuoted(sentence, in: article) { continue }
                let carriesShownQuotation = shownSpans.contains { file, span in
                    file == article.fileName && span.overlaps(sentence.start..<sentence.end)
                }
                if carriesShownQuotation { continue }
                guard !isCovered(sentenceTermNumbers[position][index], position: position) else { continue }
                var salience = 0.0
                for term in terms.sorted() { salience += centre.weight(of: term) }
                let details = onlyOwn.details(in: sentence, position: position)
                scored.append((index, salience / Double(terms.count).squareRoot(), details))
            }
            // Each fact listed brings names or numbers the ones before it did not: a source often tells one fact twice
            // (a related story's link, then the paragraph), and the second telling is no news.
            var best: [Int] = []
            var listed = Set<String>()
            while best.count < factsPerSource {
                var pick: (index: Int, score: Double, details: Set<String>)?
                for candidate in scored where !best.contains(candidate.index) {
                    let terms = sentenceTerms[position][candidate.index]
                    if best.contains(where: { Summarizer.overlap(sentenceTerms[position][$0], terms) > 0.5 }) { continue }
                    let newDetails = candidate.details.subtracting(listed).count
                    let score = candidate.score * (1 + ownDetailWeight * Double(min(newDetails, maximumOwnDetails)))
                    if let pick, pick.score > score || (pick.score == score && pick.index < candidate.index) { continue }
                    pick = (candidate.index, score, candidate.details)
                }
                guard let pick else { break }
                best.append(pick.index)
                listed.formUnion(pick.details)
            }
            best.sort()
            guard !best.isEmpty else { return nil }
            let lines = best.map { index in
                let sentence = article.sentences[index]
                return SummaryLine(
                    text: sentence.text, fileName: article.fileName, sentenceIndex: index, start: sentence.start,
                    end: sentence.end)
            }
            return SourceAddition(fileName: article.fileName, source: Self.sourceName(article), lines: lines)
        }
    }
}

/// The names and numbers each source of a story gives that no other source does: the details that make a sentence
/// a fact of its own rather than a restatement of the story. "His statement comes amid heightened tensions between
/// Russia and Ukraine" is on the story's subject but tells nothing new; "Witkoff left Moscow on Friday without a
/// deal" names who and where, and no other source does.
struct OwnDetails {
    /// For each source, its entities' canonical names and its numbers that no other source has.
    private let own: [Set<String>]
    /// For each source, its mentions of the names in `own`: a sentence looks only at these, not at every mention.
    private let ownMentions: [[EntityMention]]

    init(_ entries: [DigestEntry]) {
        let detailsOfEntries = entries.map { entry in
            Set(entry.article.entities.filter { !$0.inTitle }.map(\.canonical))
                .union(Self.numbers(in: entry.article.body))
        }
        var sources: [String: Int] = [:]
        for details in detailsOfEntries { for detail in details { sources[detail, default: 0] += 1 } }
        own = detailsOfEntries.map { $0.filter { sources[$0] == 1 } }
        ownMentions = zip(entries, own).map { entry, own in
            entry.article.entities.filter { !$0.inTitle && own.contains($0.canonical) }
        }
    }

    /// The distinct names and numbers of `sentence` that only the source at `position` gives.
    func details(in sentence: Sentence, position: Int) -> Set<String> {
        guard !own[position].isEmpty else { return [] }
        var found = Set<String>()
        for mention in ownMentions[position] where mention.start >= sentence.start && mention.end <= sentence.end {
            found.insert(mention.canonical)
        }
        for number in Self.numbers(in: sentence.text) where own[position].contains(number) { found.insert(number) }
        return found
    }

    /// Runs of digits, with the separators inside them (`2,000`, `3.5`); a leading `#` keeps a number apart from a
    /// name that is written the same.
    static func numbers(in text: String) -> Set<String> {
        // Bytes, not Characters: every body of a story is read once a build, and digits and separators are ASCII.
        var numbers = Set<String>()
        var current: [UInt8] = [UInt8(ascii: "#")]
        var pendingSeparator: UInt8?
        func flush() {
            if current.count > 1 { numbers.insert(String(decoding: current, as: UTF8.self)) }
            current.removeSubrange(1...)
            pendingSeparator = nil
        }
        for byte in text.utf8 {
            if byte &- UInt8(ascii: "0") < 10 {
                if let separator = pendingSeparator { current.append(separator) }
                pendingSeparator = nil
                current.append(byte)
            } else if current.count > 1, pendingSeparator == nil, byte == UInt8(ascii: ",") || byte == UInt8(ascii: ".") {
                pendingSeparator = byte
            } else {
                flush()
            }
        }
        flush()
        return numbers
    }
}

/// Word-level differences between two wordings of one passage.
package enum WordDiff {
    /// Each place where `a` and `b` differ, as the two wordings with one word of shared context on each side.
    package static func differences(_ a: String, _ b: String) -> [(String, String)] {
        let x = a.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        let y = b.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        let (nx, ny) = (x.map(normal), y.map(normal))
        // Longest common subsequence table, then walk it to find the aligned runs.
        var table = [[Int]](repeating: [Int](repeating: 0, count: ny.count + 1), count: nx.count + 1)
        if nx.count * ny.count > 250_000 { return [] }
        for i in stride(from: nx.count - 1, through: 0, by: -1) {
            for j in stride(from: ny.count - 1, through: 0, by: -1) {
                table[i][j] = nx[i] == ny[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result: [(String, String)] = []
        var (i, j) = (0, 0)
        while i < nx.count || j < ny.count {
            if i < nx.count && j < ny.count && nx[i] == ny[j] {
                i += 1
                j += 1
                continue
            }
            let (startI, startJ) = (i, j)
            while (i < nx.count || j < ny.count) && !(i < nx.count && j < ny.count && nx[i] == ny[j]) {
                if j >= ny.count || (i < nx.count && table[i + 1][j] >= table[i][j + 1]) { i += 1 } else { j += 1 }
            }
            let before = startI > 0 ? [x[startI - 1]] : []
            let afterX = i < x.count ? [x[i]] : []
            let afterY = j < y.count ? [y[j]] : []
            let left = (before + x[startI..<i] + afterX).joined(separator: " ")
            let right = ((startJ > 0 ? [y[startJ - 1]] : []) + y[startJ..<j] + afterY).joined(separator: " ")
            if left != right { result.append((left, right)) }
        }
        return result
    }

    /// Words compare without case and without surrounding quotation marks, but with their punctuation, because
    /// "end." and "end" are a difference in wording a reader may care about.
    static func normal(_ word: String) -> String {
        word.lowercased().trimmingCharacters(in: "“”\"‘’'")
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
