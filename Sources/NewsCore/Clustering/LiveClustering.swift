/// The stories of a window as its last exact clustering left them, kept between renders so that an article arriving
/// afterwards joins its story at once instead of waiting for the whole window to be clustered again.
///
/// An exact clustering (`StoryClusterer.cluster`) is global: every article's weights come from the whole window and
/// average linkage merges over the whole similarity graph, so its cost grows with the window, and during a burst on
/// one day each render would cluster the whole growing day again. Placing is greedy instead. A new article is
/// compared with the candidates its heaviest terms find, exactly as the exact clustering finds them, and joins the
/// story whose members it is most similar to on average, counting members without an edge as 0 as average linkage
/// does, if that average reaches the threshold; otherwise it starts a story of its own.
///
/// What placing leaves out, and why that is acceptable for a while: the weights of articles already placed are not
/// revised as the window's term statistics change, two stories a new article bridges are not merged, and a
/// near-duplicate is not folded into its original (it joins its original's story as another source, since the two
/// are nearly the same text). So the stories can differ from an exact clustering of the same articles and can depend
/// on arrival order. They are provisional: the daemon clusters the window exactly again once its inbox is quiet, and
/// that result depends only on the articles.
package struct LiveClustering: Sendable {
    package let clusterer: StoryClusterer
    /// The days an article may be placed on: the window around each of them is held, so no candidate is missing.
    package let days: ClosedRange<CivilDate>
    /// The stories now, each with its members in member order.
    package private(set) var groups: [StoryClusterer.Group]

    private var items: [ClusterItem]
    private var groupOfItem: [Int]
    private var itemOfContent: [String: Int]
    private var index: StoryClusterer.CandidateIndex
    /// Each item's TF-IDF vector, computed when it is first a candidate. A vector keeps the weights of the statistics
    /// when it was computed: revising every placed article's weights on each arrival is what placing avoids.
    private var vectors: [TermVector?]

    init(
        clusterer: StoryClusterer, days: ClosedRange<CivilDate>, items: [ClusterItem],
        groups: [StoryClusterer.Group], clusters: [[Int]], index: StoryClusterer.CandidateIndex
    ) {
        self.clusterer = clusterer
        self.days = days
        // Near-duplicates were folded by the exact clustering and placing does not fold them, so the signatures
        // (about a sixth of an item's memory) are not kept between renders.
        self.items = items.map(Self.withoutSignature)
        self.groups = groups.map { group in
            StoryClusterer.Group(id: group.id, members: group.members.map(Self.withoutSignature))
        }
        self.index = index
        vectors = [TermVector?](repeating: nil, count: items.count)
        groupOfItem = [Int](repeating: 0, count: items.count)
        for (group, members) in clusters.enumerated() {
            for member in members { groupOfItem[member] = group }
        }
        itemOfContent = Dictionary(items.enumerated().map { ($1.contentHash, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func withoutSignature(_ item: ClusterItem) -> ClusterItem {
        var item = item
        item.features.signature = nil
        return item
    }

    /// Articles held: the window's articles, near-duplicates folded, and those placed since.
    package var itemCount: Int { items.count }

    /// Where `add` placed an article.
    package struct Placement: Equatable, Sendable {
        /// The story it is now in.
        package var story: StoryID
        /// The id that story had before, when the article founds it now (it is earlier than every other member): the
        /// story of that id exists no more.
        package var replaced: StoryID?
    }

    /// Places a new article into a story, or nil when it cannot be placed here: its day is not one of `days`, or the
    /// article is already held.
    package mutating func add(_ item: ClusterItem) -> Placement? {
        guard days.contains(item.digestDay), itemOfContent[item.contentHash] == nil else { return nil }
        let newIndex = items.count
        index.statistics.add(terms: item.features.terms)
        let vector = index.statistics.vector(sortedTerms: item.features.terms, counts: item.features.counts)
        let terms = clusterer.candidateTerms(
            of: vector, statistics: index.statistics, commonLimit: clusterer.commonLimit(itemCount: newIndex + 1))
        let day = item.digestDay.daysSinceEpoch
        var candidates: Set<Int> = []
        for term in terms {
            for other in index.postings[term] ?? []
            where abs(items[other].digestDay.daysSinceEpoch - day) <= clusterer.windowDays {
                candidates.insert(other)
            }
        }
        // The summed similarity to each story's members, in item order so the sums do not depend on hashing.
        var sums: [Int: Double] = [:]
        for other in candidates.sorted() {
            let otherVector = vectors[other] ?? index.statistics.vector(
                sortedTerms: items[other].features.terms, counts: items[other].features.counts)
            vectors[other] = otherVector
            let distance = abs(items[other].digestDay.daysSinceEpoch - day)
            let similarity = StoryClusterer.linkSimilarity(otherVector, vector, daysApart: distance)
            if similarity > 0 { sums[groupOfItem[other], default: 0] += similarity }
        }
        var best: (group: Int, average: Double)?
        for (group, sum) in sums {
            let average = sum / Double(groups[group].members.count)
            guard average >= clusterer.threshold else { continue }
            if let current = best, current.average > average || (current.average == average && current.group < group) {
                continue
            }
            best = (group, average)
        }

        let item = Self.withoutSignature(item)
        items.append(item)
        vectors.append(vector)
        itemOfContent[item.contentHash] = newIndex
        for term in terms { index.postings[term, default: []].append(newIndex) }
        if let best {
            groupOfItem.append(best.group)
            let previous = groups[best.group].id
            var members = groups[best.group].members
            let position = members.firstIndex { StoryClusterer.memberOrder(item, $0) } ?? members.count
            members.insert(item, at: position)
            let id = StoryClusterer.storyID(for: members)
            groups[best.group] = StoryClusterer.Group(id: id, members: members)
            return Placement(story: id, replaced: id == previous ? nil : previous)
        }
        groupOfItem.append(groups.count)
        groups.append(StoryClusterer.Group(id: StoryClusterer.storyID(for: [item]), members: [item]))
        return Placement(story: groups[groups.count - 1].id, replaced: nil)
    }

    /// Adds an exact copy of a held article (another file with the same content). Returns the id of the story it is
    /// in, or nil when the article is not held.
    package mutating func addCopy(_ copy: ArticleCopy, ofContent contentHash: String) -> StoryID? {
        guard let item = itemOfContent[contentHash] else { return nil }
        let group = groupOfItem[item]
        items[item].copies.append(copy)
        items[item].showFirstNamedFileAsOriginal()
        if let member = groups[group].members.firstIndex(where: { $0.contentHash == contentHash }) {
            groups[group].members[member].copies.append(copy)
            groups[group].members[member].showFirstNamedFileAsOriginal()
        }
        return groups[group].id
    }
}
