import Foundation
import Testing

@testable import NewsCore

@Suite("RenderedStories")
struct RenderedStoriesTests {
    /// The fixture day's digest (a two-article flood story and a single chess story), and the same day after one
    /// more chess article arrived, so one story changed and one did not.
    static func digests() throws -> (before: Digest, after: Digest) {
        let entries = try StoryClustererTests.entries()
        var later = try Fixtures.extract(
            """
            Title: Madrid chess tournament ends with the champion's title
            Date: 2025-03-14
            Source: Marca

            The champion won the chess tournament in Madrid after a quiet endgame. Her coach and her family \
            watched the final checkmate from the front row of spectators.
            """, fileName: "zz-chess-marca.txt")
        later.contentHash = "ddd"
        let clusterer = StoryClusterer()
        return (
            clusterer.digest(for: StoryClustererTests.day, entries: entries),
            clusterer.digest(for: StoryClustererTests.day, entries: entries + [DigestEntry(article: later, location: nil)])
        )
    }

    @Test("digests and clusters files rendered through the cache are byte-identical to rendering them whole")
    func sameBytes() throws {
        let (before, after) = try Self.digests()
        #expect(before.stories.count == 2)
        #expect(after.stories.map(\.entries.count).sorted() == [2, 2])
        let cache = RenderedStories()
        let renderer = DigestRenderer(digestDirectory: "/srv/out/digests")
        for digest in [before, after, before, after] {
            cache.beginGeneration()
            #expect(renderer.render(digest, cache: cache) == renderer.render(digest))
            #expect(ClusterRenderer.render(digest, cache: cache) == ClusterRenderer.render(digest))
            // The clusters file holds the whole day's document, each story compact on a line of its own.
            let whole = JSONValue.object([
                ("date", .string(digest.day.description)),
                ("stories", .array(digest.stories.map(ClusterRenderer.value))),
            ])
            let text = ClusterRenderer.render(digest, cache: cache)
            #expect(JSONParser.parse(ArraySlice(text.utf8)) == whole)
            #expect(
                text
                    == "{\n  \"date\": \"\(digest.day)\",\n  \"stories\": [\n"
                    + digest.stories.map { "    " + ClusterRenderer.value(of: $0).compact }.joined(separator: ",\n")
                    + "\n  ]\n}\n")
        }
    }

    @Test("an unchanged story is not rendered again; a changed one, or one of another context, is")
    func reusesUnchanged() throws {
        let (before, after) = try Self.digests()
        let cache = RenderedStories()
        var renders = 0
        func text(_ story: Story, context: String = "") -> String {
            cache.text(of: story, as: .clusterJSON, context: context) {
                renders += 1
                return story.headline
            }
        }
        let flood = before.stories[0]
        let chess = try #require(before.stories.last)
        let grownChess = try #require(after.stories.first { $0.id == chess.id })
        #expect(chess != grownChess)
        _ = text(flood)
        _ = text(chess)
        #expect(renders == 2)
        _ = text(flood)
        #expect(renders == 2)
        _ = text(grownChess)
        #expect(renders == 3)
        _ = text(flood, context: "/elsewhere")
        #expect(renders == 4)
    }

    @Test("texts not used by the last renders are forgotten")
    func forgets() throws {
        let (before, _) = try Self.digests()
        let cache = RenderedStories(retainedGenerations: 2)
        cache.beginGeneration()
        _ = ClusterRenderer.render(before, cache: cache)
        #expect(cache.count == 2)
        cache.beginGeneration()
        #expect(cache.count == 2)
        cache.beginGeneration()
        #expect(cache.count == 0)
    }

    @Test("at the end of an exact render, only the texts it used stay")
    func forgetsWhatTheRenderDidNotUse() throws {
        let (before, _) = try Self.digests()
        let cache = RenderedStories()
        cache.beginGeneration()
        _ = ClusterRenderer.render(before, cache: cache)
        #expect(cache.count == 2)
        // The next render shows one of the two stories: the other's text goes when it ends, not renders later.
        var fewer = before
        fewer.stories = [before.stories[0]]
        cache.beginGeneration()
        _ = ClusterRenderer.render(fewer, cache: cache)
        #expect(cache.count == 2)
        cache.forgetUnusedInThisRender()
        #expect(cache.count == 1)
        // What stays is what the render used, and the bytes through the cache are still those rendered whole.
        let text = ClusterRenderer.render(fewer, cache: cache)
        #expect(cache.count == 1)
        #expect(text == ClusterRenderer.render(fewer))
    }
}
