/// Groups articles into stories and writes each story's headline and summary.
///
/// Deterministic: the result depends on the set of entries, not on their order. Candidate pairs come from an
/// inverted index over each article's most salient terms, limited to articles within `windowDays` of each other,
/// so the cost grows with the articles that share terms, not with all pairs. Stories may span days; a story's id is
/// derived from its earliest article, so it stays the same on every day the story continues.
package struct StoryClusterer: Sendable {
    /// Average similarity (see `similarity`) at or above which two groups of articles are one story.
    package var threshold: Double
    /// Articles further apart than this many days are never one story.
    package var windowDays: Int
    /// How many of an article's heaviest terms go into the candidate index.
    package var indexedTerms: Int
    /// A term carried by more articles of the window than this finds no candidates (see `cluster`).
    package var maximumPostings: Int
    /// Sentences in a story summary.
    package var summaryLength: Int
    package var nearDuplicates: NearDuplicateDetector
    /// Cosine between a straggler's centroid and a story's at or above which the straggler joins the story (see
    /// `attachStragglers`).
    package var attachThreshold: Double = 0.10
    /// How close two stories' centroids must be, against how close their members are to their own, for them to be
    /// fragments of one story (see `mergeFragments`).
    package var fragmentRatio: Double = 0.8

    package init(
        threshold: Double = 0.04, windowDays: Int = 3, indexedTerms: Int = 24, maximumPostings: Int = 200,
        summaryLength: Int = 3
    ) {
        self.threshold = threshold
        self.windowDays = windowDays
        self.indexedTerms = indexedTerms
        self.maximumPostings = maximumPostings
        self.summaryLength = summaryLength
        self.nearDuplicates = NearDuplicateDetector()
    }

    /// The stories of `day`. `entries` may include articles of nearby days: they decide which stories continue and
    /// what ids they carry, but only `day`'s articles are listed.
    package func digest(for day: CivilDate, entries: [DigestEntry]) -> Digest {
        digests(for: [day], entries: entries)[0]
    }

    /// The digests of several days from one clustering of `entries`, which should cover each day's window.
    ///
    /// A `memo` kept between calls saves recomputing what did not change; the result is the same without it.
    package func digests(for days: [CivilDate], entries: [DigestEntry], memo: ClusteringMemo? = nil) -> [Digest] {
        let items = entries.map { entry in ClusterItem(entry, features: features(of: entry.article)) }
        let groups = cluster(items, memo: memo)
        var articles: [String: Article] = [:]
        for entry in entries { articles[entry.article.contentHash] = entry.article }
        return days.map { day in
            digest(for: day, groups: groups, memo: memo) { members in members.map { articles[$0.contentHash]! } }
        }
    }

    /// What the clusterer compares of `article`, to be kept beside it (see `ClusterItem`).
    package func features(of article: Article) -> ClusterFeatures {
        ClusterFeatures(article: article, detector: nearDuplicates)
    }

    /// The stories of `day` from a clustering of its window.
    ///
    /// - Parameter articles: the whole articles of the given members, in their order. Called once per story that is
    ///   not in `memo`, with only that story's members of `day`, so no more than one story's articles are held at once.
    package func digest<Failure: Error>(
        for day: CivilDate, groups: [Group], memo: ClusteringMemo? = nil,
        articles: ([ClusterItem]) throws(Failure) -> [Article]
    ) throws(Failure) -> Digest {
        try digest(for: day, groups: groups, memo: memo, provisional: false, articles: articles)
    }

    /// The stories of `day` from a `LiveClustering`'s groups, written while articles are still being placed.
    ///
    /// A story that gained members since it was last built is that build with the new members listed among its
    /// entries; its headline, summary, quotations, entities and additions stay as they were. Rebuilding a story
    /// reads and analyses every member again, so rebuilding a large story for each arrival would cost what the story
    /// holds rather than what arrived; the exact render that follows rebuilds it whole. A story that lost a member,
    /// or has none built yet, is built whole.
    ///
    /// - Parameter shown: the story of an id as the caller last showed it on `day`, when none of its members on any
    ///   day changed since: it is that story again, timeline and all, so it is taken as it is. A large day's render
    ///   otherwise copied and hashed every member of every story to find each one in `memo` (docs/PERFORMANCE.md,
    ///   stop 21).
    package func provisionalDigest<Failure: Error>(
        for day: CivilDate, groups: [Group], memo: ClusteringMemo, shown: (StoryID) -> Story? = { _ in nil },
        articles: ([ClusterItem]) throws(Failure) -> [Article]
    ) throws(Failure) -> Digest {
        try digest(for: day, groups: groups, memo: memo, provisional: true, shown: shown, articles: articles)
    }

    /// `base` with `members` as its entries, reading only the articles it lacks; nil when a member of `base` is not
    /// among `members`.
    static func extend<Failure: Error>(
        _ base: Story, to members: [ClusterItem], articles: ([ClusterItem]) throws(Failure) -> [Article]
    ) throws(Failure) -> Story? {
        var known: [String: DigestEntry] = [:]
        for entry in base.entries { known[entry.article.contentHash] = entry }
        let memberHashes = Set(members.map(\.contentHash))
        guard known.keys.allSatisfy(memberHashes.contains) else { return nil }
        // A member now shown under another of its identical files: its summary lines and sources name the other.
        guard members.allSatisfy({ member in known[member.contentHash].map { $0.article.fileName == member.fileName } ?? true })
        else { return nil }
        let added = members.filter { known[$0.contentHash] == nil }
        var addedArticles: [String: Article] = [:]
        for (member, article) in zip(added, try articles(added)) { addedArticles[member.contentHash] = article }
        var story = base
        // The base may be the story under its former id (`ClusteringMemo.storyRenamed`); the caller sets the id.
        story.entries = members.map { member in
            var entry = known[member.contentHash] ?? DigestEntry(member, article: addedArticles[member.contentHash]!)
            entry.location = member.location
            entry.copies = member.copies
            return entry
        }
        return story.withoutArticleText()
    }

    private func digest<Failure: Error>(
        for day: CivilDate, groups: [Group], memo: ClusteringMemo?, provisional: Bool,
        shown: (StoryID) -> Story? = { _ in nil }, articles: ([ClusterItem]) throws(Failure) -> [Article]
    ) throws(Failure) -> Digest {
        var stories: [Story?] = []
        var timelines: [[StoryDay?]] = []
        // Timeline days the memo does not hold: computed together afterwards, on every core.
        var unsummarised: [(story: Int, position: Int, day: CivilDate, members: [ClusterItem])] = []
        // Stories an exact clustering has to build: built together afterwards, on every core (`build(_:articles:)`).
        var unbuilt: [StoryToBuild] = []
        for group in groups {
            if provisional, let story = shown(group.id) {
                stories.append(story)
                timelines.append(story.otherDays)
                continue
            }
            let today = group.members.filter { $0.digestDay == day }
            guard !today.isEmpty else { continue }
            var otherDays: [CivilDate: [ClusterItem]] = [:]
            for member in group.members where member.digestDay != day {
                otherDays[member.digestDay, default: []].append(member)
            }
            if !provisional {
                let known = memo?.knownStory(id: group.id, summaryLength: summaryLength, members: today)
                if known == nil { unbuilt.append(StoryToBuild(slot: stories.count, id: group.id, members: today)) }
                stories.append(known)
            } else if let memo {
                stories.append(
                    try memo.provisionalStory(id: group.id, day: day, summaryLength: summaryLength, members: today) {
                        () throws(Failure) -> Story in
                        if let base = memo.latestStory(id: group.id, day: day),
                            var extended = try Self.extend(base, to: today, articles: articles)
                        {
                            extended.id = group.id
                            return extended
                        }
                        return story(id: group.id, members: today, articles: try articles(today))
                    })
            } else {
                stories.append(story(id: group.id, members: today, articles: try articles(today)))
            }
            timelines.append(otherDays.sorted { $0.key < $1.key }.enumerated().map { position, other in
                // Every day of a story lists its other days, so a render of a week computes each of them up to six
                // times: the memo computes it once (a 10-day burst's timelines were 4.5 s of CPU, all on one core).
                if let known = memo?.knownTimelineDay(other.key, members: other.value) { return known }
                unsummarised.append((timelines.count, position, other.key, other.value))
                return nil
            })
        }
        // Serially they were a second of a 10-day burst's final render, while the other core waited (perf, stop 20).
        let summarised = [StoryDay](
            count: unsummarised.count,
            computedConcurrently: { [self, unsummarised] index in
                storyDay(unsummarised[index].day, members: unsummarised[index].members)
            })
        for (missing, storyDay) in zip(unsummarised, summarised) {
            memo?.rememberTimelineDay(storyDay, missing.day, members: missing.members)
            timelines[missing.story][missing.position] = storyDay
        }
        // A batch's articles are held together while its stories are built: a bounded number, not the whole day.
        var batchStart = 0
        while batchStart < unbuilt.count {
            var batchEnd = batchStart
            var batchArticles = 0
            while batchEnd < unbuilt.count && (batchEnd == batchStart || batchArticles < Self.articlesBuiltTogether) {
                batchArticles += unbuilt[batchEnd].members.count
                batchEnd += 1
            }
            let batch = Array(unbuilt[batchStart..<batchEnd])
            var read: [[Article]] = []
            for story in batch { read.append(try articles(story.members)) }
            for (story, built) in zip(batch, build(batch, articles: read)) {
                memo?.remember(built, id: story.id, day: day, summaryLength: summaryLength, members: story.members)
                stories[story.slot] = built
            }
            batchStart = batchEnd
        }
        return Digest(day: day, stories: Self.ranked(zip(stories, timelines).map { story, timeline in
            var story = story!
            story.otherDays = timeline.map { $0! }
            return story
        }))
    }

    /// How a story's timeline shows another of its days: the number of its articles that day and a headline.
    ///
    /// A function of the day, the number of members and the first `timelineHeadlineMembers` members' contents only
    /// (the key `ClusteringMemo.timelineDay` keeps it under).
    func storyDay(_ day: CivilDate, members: [ClusterItem]) -> StoryDay {
        // The day's first few articles only: every render lists the other days of every story it shows, and
        // weighing all their members' terms made a burst spanning days 1.7 times slower to work through.
        let first = members.prefix(Self.timelineHeadlineMembers)
        return StoryDay(
            day: day, articles: members.count,
            headline: headline(
                first.map { ($0.title, $0.features.titleIsGenerated) },
                vectors: Self.vectors(first.map { (terms: $0.features.terms, counts: $0.features.counts) }),
                summary: []))
    }

    /// A story an exact clustering has to build: where it goes among the day's stories, its id and its members.
    struct StoryToBuild: Sendable {
        var slot: Int
        var id: StoryID
        var members: [ClusterItem]
    }

    /// How many articles' stories are built together: enough to keep both cores busy, few enough that a day's
    /// articles are not all held at once.
    static let articlesBuiltTogether = 256

    /// Builds `stories` from their members' `articles`, on every core: each story is a function of its own members,
    /// so the result does not depend on the order they finish in. Building the stories was 15.8 s of the 21.4 s exact
    /// render that ends a 10,000-article burst, on one core while the other was idle (docs/PERFORMANCE.md, stop 16).
    func build(_ stories: [StoryToBuild], articles: [[Article]]) -> [Story] {
        [Story](count: stories.count, computedConcurrently: { index in
            story(id: stories[index].id, members: stories[index].members, articles: articles[index])
        })
    }

    /// The story `id` shows with these members of a day, built from their articles, without the articles' text.
    func story(id: StoryID, members: [ClusterItem], articles: [Article]) -> Story {
        let entries = zip(members, articles).map { item, article in DigestEntry(item, article: article) }
        return makeStory(id: id, entries, features: members.map(\.features)).withoutArticleText()
    }

    /// A group of articles forming one story, in member order, with near-duplicates folded into their originals.
    package struct Group: Sendable {
        package var id: StoryID
        package var members: [ClusterItem]
    }

    /// Clusters `items` (any days) into stories.
    package func cluster(_ items: [ClusterItem], memo: ClusteringMemo? = nil) -> [Group] {
        memo?.beginGeneration()
        let ordered = foldedItems(items)
        return Self.groups(clusters(of: ordered).clusters, of: ordered)
    }

    /// The same clustering, kept as a `LiveClustering` to which articles of `days` arriving later can be added.
    package func liveClustering(
        _ items: [ClusterItem], days: ClosedRange<CivilDate>, memo: ClusteringMemo? = nil
    ) -> LiveClustering {
        memo?.beginGeneration()
        let ordered = foldedItems(items)
        let (clusters, index) = clusters(of: ordered)
        return LiveClustering(
            clusterer: self, days: days, items: ordered, groups: Self.groups(clusters, of: ordered),
            clusters: clusters, index: index)
    }

    /// The clusters of `ordered` (near-duplicates already folded) as item indexes: average linkage over the
    /// similarity graph, refined by centroids; with the candidate index, which a live clustering keeps.
    func clusters(of ordered: [ClusterItem]) -> (clusters: [[Int]], index: CandidateIndex) {
        var (edges, index) = similarityGraph(ordered)
        let linked = AverageLinkage.cluster(nodeCount: ordered.count, edges: &edges, threshold: threshold)
        return (refined(linked, of: ordered, index: index), index)
    }

    /// Average linkage's groups refined by their centroids: stragglers joined to stories (`attachStragglers`), then
    /// fragments of one story merged (`mergeFragments`). Candidates are the stories of articles indexed under an
    /// article's candidate terms within `windowDays`, as for the similarity graph.
    ///
    /// Average linkage keeps a story together by the mean similarity of all its pairs, so an article that says the
    /// story's most central things briefly or in other company stays apart from a large story whose members also
    /// differ among themselves, and a large story told in two vocabularies (short headlines) stays two. Against
    /// centroids, where what members share adds up, both are close. Measured on the development halves
    /// (docs/QUALITY.md): stories-duc2004 B³ 0.858 → 0.883, headlines-uci 0.813 → 0.827.
    package func refined(_ clusters: [[Int]], of ordered: [ClusterItem], index: CandidateIndex) -> [[Int]] {
        let commonLimit = commonLimit(itemCount: ordered.count)
        // The similarity graph computed these vectors too, but does not keep them: held through the linkage, a
        // window's vectors would add to its peak memory (the candidates' heap and the links), which sets the daemon's
        // peak RSS. They are made again here, once each, as the centroids need them.
        var vectors: [Int: TermVector] = [:]
        func vector(_ item: Int) -> TermVector {
            if let known = vectors[item] { return known }
            let made = index.statistics.vector(sortedTerms: ordered[item].features.terms, counts: ordered[item].features.counts)
            vectors[item] = made
            return made
        }
        /// The items indexed under `vector`'s candidate terms.
        func indexed(under vector: TermVector) -> [Int] {
            candidateTerms(of: vector, statistics: index.statistics, commonLimit: commonLimit)
                .flatMap { index.postings[$0] ?? [] }
        }
        let day = { (item: Int) in ordered[item].digestDay.daysSinceEpoch }
        let attached = Self.attachStragglers(
            clusters, itemCount: ordered.count, threshold: attachThreshold, vector: vector,
            candidates: { item in indexed(under: vector(item)).filter { abs(day($0) - day(item)) <= windowDays } })
        return Self.mergeFragments(
            attached, itemCount: ordered.count, ratio: fragmentRatio, vector: vector,
            candidates: indexed(under:), day: day, windowDays: windowDays)
    }

    /// The unit-length sum of `members`' vectors.
    static func centroid(of members: [Int], vector: (Int) -> TermVector) -> TermVector {
        TermVector.sum(members.map(vector)).unitLength()
    }

    /// For each item, the index of the cluster holding it (-1 for none).
    static func clusterOfItem(_ clusters: [[Int]], itemCount: Int) -> [Int] {
        var clusterOfItem = [Int](repeating: -1, count: itemCount)
        for (cluster, members) in clusters.enumerated() { for item in members { clusterOfItem[item] = cluster } }
        return clusterOfItem
    }

    /// Groups of this many articles or fewer are stragglers, joined to a story by cosine alone; larger groups merge
    /// only as fragments (`mergeFragments`). Joining groups of up to 5 by cosine at 0.10 took stories-duc2004 from
    /// 0.883 to 0.875, and up to 10 to 0.61: distinct events about the same people merged.
    static let stragglerSize = 2

    /// Joins each straggler (a group of at most `stragglerSize` items) to the larger group whose centroid is most
    /// similar to its own centroid, if that cosine is at least `threshold`. Clusters of item indexes in; the same
    /// out with stragglers joined, in the order of the clusters that remain. A straggler is compared with the larger
    /// clusters as linkage left them, not as other stragglers grew them, so the result does not depend on the
    /// clusters' order. On the development halves at 0.10: stories-duc2004 0.858 → 0.883 (recall 0.819 → 0.877),
    /// headlines-uci 0.813 → 0.814; 0.15 and 0.25 gave less, 0.35 nothing.
    static func attachStragglers(
        _ clusters: [[Int]], itemCount: Int, threshold: Double, vector: (Int) -> TermVector,
        candidates: (Int) -> [Int]
    ) -> [[Int]] {
        let clusterOfItem = Self.clusterOfItem(clusters, itemCount: itemCount)
        var centroids: [Int: TermVector] = [:]
        func centroid(_ cluster: Int) -> TermVector {
            if let known = centroids[cluster] { return known }
            let made = Self.centroid(of: clusters[cluster], vector: vector)
            centroids[cluster] = made
            return made
        }
        var joined: [Int: [Int]] = [:]
        var attached = Set<Int>()
        for (cluster, members) in clusters.enumerated() where members.count <= stragglerSize {
            let larger = Set(members.flatMap(candidates).map { clusterOfItem[$0] })
                .filter { $0 >= 0 && clusters[$0].count > stragglerSize }
            guard !larger.isEmpty else { continue }
            let own = centroid(cluster)
            var best: (cluster: Int, similarity: Double)?
            for other in larger.sorted() {
                let similarity = own.cosine(centroid(other))
                if similarity >= threshold && similarity > (best?.similarity ?? -1) { best = (other, similarity) }
            }
            if let best {
                joined[best.cluster, default: []] += members
                attached.insert(cluster)
            }
        }
        return clusters.indices.filter { !attached.contains($0) }.map { cluster in
            joined[cluster].map { (clusters[cluster] + $0).sorted() } ?? clusters[cluster]
        }
    }

    /// Merges stories (groups larger than `stragglerSize`) whose centroids are at least `ratio` times as similar to
    /// each other as their members are to their own centroids (the geometric mean of the two stories' mean member-to-
    /// centroid cosines): two halves of one story are about as close together as apart, while two events about the
    /// same people are closer within than between. Pairs are merged from the most similar down, and merges chain.
    ///
    /// On the development halves: headlines-uci 0.814 → 0.827 at 0.8, 0.833 at 0.75 and 0.70; stories-duc2004 stays at
    /// 0.883 down to 0.75, and falls to 0.846 at 0.65, where events that share people merge. 0.8 keeps a margin from
    /// that edge.
    ///
    /// Candidates are the stories of the items `candidates` gives for a story's centroid (in the daemon, those indexed
    /// under the centroid's heaviest terms), whose days come within `windowDays` of the story's.
    static func mergeFragments(
        _ clusters: [[Int]], itemCount: Int, ratio: Double, vector: (Int) -> TermVector,
        candidates: (TermVector) -> [Int], day: (Int) -> Int, windowDays: Int
    ) -> [[Int]] {
        let clusterOfItem = Self.clusterOfItem(clusters, itemCount: itemCount)
        var centroids: [Int: (vector: TermVector, coherence: Double, days: ClosedRange<Int>)] = [:]
        for (cluster, members) in clusters.enumerated() where members.count > stragglerSize {
            let centroid = Self.centroid(of: members, vector: vector)
            let coherence = members.reduce(0.0) { $0 + vector($1).cosine(centroid) } / Double(members.count)
            let days = members.map(day)
            centroids[cluster] = (centroid, coherence, days.min()!...days.max()!)
        }
        // Each pair once, whichever of the two reaches the other (as `a * count + b`, a < b).
        var candidatePairs = Set<Int>()
        for (a, centroid) in centroids {
            let reach = centroid.days.lowerBound - windowDays...centroid.days.upperBound + windowDays
            for b in Set(candidates(centroid.vector).map { clusterOfItem[$0] })
            where b != a && centroids[b]?.days.overlaps(reach) == true {
                candidatePairs.insert(min(a, b) * clusters.count + max(a, b))
            }
        }
        var pairs: [(a: Int, b: Int, score: Double)] = []
        for pair in candidatePairs.sorted() {
            let (a, b) = (pair / clusters.count, pair % clusters.count)
            let (x, y) = (centroids[a]!, centroids[b]!)
            let scale = (x.coherence * y.coherence).squareRoot()
            guard scale > 0 else { continue }
            let score = x.vector.cosine(y.vector) / scale
            if score >= ratio { pairs.append((a, b, score)) }
        }
        guard !pairs.isEmpty else { return clusters }
        pairs.sort { $0.score != $1.score ? $0.score > $1.score : ($0.a, $0.b) < ($1.a, $1.b) }
        var root = Array(clusters.indices)
        func find(_ cluster: Int) -> Int {
            var cluster = cluster
            while root[cluster] != cluster { cluster = root[cluster] }
            return cluster
        }
        for pair in pairs {
            let (x, y) = (find(pair.a), find(pair.b))
            if x != y { root[max(x, y)] = min(x, y) }
        }
        var merged: [Int: [Int]] = [:]
        for cluster in clusters.indices { merged[find(cluster), default: []] += clusters[cluster] }
        return merged.keys.sorted().map { merged[$0]!.sorted() }
    }

    static func groups(_ clusters: [[Int]], of ordered: [ClusterItem]) -> [Group] {
        clusters.map { indexes in
            let members = indexes.map { ordered[$0] }
            return Group(id: Self.storyID(for: members), members: members)
        }
    }

    /// `items` in member order with near-duplicates folded into their originals: what `similarityGraph` compares.
    package func foldedItems(_ items: [ClusterItem]) -> [ClusterItem] {
        var sorted = items.sorted(by: Self.memberOrder)
        return Self.foldNearDuplicates(&sorted, detector: nearDuplicates).map { sorted[$0] }
    }

    /// The candidate index `similarityGraph` builds: the window's term statistics, and for each term the items
    /// indexed under it. `LiveClustering` keeps it to find a new article's candidates.
    package struct CandidateIndex: Sendable {
        var statistics = TermStatistics()
        var postings: [TermKey: [Int]] = [:]
    }

    /// A term in a large share of the articles names no particular event; leaving it out of the candidate index
    /// keeps the candidate lists short (the cosine still counts it). Past `maximumPostings` articles a term names
    /// a theme of the week rather than one event, whatever the window's size: without that bound a large window
    /// gives every article hundreds of candidates, and the similarity graph grows with the square of the window.
    func commonLimit(itemCount: Int) -> Int { min(maximumPostings, max(8, itemCount / 20)) }

    /// The terms `vector`'s item is indexed under: its heaviest, less those too common to name one event.
    func candidateTerms(of vector: TermVector, statistics: TermStatistics, commonLimit: Int) -> [TermKey] {
        vector.topTerms(indexedTerms).filter { statistics.documentFrequency[$0] ?? 0 <= commonLimit }
    }

    /// The similarity graph of `ordered` (near-duplicates already folded): an edge for each candidate pair with a
    /// positive similarity, from the inverted index over each item's heaviest terms, and that index.
    ///
    /// Each item is compared with the earlier items indexed under its candidate terms. Those comparisons are
    /// independent, so blocks of items are compared on every core (the graph was most of a clustering's time, on one
    /// core), and their edges are appended in item order: the graph is the same as one built item by item.
    package func similarityGraph(_ ordered: [ClusterItem]) -> (edges: [AverageLinkage.Edge], index: CandidateIndex) {
        var statistics = TermStatistics()
        for item in ordered { statistics.add(terms: item.features.terms) }
        // Kept prepared in the index, for the refinement's vectors and a live clustering's until it adds an article.
        statistics.prepareVectors()
        let vectors = ordered.map { statistics.vector(sortedTerms: $0.features.terms, counts: $0.features.counts) }
        let days = ordered.map { $0.digestDay.daysSinceEpoch }
        let commonLimit = commonLimit(itemCount: ordered.count)
        let tops = vectors.map { candidateTerms(of: $0, statistics: statistics, commonLimit: commonLimit) }
        // Postings list items in ascending order, so an item's earlier candidates are a prefix of each list.
        var postings: [TermKey: [Int]] = [:]
        for (index, top) in tops.enumerated() {
            for term in top { postings[term, default: []].append(index) }
        }
        let index = CandidateIndex(statistics: statistics, postings: postings)
        let windowDays = self.windowDays
        /// The edges from the items of `range` to their earlier candidates, in item order.
        @Sendable func edgesToEarlier(of range: Range<Int>) -> [AverageLinkage.Edge] {
            var edges: [AverageLinkage.Edge] = []
            // Candidates of the current item: a mark per item and the list of those marked, reset after each item,
            // which costs far less than a set built and hashed for every item of a large window.
            var isCandidate = [Bool](repeating: false, count: ordered.count)
            var candidates: [Int] = []
            for item in range {
                for term in tops[item] {
                    for other in index.postings[term] ?? [] {
                        guard other < item else { break }
                        if !isCandidate[other] && abs(days[other] - days[item]) <= windowDays {
                            isCandidate[other] = true
                            candidates.append(other)
                        }
                    }
                }
                candidates.sort()
                for other in candidates {
                    isCandidate[other] = false
                    let similarity = Self.linkSimilarity(
                        vectors[other], vectors[item], daysApart: abs(days[other] - days[item]))
                    if similarity > 0 { edges.append(AverageLinkage.Edge(a: other, b: item, similarity: similarity)) }
                }
                candidates.removeAll(keepingCapacity: true)
            }
            return edges
        }
        var edges: [AverageLinkage.Edge] = []
        // Rounds of a few blocks each, so the edges not yet appended stay a small part of the graph.
        let blockSize = 256
        let blocksPerRound = 8
        var roundStart = 0
        while roundStart < ordered.count {
            let blocks = stride(from: roundStart, to: min(ordered.count, roundStart + blockSize * blocksPerRound), by: blockSize)
                .map { $0..<min($0 + blockSize, ordered.count) }
            let found = [[AverageLinkage.Edge]](count: blocks.count, computedConcurrently: { edgesToEarlier(of: blocks[$0]) })
            for blockEdges in found { edges.append(contentsOf: blockEdges) }
            roundStart = blocks.last!.upperBound
        }
        return (edges, index)
    }

    /// Articles a day apart are slightly less likely to be the same event than articles of one day.
    static func timeDecay(_ days: Int) -> Double { 1.0 / (1.0 + 0.1 * Double(days)) }

    /// How many terms two articles must share for their similarity to count.
    ///
    /// Between headlines, one shared word is a high cosine and says nothing of the event: "reform" joined ten
    /// headlines on NSA reforms to fourteen on housing-finance reform. A name counts as a term, so a name and a
    /// word, or two words, link them. On the development halves: headlines-uci B³ 0.841 → 0.858 (precision 0.873
    /// → 0.922, recall 0.811 → 0.802); stories-duc2004 unchanged at 0.864, since whole articles always share more;
    /// three terms cut the headlines' recall to 0.683 (B³ 0.788).
    static let minimumSharedTerms = 2

    /// The similarity that links two articles `days` apart in the story graph: the cosine of their vectors, less
    /// with time, and none when they share fewer than `minimumSharedTerms` terms. Exact clustering and placing
    /// into a live clustering both use it, so that an article is placed where clustering would put it.
    static func linkSimilarity(_ a: TermVector, _ b: TermVector, daysApart days: Int) -> Double {
        let (cosine, shared) = a.dotProduct(b)
        guard cosine > 0, shared >= minimumSharedTerms else { return 0 }
        return cosine * timeDecay(days)
    }

    /// Folds each near-duplicate into the earlier item it copies, as a further copy of that article. Returns the
    /// indexes of the items that remain, with the copies added to `items` in place.
    static func foldNearDuplicates(_ items: inout [ClusterItem], detector: NearDuplicateDetector) -> [Int] {
        let originals = detector.originals(ofSignatures: items.map(\.features.signature))
        var kept: [Int] = []
        var isKept = [Bool](repeating: false, count: items.count)
        for index in items.indices {
            // Only within one day: a copy is listed in its original's digest, so folding across days would move it
            // into a digest that a render of its own day does not rewrite.
            if let original = originals[index], isKept[original], items[original].digestDay == items[index].digestDay {
                let item = items[index]
                items[original].copies.append(
                    ArticleCopy(
                        fileName: item.fileName, location: item.location, outlet: item.outlet, isExact: false,
                        title: item.title))
                items[original].copies += item.copies
            } else {
                isKept[index] = true
                kept.append(index)
            }
        }
        return kept
    }

    static func memberOrder(_ a: ClusterItem, _ b: ClusterItem) -> Bool {
        let (x, y) = (a.published, b.published)
        if x.day != y.day { return x.day < y.day }
        let (tx, ty) = (x.secondsIntoDay ?? 0, y.secondsIntoDay ?? 0)
        if tx != ty { return tx < ty }
        if a.fileName != b.fileName { return a.fileName < b.fileName }
        return a.contentHash < b.contentHash
    }

    /// Ranked by distinct sources, then size, then the latest article, then id for a stable tie-break.
    ///
    /// The keys are computed once per story: counting outlets and formatting dates in every comparison made sorting
    /// a large day's stories a visible part of each render.
    static func ranked(_ stories: [Story]) -> [Story] {
        let keys = stories.map { story in
            (outlets: story.outlets.count, size: story.entries.count,
             latest: story.entries.last?.article.published.iso8601 ?? "", id: story.id)
        }
        return stories.indices.sorted { i, j in
            let (a, b) = (keys[i], keys[j])
            if a.outlets != b.outlets { return a.outlets > b.outlets }
            if a.size != b.size { return a.size > b.size }
            if a.latest != b.latest { return a.latest > b.latest }
            return a.id < b.id
        }.map { stories[$0] }
    }

    /// The story id: a hash of its founding (earliest) article, so that it is the same whatever order files arrived
    /// in, and the same on each day the story continues.
    static func storyID(for ordered: [ClusterItem]) -> StoryID {
        let founder = ordered.first?.contentHash ?? ""
        return StoryID("st-" + SHA256.hexDigest(of: Array(founder.utf8)).prefix(10))
    }

    /// How many of a story's articles on another day its timeline headline for that day is chosen from.
    static let timelineHeadlineMembers = 8

    /// How many opening sentences of each article are candidates for a story's summary.
    static let candidateSentences = 12

    /// Words a story summary aims for: enough to say what happened, short enough to scan.
    static let summaryWords = 100

    /// - Parameter features: the entries' `ClusterFeatures`, in their order, when the caller has them: they hold the
    ///   term counts this would otherwise compute again from each whole article.
    func makeStory(id: StoryID, _ entries: [DigestEntry], features: [ClusterFeatures]? = nil) -> Story {
        let vectors = Self.vectors(features?.map { (terms: $0.terms, counts: $0.counts) } ?? entries.map { entry in
            let (keys, counts) = TermKey.sortedCounts(TermStatistics.terms(of: entry.article))
            return (terms: keys, counts: counts)
        })
        let centre = vectors.centre
        // Each sentence's terms, found once: the summary's candidates read the first `candidateSentences` of each
        // article, and what each source adds (a story of two or more) reads them all.
        let sentenceTerms = entries.map { entry in
            entry.article.sentences.prefix(entries.count > 1 ? Int.max : Self.candidateSentences)
                .map { Tokenizer.termKeys($0.text) }
        }
        let sentenceTermSets = sentenceTerms.map { $0.map(Set.init) }

        // Candidates: the opening sentences of every article, where news writing puts what matters, scored by how
        // central their words are to the whole story.
        var candidates: [(line: SummaryLine, score: Double, terms: Set<TermKey>, words: Int)] = []
        for (position, entry) in entries.enumerated() {
            let article = entry.article
            for (index, sentence) in article.sentences.enumerated().prefix(Self.candidateSentences) {
                let termList = sentenceTerms[position][index]
                // A sentence that starts in lower case is a fragment (text cut mid-sentence), not a summary line.
                guard termList.count >= 4, sentence.text.first?.isLowercase != true else { continue }
                if Self.isMostlyQuoted(sentence, in: article) { continue }
                let terms = sentenceTermSets[position][index]
                var score = 0.0
                for term in terms.sorted() { score += centre.weight(of: term) }
                score /= Double(termList.count).squareRoot()
                score *= 1.0 / (1.0 + 0.1 * Double(index))
                if Self.leansOnWhatCameBefore(sentence.text) { score *= Self.dependentLineWeight }
                let line = SummaryLine(
                    text: sentence.text, fileName: article.fileName, sentenceIndex: index, start: sentence.start,
                    end: sentence.end)
                candidates.append((line, score, terms, sentence.text.spaceSeparatedWordCount))
            }
        }
        candidates.sort {
            $0.score != $1.score
                ? $0.score > $1.score
                : ($0.line.fileName, $0.line.sentenceIndex) < ($1.line.fileName, $1.line.sentenceIndex)
        }
        var chosen: [(line: SummaryLine, terms: Set<TermKey>)] = []
        var words = 0
        let limit = max(2, summaryLength + 1)
        for candidate in candidates where chosen.count < limit && (words < Self.summaryWords || chosen.count < 2) {
            let repeats = chosen.contains { Summarizer.overlap($0.terms, candidate.terms) > 0.5 }
            if !repeats {
                chosen.append((candidate.line, candidate.terms))
                words += candidate.words
            }
        }
        let summary = chosen.map(\.line)
        let analyzer = StoryAnalyzer()
        let entities = analyzer.entities(entries)
        // When no source title states the event, the headline is the candidate sentence that names the most of the
        // story's main actors, so it says who did what rather than repeating one outlet's side detail.
        let actors = entities.filter { $0.kind != .misc }.prefix(3).map(\.canonical)
        let headlineLines = candidates.prefix(8).map(\.line).filter { $0.text.spaceSeparatedWordCount <= 35 }
            .enumerated().max { a, b in
                let (na, nb) = (Self.actorsNamed(actors, in: a.element, entries), Self.actorsNamed(actors, in: b.element, entries))
                return na != nb ? na < nb : a.offset > b.offset
            }.map { [$0.element] } ?? summary
        var story = Story(
            id: id,
            headline: headline(
                entries.map { ($0.article.title, $0.article.titleIsGenerated) }, vectors: vectors,
                summary: headlineLines),
            entries: entries, summary: summary)
        story.quotations = analyzer.quotations(entries)
        story.entities = entities
        story.additions = analyzer.additions(
            entries, centre: centre, sentenceTerms: sentenceTermSets, summary: summary,
            shownQuotations: story.quotations.prefix(StoryAnalyzer.keyQuotations))
        return story
    }

    /// How much a summary candidate that leans on the sentence before it counts (`leansOnWhatCameBefore`).
    /// Enough to order such a line after a self-standing one of like weight, not to keep a central line out: no
    /// DUC 2004 summary changes (wire leads stand alone), and the seeds' summary now opens with Trump's post rather
    /// than `Putin has also proposed …`.
    static let dependentLineWeight = 0.7

    /// Whether a sentence reads as the continuation of one before it: it opens with a pronoun (`He said …`), a
    /// connective (`But …`, `Meanwhile, …`), or has `also` among its first words (`Putin has also proposed …`).
    /// Lifted out of its article into a summary, it points at something the reader has not read.
    static func leansOnWhatCameBefore(_ text: String) -> Bool {
        var words: [Substring] = []
        for word in text.split(separator: " ", maxSplits: 4, omittingEmptySubsequences: true).prefix(4) {
            words.append(word.drop { !$0.isLetter }.prefix { $0.isLetter })
        }
        guard let first = words.first?.lowercased() else { return false }
        if Self.leaningOpeners.contains(first) { return true }
        return words.prefix(4).contains { $0.lowercased() == "also" }
    }

    static let leaningOpeners: WordTable<Bool> = [
        "he", "she", "it", "they", "this", "these", "those", "his", "her", "its", "their", "but", "however", "also",
        "meanwhile", "still", "yet", "moreover", "instead", "and", "so", "then", "besides", "furthermore",
        "nevertheless", "nonetheless", "thus", "hence", "therefore", "similarly", "likewise",
    ]

    /// Whether at least half of `sentence` is direct speech (`Quotation.isDirect`). A story lists its quotations on
    /// their own, so a summary line that is one repeats it; reported speech ("stated that he had …") is how news
    /// tells what happened, and stays.
    static func isMostlyQuoted(_ sentence: Sentence, in article: Article) -> Bool {
        let length = sentence.end - sentence.start
        guard length > 0 else { return false }
        var quoted = 0
        for quotation in article.quotes where quotation.isDirect && quotation.end > sentence.start && quotation.start < sentence.end {
            quoted += min(quotation.end, sentence.end) - max(quotation.start, sentence.start)
        }
        return quoted * 2 >= length
    }

    /// How many of `actors` the sentence behind `line` mentions, by the entity mentions inside its offsets.
    static func actorsNamed(_ actors: [String], in line: SummaryLine, _ entries: [DigestEntry]) -> Int {
        guard let article = entries.first(where: { $0.article.fileName == line.fileName })?.article else { return 0 }
        let named = Set(
            article.entities.filter { !$0.inTitle && $0.start >= line.start && $0.end <= line.end }.map(\.canonical))
        return actors.filter(named.contains).count
    }

    /// The members' TF-IDF vectors, weighted within the story, and their sum, the centre: what its articles say
    /// most, together.
    static func vectors(_ termCounts: [(terms: [TermKey], counts: [Int32])]) -> (members: [TermVector], centre: TermVector) {
        // The distinct terms are at least the largest member's and at most all members' together; in a story most are
        // shared, so a few times the largest member's is a fair guess that a large story does not overshoot.
        let largest = termCounts.map(\.terms.count).max() ?? 0
        let total = termCounts.reduce(0) { $0 + $1.terms.count }
        var statistics = TermStatistics(expectedTerms: min(total, 4 * largest))
        for item in termCounts { statistics.add(terms: item.terms) }
        statistics.prepareVectors()
        let members = termCounts.map { statistics.vector(sortedTerms: $0.terms, counts: $0.counts) }
        return (members, TermVector.sum(members))
    }

    /// The source title that states the event in the words the story's other articles share most, else the
    /// story's most central sentence made into a headline.
    ///
    /// Central rather than earliest: the first report of a large story is often a side angle, or an article that
    /// joined it through a shared name, and its title then misnames the whole story. A title is scored by its
    /// distinct terms' weight in the centre without its own article (which counts its title's words twice, and would
    /// make any title central in a story of two), over the square root of their number, so that a long title does
    /// not win by length alone; equal scores keep the earlier title.
    ///
    /// - Parameter vectors: `vectors(_:)` of the articles whose `titles` these are, in the same order.
    func headline(
        _ titles: [(title: String, isGenerated: Bool)], vectors: (members: [TermVector], centre: TermVector),
        summary: [SummaryLine]
    ) -> String {
        var best: (title: String, whole: Bool, score: Double)?
        for (title, own) in zip(titles, vectors.members)
        where !title.isGenerated && !title.title.hasSuffix("?") && title.title.split(separator: " ").count >= 5 {
            // Sorted: a Set's order changes from run to run, and so would the sum's last bits.
            let terms = Set(Tokenizer.terms(title.title)).sorted()
            guard !terms.isEmpty else { continue }
            let shared = terms.reduce(0.0) { $0 + vectors.centre.weight(of: $1) - own.weight(of: $1) }
            let score = shared / Double(terms.count).squareRoot()
            // A title an aggregator cut short ("… setting fire to the future of ...") loses to any whole one.
            let whole = !(title.title.hasSuffix("...") || title.title.hasSuffix("…"))
            if let best, best.whole != whole ? best.whole : best.score >= score { continue }
            best = (title.title, whole, score)
        }
        if let best { return best.title }
        if let lead = summary.first { return Headline.fromLead(lead.text) }
        return titles.first?.title ?? "Untitled"
    }
}
