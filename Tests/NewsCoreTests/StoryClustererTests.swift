import Testing
import Foundation

@testable import NewsCore

@Suite("StoryClusterer")
struct StoryClustererTests {
    static let day = Fixtures.day("2025-03-14")

    static let floodReuters = """
        Title: Flood waters rise along the Danube river
        Date: 2025-03-14
        Source: Reuters

        Flood waters rose along the Danube river in Hungary on Friday. Budapest closed riverside roads as the \
        Danube flood peaked. Engineers reinforced flood barriers near the Danube river.
        """
    static let floodAP = """
        Title: Danube flood reaches Budapest
        Date: 2025-03-14T10:00:00Z
        Source: AP

        The Danube flood reached Budapest on Friday as flood waters rose. Riverside roads in Budapest closed as the \
        river rose. Engineers built flood barriers along the Danube river.
        """
    static let chess = """
        Title: Chess champion wins title in Madrid tournament
        Date: 2025-03-14
        Source: El Pais

        The chess champion won the Madrid tournament with a quiet endgame. Spectators applauded the final \
        checkmate loudly. The champion thanked her coach and her family.
        """

    /// The three articles as entries, with fixed content hashes so story ids are known.
    static func entries() throws -> [DigestEntry] {
        var reuters = try Fixtures.extract(floodReuters, fileName: "reuters-flood.txt")
        reuters.contentHash = "bbb"
        var ap = try Fixtures.extract(floodAP, fileName: "ap-flood.txt")
        ap.contentHash = "aaa"
        var pais = try Fixtures.extract(chess, fileName: "chess.txt")
        pais.contentHash = "ccc"
        return [
            DigestEntry(article: reuters, location: "/srv/archive/reuters-flood.txt"),
            DigestEntry(article: ap, location: "/srv/archive/ap-flood.txt"),
            DigestEntry(article: pais, location: nil),
        ]
    }

    @Test("articles about one event form one story, an unrelated one stands alone")
    func groupsByEvent() throws {
        let digest = StoryClusterer().digest(for: Self.day, entries: try Self.entries())
        #expect(digest.day == Self.day)
        #expect(digest.stories.count == 2)
        #expect(digest.articleCount == 3)
        #expect(digest.fileCount == 3)
        #expect(digest.sourceCount == 3)
        let flood = try #require(digest.stories.first)
        // Members earliest first: the dated-only article sorts before the one with a time.
        #expect(flood.entries.map(\.article.fileName) == ["reuters-flood.txt", "ap-flood.txt"])
        #expect(flood.outlets == ["Reuters", "AP"])
        // The founding article is the earliest member, Reuters' ("bbb"): SHA-256("bbb") starts 3e744b9dc3.
        #expect(flood.id == StoryID("st-3e744b9dc3"))
        #expect(flood.headline == "Flood waters rise along the Danube river")
        let chess = try #require(digest.stories.last)
        #expect(chess.entries.map(\.article.fileName) == ["chess.txt"])
        // SHA-256("ccc") starts 64daa44ad4.
        #expect(chess.id == StoryID("st-64daa44ad4"))
        #expect(chess.headline == "Chess champion wins title in Madrid tournament")
    }

    @Test("two articles sharing one term are not linked; sharing two, they are")
    func linksNeedTwoSharedTerms() throws {
        let reform = TermVector(weights: [TermKey("nsa"): 0.6, TermKey("reform"): 0.8])
        let housing = TermVector(weights: [TermKey("housing"): 0.6, TermKey("reform"): 0.8])
        let finance = TermVector(weights: [TermKey("housing"): 0.8, TermKey("reform"): 0.6])
        #expect(reform.cosine(housing) > 0.6)
        #expect(!reform.sharesTerms(with: housing, atLeast: 2))
        #expect(StoryClusterer.linkSimilarity(reform, housing, daysApart: 0) == 0)
        #expect(housing.sharesTerms(with: finance, atLeast: 2))
        #expect(StoryClusterer.linkSimilarity(housing, finance, daysApart: 0) == housing.cosine(finance))
        #expect(StoryClusterer.linkSimilarity(housing, finance, daysApart: 1) < housing.cosine(finance))

        // Headlines alone, as a feed exporter writes them: the housing reports are one story, and the one about NSA
        // reforms, which shares only "reform" with them, is its own.
        func headline(_ title: String, _ outlet: String, _ name: String) throws -> DigestEntry {
            DigestEntry(
                article: try Fixtures.extract("\(title)\ndate: 2025-03-14\nsource: \(outlet)\n", fileName: name),
                location: nil)
        }
        let entries = [
            try headline("Snowden says NSA reforms vindicate his leaks", "Reuters", "nsa.txt"),
            try headline("Senators agree on housing reform plan", "AP", "housing-1.txt"),
            try headline("Housing reform plan agreed by senators", "BBC", "housing-2.txt"),
        ]
        let digest = StoryClusterer().digest(for: Self.day, entries: entries)
        #expect(Set(digest.stories.map { $0.entries.map(\.article.fileName).sorted() })
            == [["housing-1.txt", "housing-2.txt"], ["nsa.txt"]])
    }

    @Test("a near-duplicate of the same day is folded as a copy; one of another day is listed on its own day")
    func nearDuplicatesFoldWithinADay() throws {
        let edited = Self.floodReuters.replacingOccurrences(of: "on Friday", with: "on Friday morning")
        let sameDay = try Fixtures.extract(edited, fileName: "wire-copy.txt")
        let nextDay = try Fixtures.extract(
            edited.replacingOccurrences(of: "Date: 2025-03-14", with: "Date: 2025-03-15"), fileName: "next-day.txt")
        let entries = try Self.entries() + [
            DigestEntry(article: sameDay, location: nil), DigestEntry(article: nextDay, location: nil),
        ]
        let digests = StoryClusterer().digests(for: [Self.day, Fixtures.day("2025-03-15")], entries: entries)
        var listed: [String: Int] = [:]
        for digest in digests {
            for story in digest.stories {
                for entry in story.entries {
                    listed[entry.article.fileName, default: 0] += 1
                    for copy in entry.copies { listed[copy.fileName, default: 0] += 1 }
                }
            }
        }
        #expect(listed == ["reuters-flood.txt": 1, "ap-flood.txt": 1, "chess.txt": 1, "wire-copy.txt": 1, "next-day.txt": 1])
        let flood = try #require(digests[0].stories.first)
        #expect(flood.entries.flatMap(\.copies).map(\.fileName) == ["wire-copy.txt"])
        #expect(digests[1].stories.flatMap(\.entries).map(\.article.fileName) == ["next-day.txt"])
        // The next day's copy still continues the story.
        #expect(digests[1].stories.first?.id == flood.id)
    }

    /// The fixture's entries, and the same with the chess story continuing on the 15th.
    static func chessContinuingNextDay() throws -> (first: [DigestEntry], second: [DigestEntry], day15: CivilDate) {
        var later = try Fixtures.extract(
            Self.chess.replacingOccurrences(of: "Date: 2025-03-14", with: "Date: 2025-03-15"), fileName: "chess-2.txt")
        later.contentHash = "ddd"
        let first = try Self.entries()
        return (first, first + [DigestEntry(article: later, location: nil)], Fixtures.day("2025-03-15"))
    }

    @Test("a memo kept across calls gives the same digests as none, and reuses unchanged stories")
    func memoChangesNothing() throws {
        let (first, second, day15) = try Self.chessContinuingNextDay()
        let clusterer = StoryClusterer()
        let memo = ClusteringMemo()
        for entries in [first, second, first, second] {
            let remembered = clusterer.digests(for: [Self.day, day15], entries: entries, memo: memo)
            let fresh = clusterer.digests(for: [Self.day, day15], entries: entries)
            #expect(remembered.map { ClusterRenderer.render($0) } == fresh.map { ClusterRenderer.render($0) })
            #expect(remembered.map { DigestRenderer(digestDirectory: "d").render($0) }
                == fresh.map { DigestRenderer(digestDirectory: "d").render($0) })
        }
        // Built once each: the flood and chess stories of the 14th, and the chess story continuing on the 15th.
        #expect(memo.storyCount == 3)
        // The chess story's timeline: the 14th as the 15th lists it and the 15th as the 14th lists it.
        #expect(memo.timelineDayCount == 2)
    }

    @Test("stories one memo kept are used as built by the next run's memo, and only for the same members")
    func keptStoriesAreAdoptedByTheNextRun() throws {
        let (_, second, day15) = try Self.chessContinuingNextDay()
        let clusterer = StoryClusterer()
        let memo = ClusteringMemo()
        let built = clusterer.digests(for: [Self.day, day15], entries: second, memo: memo)
        let kept = memo.keptStories()
        // The flood and chess stories of the 14th, and the chess story of the 15th.
        #expect(kept.map(\.day) == [Self.day, Self.day, day15])
        let articles = Dictionary(second.map { ($0.article.contentHash, $0.article) }, uniquingKeysWith: { a, _ in a })
        let items = second.map { ClusterItem($0, features: clusterer.features(of: $0.article)) }
        /// The digests a new run renders with `adopted` taken from its byte form, and how many articles it read.
        func nextRun(adopting adopted: [(day: CivilDate, summaryLength: Int, story: Story)]) throws -> ([Digest], Int) {
            let next = ClusteringMemo()
            let render = next.nextGeneration
            // As the daemon does: after the clustering, before the digests.
            let groups = clusterer.cluster(items, memo: next)
            for kept in adopted {
                next.adopt(try Story(encoded: kept.story.encoded()), day: kept.day, summaryLength: kept.summaryLength)
            }
            defer {
                // What no digest used is forgotten when the render ends.
                next.forgetUnused(since: render)
                #expect(next.storyCount == 3)
            }
            var read = 0
            let digests = [Self.day, day15].map { day in
                clusterer.digest(for: day, groups: groups, memo: next) { members in
                    read += members.count
                    return members.map { articles[$0.contentHash]! }
                }
            }
            return (digests, read)
        }
        let (adopted, read) = try nextRun(adopting: kept)
        #expect(read == 0)
        #expect(adopted == built)
        // A kept story whose members are not the story's now is built again.
        var changed = kept
        changed[0].story.entries.removeLast()
        let (rebuilt, readAgain) = try nextRun(adopting: changed)
        #expect(readAgain == kept[0].story.entries.count)
        #expect(rebuilt == built)
        // So is one built for another summary length.
        changed = kept
        changed[2].summaryLength += 1
        #expect(try nextRun(adopting: changed).1 == 1)
    }

    @Test("at the end of a render the memo keeps only what its clusterings used")
    func memoForgetsWhatARenderDidNotUse() throws {
        let (first, second, day15) = try Self.chessContinuingNextDay()
        let clusterer = StoryClusterer()
        let memo = ClusteringMemo()
        _ = clusterer.digests(for: [Self.day, day15], entries: first, memo: memo)
        let render = memo.nextGeneration
        let digests = clusterer.digests(for: [Self.day, day15], entries: second, memo: memo)
        // Both clusterings' stories are held until the render ends: the 14th's two and the chess story of the 15th.
        #expect(memo.storyCount == 3)
        memo.forgetUnused(since: render)
        // The second render used all three; a third that shows only the 14th keeps the 14th's.
        #expect(memo.storyCount == 3)
        let third = memo.nextGeneration
        let only14 = clusterer.digests(for: [Self.day], entries: first, memo: memo)
        memo.forgetUnused(since: third)
        #expect(memo.storyCount == 2)
        #expect(memo.timelineDayCount == 0)
        // Forgetting changes only the work done, never the digests.
        #expect(only14 == clusterer.digests(for: [Self.day], entries: first))
        #expect(digests == clusterer.digests(for: [Self.day, day15], entries: second))
    }

    @Test("the result does not depend on the order of the entries")
    func orderIndependent() throws {
        let entries = try Self.entries()
        let clusterer = StoryClusterer()
        let reference = clusterer.digest(for: Self.day, entries: entries)
        let renderer = DigestRenderer(digestDirectory: "/srv/out/digests")
        for ordering in Fixtures.permutations(entries) {
            let digest = clusterer.digest(for: Self.day, entries: ordering)
            #expect(digest == reference)
            #expect(renderer.render(digest) == renderer.render(reference))
            #expect(ClusterRenderer.render(digest) == ClusterRenderer.render(reference))
        }
    }

    @Test("summary lines point at sentences of the story's own articles")
    func summaryIsTraceable() throws {
        let entries = try Self.entries()
        let digest = StoryClusterer(summaryLength: 2).digest(for: Self.day, entries: entries)
        for story in digest.stories {
            #expect(!story.summary.isEmpty)
            // Up to one sentence more than the setting, to reach a readable length across sources.
            #expect(story.summary.count <= 3)
            for line in story.summary {
                #expect(story.entries.contains { $0.article.fileName == line.fileName })
                // The digest keeps only what it shows of each article; the sentences are the article's own.
                let entry = try #require(entries.first { $0.article.fileName == line.fileName })
                let sentence = try #require(entry.article.sentences[safe: line.sentenceIndex])
                #expect(sentence.text == line.text)
                #expect(sentence.start == line.start)
                #expect(sentence.end == line.end)
            }
        }
    }

    @Test("a summary reports: a sentence that is mostly one of its quotations is left to the quotations")
    func summaryLeavesDirectSpeechToTheQuotations() throws {
        let story = try #require(
            StoryClusterer().digest(for: Self.day, entries: [try Seeds.entry("000"), try Seeds.entry("001")]).stories.first)
        // The New York Post gives Trump's post as a paragraph after a colon; the story lists it under its quotations.
        #expect(story.quotations.contains { $0.text.hasPrefix("We had very good and productive discussions") })
        #expect(!story.summary.contains { $0.text.hasPrefix("We had very good and productive discussions") })
        // Reported speech is what happened, and stays a candidate.
        let reported = try Fixtures.extract(
            "Title: Minister resigns\n\nThe minister said that she would resign on Friday after the vote. "
                + "\u{201C}I have done what I could, and it is time for someone else to lead the ministry,\u{201D} she said. "
                + "``The party will choose a new minister before the summer recess begins,'' her deputy said.",
            fileName: "a.txt")
        let flags = reported.sentences.map { StoryClusterer.isMostlyQuoted($0, in: reported) }
        #expect(flags == [false, true, true])
    }

    @Test("what each source adds does not repeat the story's summary")
    func additionsLeaveOutTheSummary() throws {
        let story = try #require(
            StoryClusterer().digest(for: Self.day, entries: [try Seeds.entry("000"), try Seeds.entry("001")]).stories.first)
        let summary = Set(story.summary.map { "\($0.fileName) \($0.sentenceIndex)" })
        let added = story.additions.flatMap(\.lines).map { "\($0.fileName) \($0.sentenceIndex)" }
        #expect(story.additions.count == 2)
        #expect(!added.isEmpty)
        #expect(summary.isDisjoint(with: added))
    }

    @Test("a summary line that leans on the sentence before it comes after one that stands alone")
    func summaryOpensWithALineThatStandsAlone() throws {
        for (text, leans) in [
            ("Putin has also proposed that Ukraine halt troop mobilization.", true),
            ("He said the talks would go on.", true),
            ("Meanwhile, Special Presidential Envoy Steve Witkoff left Moscow.", true),
            ("“But we will not stop,” she said.", true),
            ("President Donald Trump hit TRUTH Social Friday morning.", false),
            ("Hebron's mayor said the talks would go on, and also that they were late.", false),
        ] {
            #expect(StoryClusterer.leansOnWhatCameBefore(text) == leans, "\(text)")
        }
        let story = try #require(
            StoryClusterer().digest(for: Self.day, entries: [try Seeds.entry("000"), try Seeds.entry("001")]).stories.first)
        #expect(story.summary.first.map { !StoryClusterer.leansOnWhatCameBefore($0.text) } == true)
        #expect(story.summary.contains { $0.text.hasPrefix("Putin has also proposed") })
    }

    @Test("what each source adds: the seeds' own facts, and no line that carries a quotation the digest shows")
    func additionsOfTheSeeds() throws {
        let story = try #require(
            StoryClusterer().digest(for: Self.day, entries: [try Seeds.entry("000"), try Seeds.entry("001")]).stories.first)
        func lines(_ prefix: String) throws -> [String] {
            try #require(story.additions.first { $0.fileName.hasPrefix(prefix) }).lines.map(\.text)
        }
        // The seeds' README: for 000, Putin's conditions and the NATO background; for 001, Witkoff leaving Moscow
        // without a deal and the terms of the 30-day proposal.
        #expect(try lines("000").contains { $0.contains("NATO") })
        #expect(try lines("001").contains { $0.contains("Witkoff") && $0.contains("Moscow") })
        #expect(try lines("001").contains { $0.contains("30 days") })
        // Trump's "very disappointing moment for the world" is among the key quotations; its sentence is not a fact
        // of the Post's besides.
        let shown = story.quotations.prefix(StoryAnalyzer.keyQuotations).flatMap(\.sources)
        for line in story.additions.flatMap(\.lines) {
            let carriesShown = shown.contains { $0.fileName == line.fileName && $0.start < line.end && line.start < $0.end }
            #expect(!carriesShown, "\(line.text)")
        }
    }

    @Test("a source that tells one fact twice lists it once")
    func additionsListEachFactOnce() throws {
        let harbour = try Fixtures.extract(
            """
            Title: Storm closes the Vester harbour

            A storm closed the Vester harbour on Tuesday. Waves broke the sea wall by the fish market. Fishermen said \
            they had not seen such flooding in years. The coast guard rescued two sailors from a yacht near the \
            lighthouse. The ferry to the islands was cancelled until Friday. Schools near the harbour closed early.
            """, fileName: "a.txt")
        let master = try Fixtures.extract(
            """
            Title: Vester harbour shut by a storm

            The storm shut the Vester harbour on Tuesday. Waves broke the sea wall next to the fish market. Fishermen \
            had not seen such flooding in years, they said. The coast guard took two sailors off a yacht by the \
            lighthouse. The ferry to the islands is cancelled until Friday. Schools near the harbour closed early. \
            Harbour master Nils Brandt kept 40 boats in port after the storm. Brandt kept the 40 boats in port until \
            the harbour is mended. Repairs will take weeks.
            """, fileName: "b.txt")
        let entries = [DigestEntry(article: harbour, location: nil), DigestEntry(article: master, location: nil)]
        let vectors = StoryClusterer.vectors(entries.map { entry in
            let (keys, counts) = TermKey.sortedCounts(TermStatistics.terms(of: entry.article))
            return (terms: keys, counts: counts)
        })
        let sentenceTerms = entries.map { $0.article.sentences.map { Set(Tokenizer.termKeys($0.text)) } }
        let additions = StoryAnalyzer().additions(entries, centre: vectors.centre, sentenceTerms: sentenceTerms, summary: [])
        // The harbour master's order is only b's news, told twice; the facts both carry are neither's own.
        let added = try #require(additions.first { $0.fileName == "b.txt" }).lines.map(\.text)
        #expect(added.filter { $0.contains("Brandt") }.count == 1, "\(added)")
        #expect(!additions.contains { $0.fileName == "a.txt" && $0.lines.contains { $0.text.contains("storm") } })
        // A sentence that carries a quotation the digest shows is not listed again: the other telling is.
        let listed = try #require(additions.first { $0.fileName == "b.txt" }?.lines.first { $0.text.contains("Brandt") })
        let quotation = StoryQuotation(
            text: listed.text, speaker: "Nils Brandt",
            sources: [QuotationSource(fileName: "b.txt", source: "b.txt", text: listed.text, start: listed.start + 5, end: listed.end)],
            differences: [])
        let withQuotation = StoryAnalyzer().additions(
            entries, centre: vectors.centre, sentenceTerms: sentenceTerms, summary: [], shownQuotations: [quotation])
        let other = try #require(withQuotation.first { $0.fileName == "b.txt" }).lines.filter { $0.text.contains("Brandt") }
        #expect(other.count == 1 && other.first?.sentenceIndex != listed.sentenceIndex)
    }

    @Test("numbers are runs of digits with the separators inside them")
    func numbersOfADetail() {
        let numbers = OwnDetails.numbers(in: "In 2014, 2,000 troops and 3.5 tonnes; 30-day truce.")
        #expect(numbers == ["#2014", "#2,000", "#3.5", "#30"])
    }

    @Test("a threshold above 1 keeps every article apart")
    func thresholdAboveOne() throws {
        let digest = StoryClusterer(threshold: 1.01).digest(for: Self.day, entries: try Self.entries())
        #expect(digest.stories.count == 3)
        #expect(digest.stories.allSatisfy { $0.entries.count == 1 })
        // With equal sizes and sources, the most recent story comes first (AP's has a time), then by id.
        #expect(digest.stories.first?.entries.first?.article.fileName == "ap-flood.txt")
        let rest = digest.stories.dropFirst().map(\.id)
        #expect(rest == rest.sorted())
    }

    @Test("terms carried by more articles than maximumPostings find no candidates")
    func commonTermsFindNoCandidates() throws {
        let entries = try Self.entries()
        // The two flood reports share their terms with each other only: two articles per term.
        #expect(StoryClusterer().digest(for: Self.day, entries: entries).stories.count == 2)
        #expect(StoryClusterer(maximumPostings: 1).digest(for: Self.day, entries: entries).stories.count == 3)
    }

    @Test("no entries, no stories")
    func empty() {
        let digest = StoryClusterer().digest(for: Self.day, entries: [])
        #expect(digest == Digest(day: Self.day, stories: []))
        #expect(digest.articleCount == 0)
        #expect(digest.sourceCount == 0)
    }

    @Test(
        "a source title is the headline only when it states something",
        arguments: [
            ("Title: Is the flood over yet for good?\n\n", false),
            ("Title: Flood news\n\n", false),
            ("", false),
            ("Title: Flood waters recede across Hungary\n\n", true),
        ]
    )
    func headlineChoice(header: String, usesTitle: Bool) throws {
        let body =
            "Flood waters receded along the Danube river in Hungary on Saturday. Residents returned to riverside "
            + "homes near Budapest."
        let article = try Fixtures.extract(header + body, fileName: "flood.txt")
        let digest = StoryClusterer().digest(
            for: article.digestDay, entries: [DigestEntry(article: article, location: nil)])
        let story = try #require(digest.stories.first)
        if usesTitle {
            #expect(story.headline == article.title)
        } else {
            let lead = try #require(story.summary.first)
            #expect(story.headline == Headline.fromLead(lead.text))
            #expect(story.headline == "Flood waters receded along the Danube river in Hungary on Saturday")
        }
        #expect(story.headline != article.fileName)
    }

    @Test("the headline is the title most central to the story, not the earliest one")
    func headlineIsTheMostCentralTitle() throws {
        // The first report is a side angle of the flood; the later titles name the event in the story's own words.
        let sideAngle = try Fixtures.extract(
            """
            Title: Budapest zoo moves its hippos to higher ground
            Date: 2025-03-14
            Source: Blikk

            The Budapest zoo moved its hippos to higher ground as the Danube flood rose on Friday. Flood waters rose \
            along the Danube river in Hungary. Engineers reinforced flood barriers near the Danube river.
            """, fileName: "a-zoo.txt")
        let digest = StoryClusterer().digest(
            for: Self.day, entries: try Self.entries() + [DigestEntry(article: sideAngle, location: nil)])
        let flood = try #require(digest.stories.first)
        #expect(flood.entries.map(\.article.fileName) == ["a-zoo.txt", "reuters-flood.txt", "ap-flood.txt"])
        #expect(flood.headline == "Flood waters rise along the Danube river")

        // A title cut short by an aggregator loses to a whole one, however central its words.
        var cut = try Self.entries()[0]
        cut.article.title = "Flood waters rise along the Danube river in  ..."
        cut.article.fileName = "b-cut.txt"
        cut.article.contentHash = "ddd"
        let withCut = StoryClusterer().digest(
            for: Self.day,
            entries: [cut, DigestEntry(article: sideAngle, location: nil)])
        #expect(withCut.stories.first?.entries.count == 2)
        #expect(withCut.stories.first?.headline == "Budapest zoo moves its hippos to higher ground")
    }

    @Test("the similarity graph built in blocks on every core is the graph built item by item")
    func similarityGraphInBlocks() throws {
        let clusterer = StoryClusterer()
        let base = clusterer.features(of: try Self.entries()[0].article)
        // 2,100 items over ten days, each with a few of 120 terms (so that many pairs share the two terms a link needs):
        // more items than one round of blocks holds.
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let items = (0..<2_100).map { number -> ClusterItem in
            var features = base
            let counts = Dictionary((0..<(3 + next(6))).map { _ in (TermKey("term\(next(120))"), Int32(1 + next(3))) }, uniquingKeysWith: +)
            features.terms = counts.keys.sorted()
            features.counts = features.terms.map { counts[$0]! }
            features.published = PublicationDate(day: Self.day.adding(days: next(10)), origin: .header)
            return ClusterItem(
                contentHash: "h\(number)", fileName: "\(number).txt", title: "T", outlet: nil, location: nil, copies: [],
                features: features)
        }
        let (edges, index) = clusterer.similarityGraph(items)
        // Item by item, as the graph was built before it was built in blocks: each item against the earlier items
        // indexed so far under its candidate terms.
        let vectors = items.map { index.statistics.vector(sortedTerms: $0.features.terms, counts: $0.features.counts) }
        let limit = clusterer.commonLimit(itemCount: items.count)
        var postings: [TermKey: [Int]] = [:]
        var expected: [AverageLinkage.Edge] = []
        for (item, vector) in vectors.enumerated() {
            let top = clusterer.candidateTerms(of: vector, statistics: index.statistics, commonLimit: limit)
            let apart = { (other: Int) in abs(items[other].digestDay.daysSinceEpoch - items[item].digestDay.daysSinceEpoch) }
            for other in Set(top.flatMap { postings[$0] ?? [] }).sorted() where apart(other) <= clusterer.windowDays {
                let similarity = StoryClusterer.linkSimilarity(vectors[other], vector, daysApart: apart(other))
                if similarity > 0 { expected.append(AverageLinkage.Edge(a: other, b: item, similarity: similarity)) }
            }
            for term in top { postings[term, default: []].append(item) }
        }
        #expect(expected.count > 10_000)
        #expect(edges.map(\.a) == expected.map(\.a))
        #expect(edges.map(\.b) == expected.map(\.b))
        #expect(edges.map(\.similarity) == expected.map(\.similarity))
        #expect(index.postings == postings)
    }

    // MARK: Seeds

    @Test("the two seed articles are one story, the same whichever order they come in")
    func seedsFormOneStory() throws {
        let first = try Seeds.entry("000_")
        let second = try Seeds.entry("001_")
        let clusterer = StoryClusterer()
        let forward = clusterer.digest(for: Self.day, entries: [first, second])
        let backward = clusterer.digest(for: Self.day, entries: [second, first])

        #expect(forward.stories.count == 1)
        let story = try #require(forward.stories.first)
        #expect(story.entries.count == 2)
        #expect(Set(story.entries.map(\.article.fileName)) == [first.article.fileName, second.article.fileName])
        #expect(story.entries.allSatisfy { $0.article.published.day == Self.day })

        #expect(forward == backward)
        let renderer = DigestRenderer(digestDirectory: "/srv/newsdigest/out/digests")
        #expect(renderer.render(forward) == renderer.render(backward))
        #expect(ClusterRenderer.render(forward) == ClusterRenderer.render(backward))

        // The headline is a statement about the event, not a file name and not the question title.
        let headline = story.headline
        #expect(headline != "Is the end in sight?")
        #expect(!headline.hasSuffix("?"))
        #expect(!story.entries.contains { $0.article.fileName == headline })
        #expect(!headline.contains(".txt"))
        #expect(!headline.contains("_"))
        #expect(headline.split(separator: " ").count >= 5)
        #expect(["Trump", "Putin", "ceasefire", "cease-fire", "Ukraine"].contains { headline.contains($0) })
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
