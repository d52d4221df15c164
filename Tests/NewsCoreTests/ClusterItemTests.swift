import Testing

@testable import NewsCore

@Suite("ClusterFeatures and ClusterItem")
struct ClusterItemTests {
    let clusterer = StoryClusterer()

    @Test("the byte form reads back to the same features, dates, flags and signature")
    func roundTrip() throws {
        for entry in try StoryClustererTests.entries() {
            let features = clusterer.features(of: entry.article)
            #expect(ClusterFeatures(encoded: features.encoded()) == features)
        }
        var article = try Fixtures.extract(
            "Title: Zoë’s café reopens\nDate: 2025-03-14T23:59:30-05:30\n\nThe café on Ünter street reopened. It is small.",
            fileName: "cafe.txt")
        article.titleIsGenerated = true
        let features = clusterer.features(of: article)
        #expect(features.signature == nil)  // too short to compare
        #expect(features.published.secondsIntoDay == 86_370 && features.published.utcOffsetSeconds == -19_800)
        let read = try #require(ClusterFeatures(encoded: features.encoded()))
        #expect(read == features)
        #expect(read.titleIsGenerated)
        #expect(read.terms.contains(TermKey("café")))
    }

    @Test("a term's key depends on its text alone, and terms sharing a key count together")
    func termKeys() {
        let sentence = "Peskov said talks"
        #expect(TermKey("peskov") == TermKey(sentence.lowercased().prefix(6)))
        #expect(TermKey("peskov") != TermKey("peskow"))
        #expect(TermKey("") != TermKey(" "))
        // Fixed in every process, unlike Swift's seeded Hasher: the stored features and the sums' order rely on it.
        #expect(TermKey("putin").value == 0x4731_A99E_2E8D_AD89)
        #expect(TermKey("putin") == TermKey(utf8: Array("putin".utf8)))
        let (keys, counts) = TermKey.sortedCounts(["putin": 2, "trump": 1, "kremlin": 3])
        #expect(keys == keys.sorted() && keys.count == 3)
        #expect(counts[keys.firstIndex(of: TermKey("kremlin"))!] == 3)
    }

    @Test("damaged bytes or another version read as nil, to be computed again")
    func damagedBytes() throws {
        let bytes = clusterer.features(of: try StoryClustererTests.entries()[0].article).encoded()
        #expect(ClusterFeatures(encoded: bytes.dropLast()) == nil)
        #expect(ClusterFeatures(encoded: bytes + [0]) == nil)
        #expect(ClusterFeatures(encoded: [ClusterFeatures.formatVersion + 1] + bytes.dropFirst()) == nil)
        // Versions 1 and 2 lack the slug's words: the store computes them again rather than compare them.
        #expect(ClusterFeatures(encoded: [1] + bytes.dropFirst()) == nil)
        #expect(ClusterFeatures(encoded: [2] + bytes.dropFirst()) == nil)
        #expect(ClusterFeatures(encoded: []) == nil)
    }

    @Test("clustering items and reading articles per story gives the bytes of clustering whole entries")
    func itemsMatchEntries() throws {
        let entries = try StoryClustererTests.entries()
        let reference = clusterer.digest(for: StoryClustererTests.day, entries: entries)
        let items = entries.map { ClusterItem($0, features: clusterer.features(of: $0.article)) }
        var requested: [[String]] = []
        let digest = clusterer.digest(for: StoryClustererTests.day, groups: clusterer.cluster(items)) { members in
            requested.append(members.map(\.fileName))
            return members.map { member in entries.first { $0.article.contentHash == member.contentHash }!.article }
        }
        let renderer = DigestRenderer(digestDirectory: "/out/digests")
        #expect(renderer.render(digest) == renderer.render(reference))
        #expect(ClusterRenderer.render(digest) == ClusterRenderer.render(reference))
        // Articles are asked for one story at a time, never the whole window at once.
        #expect(requested.sorted { $0.count > $1.count }.map(\.count) == [2, 1])
    }

    @Test("a story without its articles' text renders the same digest, clusters and story page")
    func storyWithoutTextRendersTheSame() throws {
        let entries = try StoryClustererTests.entries()
        let story = clusterer.makeStory(id: StoryID("st-x"), Array(entries.prefix(2)))
        let slim = story.withoutArticleText()
        #expect(slim.entries.allSatisfy { $0.article.body.isEmpty && $0.article.sentences.isEmpty })
        let day = StoryClustererTests.day
        let renderer = DigestRenderer(digestDirectory: "/out/digests")
        #expect(renderer.render(Digest(day: day, stories: [slim])) == renderer.render(Digest(day: day, stories: [story])))
        #expect(
            ClusterRenderer.render(Digest(day: day, stories: [slim]))
                == ClusterRenderer.render(Digest(day: day, stories: [story])))
        let pages = StoryPageRenderer(storyDirectory: "/out/stories")
        #expect(pages.render(slim, on: day) == pages.render(story, on: day))
    }

    @Test("of identical files the first by name is shown as the original; near-duplicates stay after them")
    func firstNamedFileIsTheOriginal() throws {
        let entry = try StoryClustererTests.entries()[0]
        var item = ClusterItem(
            DigestEntry(
                article: entry.article, location: "/archive/m.txt",
                copies: [
                    ArticleCopy(fileName: "z.txt", location: "/archive/z.txt", outlet: "wire"),
                    ArticleCopy(fileName: "k.txt", location: "/archive/k.txt", outlet: nil),
                    ArticleCopy(fileName: "a.txt", location: "/archive/a.txt", outlet: "Other", isExact: false),
                ]),
            features: clusterer.features(of: entry.article))
        item.fileName = "m.txt"
        item.folderLabel = "bureau"
        item.showFirstNamedFileAsOriginal()
        #expect(item.fileName == "k.txt" && item.location == "/archive/k.txt" && item.folderLabel == nil)
        #expect(item.copies.map(\.fileName) == ["m.txt", "z.txt", "a.txt"])
        #expect(item.copies.map(\.outlet) == ["bureau", "wire", "Other"])
        #expect(item.copies.map(\.isExact) == [true, true, false])
        let shown = item
        item.showFirstNamedFileAsOriginal()
        #expect(item.fileName == shown.fileName && item.copies == shown.copies)
        #expect(DigestEntry(item, article: entry.article).article.fileName == "k.txt")
    }
}
