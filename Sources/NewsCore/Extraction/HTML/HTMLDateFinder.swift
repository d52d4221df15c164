/// Finds when a page was published, weighing the evidence the page gives, in the manner of htmldate.
///
/// The sources, from the most to the least trusted (`Source`): a full date in the page's own address
/// (`/2019/10/16/`); `itemprop=datePublished`; `<meta>` publication tags; JSON-LD `datePublished` of the article;
/// `<time>`, `abbr.published` and `data-date` attributes; date keys in inline scripts; a date shown by the
/// headline; elements named as dates (`class="post-date"`); the first date in the text; the title or
/// description; modification dates; dates in navigation and footers. Each source votes for its first date
/// (see `publicationDate()`), so a lone modification date decides only when nothing else speaks.
package struct HTMLDateFinder {
    let tree: HTMLTree
    let metadata: HTMLMetadata
    let raw: [UInt8]

    package init(tree: HTMLTree, metadata: HTMLMetadata, raw: [UInt8]) {
        self.tree = tree
        self.metadata = metadata
        self.raw = raw
    }

    /// Where a candidate date came from, from the most to the least trusted.
    package enum Source: Int, Comparable, Sendable, CaseIterable {
        case url, itemprop, meta, jsonLD, timeElement, dataAttribute, script, headlineText, namedElement, text
        /// A date in the title or description (`Notizia del 14 gennaio 2020`).
        case description
        case modified
        /// A date in navigation, a footer or a sidebar, the last resort.
        case chromeText

        package static func < (lhs: Source, rhs: Source) -> Bool { lhs.rawValue < rhs.rawValue }

        var origin: PublicationDate.Origin {
            switch self {
            case .text, .headlineText, .namedElement, .chromeText: return .text
            default: return .meta
            }
        }

        /// How much the source's date counts in the vote.
        var weight: Double {
            switch self {
            case .url, .itemprop: return 3
            case .meta, .jsonLD, .timeElement, .headlineText: return 2
            case .namedElement: return 1.5
            case .dataAttribute, .script, .modified: return 1
            case .text, .description: return 0.5
            case .chromeText: return 0.25
            }
        }
    }

    package struct Candidate: Sendable {
        package var date: DateParser.Parsed
        package var source: Source
    }

    /// The publication date and where it was found, or nil when the page does not say.
    ///
    /// Each kind of source votes once, with its first date, and the day with the most weight wins; a tie goes to
    /// the day the most trusted source gives. Markup carries most weight, but a date shown by the headline counts
    /// as much as a `<meta>` tag: readers, and the people who check publication dates, go by what the page shows,
    /// while markup can be in UTC (a day off) or describe an earlier version of the page.
    package func publicationDate() -> (DateParser.Parsed, PublicationDate.Origin)? {
        var found = candidates(includingScripts: false)
        // Scanning the page source for script keys is the costliest source and has little weight: skip it when
        // its vote could not change the outcome.
        if Self.margin(of: found) <= Source.script.weight {
            scriptCandidates(into: &found)
        }
        return Self.winner(of: found).map { ($0.date, $0.source.origin) }
    }

    /// The day with the most weight and its most trusted supporter.
    static func winner(of candidates: [Candidate]) -> Candidate? {
        ranked(candidates).first?.best
    }

    /// How far the winning day's weight is ahead of the runner-up's (or of nothing).
    static func margin(of candidates: [Candidate]) -> Double {
        let days = ranked(candidates)
        guard let first = days.first else { return 0 }
        return first.weight - (days.count > 1 ? days[1].weight : 0)
    }

    /// Every day named, with its weight and best supporter, the winner first.
    static func ranked(_ candidates: [Candidate]) -> [(weight: Double, best: Candidate)] {
        var firstBySource: [Source: Candidate] = [:]
        for candidate in candidates where firstBySource[candidate.source] == nil {
            firstBySource[candidate.source] = candidate
        }
        var votes: [CivilDate: (weight: Double, best: Candidate)] = [:]
        for source in Source.allCases {
            guard let candidate = firstBySource[source] else { continue }
            let day = candidate.date.day
            if let current = votes[day] {
                // `allCases` runs from the most to the least trusted, so the first supporter stays the best.
                votes[day] = (current.weight + source.weight, current.best)
            } else {
                votes[day] = (source.weight, candidate)
            }
        }
        return votes.values.sorted { lhs, rhs in
            lhs.weight != rhs.weight ? lhs.weight > rhs.weight : lhs.best.source < rhs.best.source
        }
    }

    /// How numbers-only dates are ordered on this page: month first only for American English.
    var numericOrder: DateText.NumericOrder {
        guard let language = metadata.language?.lowercased() else { return .dayFirst }
        if language == "en" || language == "en-us" || language == "en_us" { return .monthFirst }
        return .dayFirst
    }

    /// Every date the page gives, each with its source.
    package func candidates(includingScripts: Bool = true) -> [Candidate] {
        var found: [Candidate] = []
        func add(_ value: String?, _ source: Source) {
            guard let value, let date = DateText.parseValue(value, order: numericOrder) else { return }
            found.append(Candidate(date: date, source: source))
        }
        for object in metadata.articleObjects {
            for key in ["datePublished", "dateCreated", "uploadDate"] {
                add(object[key]?.stringValue, .jsonLD)
            }
        }
        for key in Self.publishedMetaKeys {
            for value in metadata.allMeta(key) { add(value, .meta) }
        }
        for url in [metadata.canonical, metadata.firstMeta(["og:url", "twitter:url"])].compactMap({ $0 }) {
            if let date = Self.dateInURL(url) { found.append(Candidate(date: date, source: .url)) }
        }
        elementCandidates(into: &found)
        if includingScripts { scriptCandidates(into: &found) }
        textCandidates(into: &found)
        for object in metadata.articleObjects {
            add(object["dateModified"]?.stringValue, .modified)
        }
        for key in Self.modifiedMetaKeys {
            for value in metadata.allMeta(key) { add(value, .modified) }
        }
        return found
    }

    /// `<meta>` names and properties that give the publication date.
    static let publishedMetaKeys = [
        "article:published_time", "og:article:published_time", "article:published", "og:published_time",
        "published_time", "article.published", "datepublished", "date_published", "publish-date", "publish_date",
        "publishdate", "pubdate", "publication_date", "publication-date", "sailthru.date", "dc.date.issued",
        "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date.published", "dc.date", "dcterms.date",
        "date", "parsely-pub-date", "cxenseparse:recs:publishtime", "article_date_original",
        "original-publish-date", "citation_publication_date", "citation_date", "citation_online_date",
        "rnews:datepublished", "bt:pubdate", "displaydate", "og:pubdate", "pub_date", "pubdate_datetime",
        "release_date", "created", "creation_date", "datecreated", "datecreation", "dc.created", "live_date",
        "ga_date", "article:post_date", "article_date", "date.release", "dc.date.available", "eomportal-lastupdate",
    ]

    /// `<meta>` names and properties that give the last modification.
    static let modifiedMetaKeys = [
        "article:modified_time", "og:updated_time", "og:article:modified_time", "datemodified", "date_modified",
        "last-modified", "lastmod", "dc.date.modified", "dcterms.modified", "revised", "updated", "modified",
        "article:modified", "last-updated",
    ]

    // MARK: - The page's address

    /// A full date in a URL path: `/2019/10/16/`, `/2019-10-16-`, `/20191016/`.
    static func dateInURL(_ url: String) -> DateParser.Parsed? {
        let bytes = Array(url.utf8)
        guard bytes.count > 10 else { return nil }
        var i = 0
        while i + 8 <= bytes.count {
            let previous = i > 0 ? bytes[i - 1] : 0
            let startsField =
                previous == UInt8(ascii: "/") || previous == UInt8(ascii: "-")
                || previous == UInt8(ascii: "_") || previous == UInt8(ascii: "=")
            guard startsField, isDigit(bytes[i]) else {
                i += 1
                continue
            }
            // Four-digit year, separator, month, separator, day.
            if i + 10 <= bytes.count, (0..<4).allSatisfy({ isDigit(bytes[i + $0]) }) {
                let separator = bytes[i + 4]
                if separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-") || separator == UInt8(ascii: "_") {
                    var j = i + 5
                    let month = readNumber(bytes, &j, maxDigits: 2)
                    if let month, j < bytes.count, bytes[j] == separator {
                        j += 1
                        if let day = readNumber(bytes, &j, maxDigits: 2),
                            j == bytes.count || !isDigit(bytes[j]),
                            let year = Int(String(decoding: bytes[i..<(i + 4)], as: UTF8.self)),
                            DateText.years.contains(year), let date = CivilDate(year: year, month: month, day: day)
                        {
                            return DateParser.Parsed(day: date, secondsIntoDay: nil, utcOffsetSeconds: nil)
                        }
                    }
                }
                // 20191016 standing alone between separators.
                if i + 8 <= bytes.count, (0..<8).allSatisfy({ isDigit(bytes[i + $0]) }),
                    i + 8 == bytes.count || !isDigit(bytes[i + 8]),
                    let compact = DateText.compactDate(Array(bytes[i..<(i + 8)]))
                {
                    return compact
                }
            }
            i += 1
        }
        return nil
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private static func readNumber(_ bytes: [UInt8], _ j: inout Int, maxDigits: Int) -> Int? {
        var value = 0
        var count = 0
        while j < bytes.count, isDigit(bytes[j]), count < maxDigits {
            value = value * 10 + Int(bytes[j] - 48)
            j += 1
            count += 1
        }
        return count == 0 ? nil : value
    }

    // MARK: - Elements

    /// Words in class names and ids that mark a publication date (in several languages).
    static let dateWords: Set<String> = [
        "date", "dates", "datum", "time", "timestamp", "published", "publish", "publication", "pubdate", "posted",
        "postdate", "dateline", "datetime", "fecha", "data", "byline", "entry", "meta", "info", "datestamp", "created",
        "submitted", "erschienen", "veroeffentlicht",
    ]

    /// Words in class names and ids that mark a modification date or other people's dates.
    static let notPublicationWords: Set<String> = [
        "updated", "update", "modified", "modification", "changed", "edit", "edited", "comment", "comments",
        "reply", "related", "sidebar", "footer", "copyright", "event", "events", "calendar", "archive",
        "archives", "widget", "birth", "born", "deadline", "expires", "expiry", "weather",
    ]

    func elementCandidates(into found: inout [Candidate]) {
        let nodes = tree.nodes
        var sawTime = false
        var sawDataDate = false
        var nameCache: [UInt64: NameFlags] = [:]
        var namedCount = 0
        // Elements inside comment threads, related lists and widgets are about other pages.
        var skipUntil = 0
        var i = 1
        while i < nodes.count {
            let node = nodes[i]
            if node.tag == .text || tree.isInvisible(i) {
                i = node.tag == .text ? i + 1 : Int(node.end)
                continue
            }
            let names = nameFlags(i, cache: &nameCache)
            if i >= skipUntil, names.notPublication {
                skipUntil = Int(node.end)
            }
            let excluded = i < skipUntil
            if let itemprop = tree.attribute(i, .itemprop)?.lowercased() {
                if itemprop == "datepublished" || itemprop == "datecreated" {
                    let value = tree.attribute(i, .datetime) ?? tree.attribute(i, .content) ?? tree.textContent(i)
                    if let date = DateText.parseValue(value, order: numericOrder) {
                        found.append(Candidate(date: date, source: .itemprop))
                    }
                } else if itemprop == "datemodified" {
                    let value = tree.attribute(i, .datetime) ?? tree.attribute(i, .content) ?? tree.textContent(i)
                    if let date = DateText.parseValue(value, order: numericOrder) {
                        found.append(Candidate(date: date, source: .modified))
                    }
                }
            }
            if !excluded {
                if !sawDataDate, let value = tree.attribute(i, .dataDate),
                    let date = DateText.parseValue(value, order: numericOrder)
                {
                    found.append(Candidate(date: date, source: .dataAttribute))
                    sawDataDate = true
                }
                if node.tag == .time && !sawTime {
                    let value = tree.attribute(i, .datetime) ?? tree.textContent(i)
                    if let date = DateText.parseValue(value, order: numericOrder) {
                        found.append(Candidate(date: date, source: .timeElement))
                        sawTime = true
                    }
                } else if node.tag == .abbr, names.published, let title = tree.attribute(i, .title),
                    let date = DateText.parseValue(title, order: numericOrder)
                {
                    found.append(Candidate(date: date, source: .timeElement))
                }
                if namedCount < 3, names.date,
                    Int(node.end) - i < 60
                {
                    let text = tree.textContent(i)
                    if text.utf8.count < 300, let date = DateText.firstDate(in: text, order: numericOrder) {
                        found.append(Candidate(date: date, source: .namedElement))
                        namedCount += 1
                    }
                }
            }
            i += 1
        }
    }

    /// What the class and id of an element say about dates.
    struct NameFlags {
        /// A word names a date (`post-date`, `datum`).
        var date = false
        /// A word names something other than this page's publication (`updated`, `comments`, `related`).
        var notPublication = false
        /// The word `published` (the hAtom microformat's `abbr.published`).
        var published = false
    }

    private static let dateWordHashes = Set(dateWords.map { BoilerplateNames.Hashing.fnv($0.utf8) })
    private static let notPublicationHashes = Set(
        notPublicationWords.map { BoilerplateNames.Hashing.fnv($0.utf8) })
    private static let publishedHash = BoilerplateNames.Hashing.fnv("published".utf8)

    func nameFlags(_ index: Int, cache: inout [UInt64: NameFlags]) -> NameFlags {
        var flags = NameFlags()
        for name in [HTMLTree.AttributeName.class, .id] {
            guard let bytes = tree.attributeBytes(index, name), !bytes.isEmpty else { continue }
            let key = BoilerplateNames.Hashing.fnv(bytes) &+ UInt64(name.rawValue)
            let part: NameFlags
            if let cached = cache[key] {
                part = cached
            } else {
                part = Self.readNameFlags(bytes)
                cache[key] = part
            }
            flags.date = flags.date || part.date
            flags.notPublication = flags.notPublication || part.notPublication
            flags.published = flags.published || part.published
        }
        return flags
    }

    /// Splits names into words as `BoilerplateNames` does and looks each word up by its hash.
    static func readNameFlags(_ bytes: ArraySlice<UInt8>) -> NameFlags {
        var flags = NameFlags()
        var word = BoilerplateNames.Hashing.start
        var length = 0
        var previousLower = false
        func finish() {
            if length > 0 {
                if dateWordHashes.contains(word) { flags.date = true }
                if notPublicationHashes.contains(word) { flags.notPublication = true }
                if word == publishedHash { flags.published = true }
            }
            word = BoilerplateNames.Hashing.start
            length = 0
        }
        for byte in bytes.prefix(200) {
            let isUpper = byte >= 65 && byte <= 90
            let isLower = byte >= 97 && byte <= 122
            if !(isUpper || isLower) || (isUpper && previousLower) { finish() }
            if isUpper || isLower {
                word = BoilerplateNames.Hashing.step(word, HTMLText.lower(byte))
                length += 1
            }
            previousLower = isLower
        }
        finish()
        return flags
    }

    // MARK: - Visible text

    /// Dates written in the visible text: the first one near the headline (the byline and dateline sit just
    /// above or below it), and the first one anywhere outside navigation and footers.
    func textCandidates(into found: inout [Candidate]) {
        let nodes = tree.nodes
        // Text nodes in document order, with whether each comes before the first `<h1>`.
        var texts: [Int] = []
        // Text in navigation, footers and sidebars: other pages' dates, or the page's own in a footer line.
        var chromeTexts: [Int] = []
        var headlineAt: Int?
        var i = 1
        while i < nodes.count {
            let node = nodes[i]
            switch node.tag {
            case .text:
                texts.append(i)
            case .h1 where headlineAt == nil:
                headlineAt = texts.count
            case .nav, .footer, .aside, .form, .select, .button:
                // Unless a missing end tag made it hold half the page.
                if Int(node.end) - i < nodes.count / 2 {
                    for k in i..<Int(node.end) where nodes[k].tag == .text { chromeTexts.append(k) }
                    i = Int(node.end)
                    continue
                }
            default:
                if tree.isInvisible(i) {
                    i = Int(node.end)
                    continue
                }
            }
            i += 1
        }
        func firstDate(in range: Range<Int>, of texts: [Int] = texts) -> DateParser.Parsed? {
            // Dates are split across text nodes often enough (`<span>16.</span> Oktober 2019`) to read a few at once.
            var window: [UInt8] = []
            for k in range {
                window.append(contentsOf: tree.textBytes(texts[k]))
                window.append(0x20)
                guard k + 1 == range.upperBound || window.count > 200 else { continue }
                if DateText.mayHoldDate(window),
                    let date = DateText.firstDate(in: String(decoding: window, as: UTF8.self), order: numericOrder)
                {
                    return date
                }
                window = Array(tree.textBytes(texts[k]))
                window.append(0x20)
            }
            return nil
        }
        if let headlineAt {
            let range = max(0, headlineAt - 8)..<min(texts.count, headlineAt + 40)
            if let date = firstDate(in: range) { found.append(Candidate(date: date, source: .headlineText)) }
        }
        if let date = firstDate(in: 0..<texts.count) { found.append(Candidate(date: date, source: .text)) }
        let described = [
            metadata.titleElement, metadata.firstMeta(["og:title"]),
            metadata.firstMeta(["description", "og:description"]),
        ].compactMap { $0 }
        for text in described {
            if let date = DateText.firstDate(in: text, order: numericOrder) {
                found.append(Candidate(date: date, source: .description))
                break
            }
        }
        if let date = firstDate(in: 0..<chromeTexts.count, of: chromeTexts) {
            found.append(Candidate(date: date, source: .chromeText))
        }
    }

    // MARK: - Scripts

    /// JSON keys inline scripts (app state, analytics) use for the publication date.
    static let scriptKeys = [
        "datePublished", "publishedAt", "published_at", "publishDate", "publish_date", "pubDate", "firstPublished",
        "first_published_at", "publicationDate", "publication_date", "dateCreated", "createdAt", "created_at",
        "displayDate", "articlePublishDate", "date_published", "published",
    ]

    private static let scriptKeyBytes: [[UInt8]] = scriptKeys.map { Array($0.utf8) }

    /// For each possible first byte of a key, whether some key starts with it.
    private static let scriptKeyStarts: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for key in scriptKeys { table[Int(key.utf8.first!)] = true }
        return table
    }()

    /// The first date under one of `scriptKeys` in the page source, found in one pass over the bytes.
    func scriptCandidates(into found: inout [Candidate]) {
        var best: (rank: Int, value: String)?
        // Local copies: reading a static inside the loop would check its lazy initialisation at every byte.
        let starts = Self.scriptKeyStarts
        let keys = Self.scriptKeyBytes
        raw.withUnsafeBufferPointer { raw in
            let count = raw.count
            var i = 0
            while i + 1 < count {
                guard raw[i] == 0x22, starts[Int(raw[i + 1])] else {
                    i += 1
                    continue
                }
                for (rank, key) in keys.enumerated() where rank < (best?.rank ?? .max) {
                    let end = i + 1 + key.count
                    guard key[0] == raw[i + 1], end < count, raw[end] == 0x22,
                        raw[(i + 1)..<end].elementsEqual(key)
                    else { continue }
                    var j = end + 1
                    while j < count && (raw[j] == 0x20 || raw[j] == 0x3A || raw[j] == 0x5C) { j += 1 }
                    guard j < count, raw[j] == 0x22 else { continue }
                    j += 1
                    let valueStart = j
                    while j < count && raw[j] != 0x22 && raw[j] != 0x5C && j - valueStart < 64 { j += 1 }
                    let value = String(decoding: UnsafeBufferPointer(rebasing: raw[valueStart..<j]), as: UTF8.self)
                    if DateText.parseValue(value, order: numericOrder) != nil { best = (rank, value) }
                }
                i += 1
            }
        }
        if let best, let date = DateText.parseValue(best.value, order: numericOrder) {
            found.append(Candidate(date: date, source: .script))
        }
    }
}
