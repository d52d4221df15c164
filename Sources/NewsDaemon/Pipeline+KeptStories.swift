import Foundation
import Logging
import NewsCore
import NewsLinux
import NewsStore

/// Built stories kept across a restart.
///
/// Building a story reads and analyses every member, and the memo that saves building it again lives in memory. The
/// first render after a start therefore built every story of its window again, though a day's new articles leave most
/// of its neighbours' stories as they were: the growth probe's render after a restart built three days' stories for a
/// day of new articles (docs/PERFORMANCE.md, stop 24). A run now keeps what its memo holds when it ends, and the
/// next one takes a day's kept stories into the memo before it first renders that day.
extension Pipeline {
    /// Takes into the memo the kept stories of `day`, when it holds none of that day and this build kept them.
    ///
    /// Called for each day after its window is clustered, just before its stories are built: taken before, a week's
    /// stories would be held through the clustering, which sets the render's peak memory.
    func adoptKeptStories(on day: CivilDate) {
        guard !clusteringMemo.holdsStories(on: day), let builder = Self.builder else { return }
        let began = Self.monotonicSeconds()
        let kept: [KeptStory]
        do {
            kept = try store.keptStories(on: [day], builder: builder)
        } catch {
            // Only time is lost: the stories are built again.
            logger.warning("cannot read the stories kept by the last run; building them again", metadata: ["error": "\(error)"])
            return
        }
        guard !kept.isEmpty else { return }
        let stories = [Story?](count: kept.count, computedConcurrently: { try? Story(encoded: kept[$0].bytes) })
        for (kept, story) in zip(kept, stories) {
            guard let story else { continue }
            clusteringMemo.adopt(story, day: kept.day, summaryLength: kept.summaryLength)
        }
        logger.debug(
            "adopted the stories the last run kept",
            metadata: [
                "stories": "\(kept.count)", "day": "\(day)",
                "ms": "\(Int((Self.monotonicSeconds() - began) * 1000))",
            ])
    }

    /// Keeps the stories the memo holds for the next run, in place of those kept before.
    func keepBuiltStories() {
        guard let builder = Self.builder else { return }
        let began = Self.monotonicSeconds()
        let remembered = clusteringMemo.keptStories()
        do {
            // Encoded one at a time as they are written, so that the bytes of a whole window are never held at once.
            try store.keepStories(
                remembered.lazy.map { KeptStory(day: $0.day, summaryLength: $0.summaryLength, bytes: $0.story.encoded()) },
                builder: builder)
            logger.debug(
                "kept the built stories for the next run",
                metadata: [
                    "stories": "\(remembered.count)", "ms": "\(Int((Self.monotonicSeconds() - began) * 1000))",
                ])
        } catch {
            logger.warning("cannot keep the built stories for the next run", metadata: ["error": "\(error)"])
        }
    }

    /// This build of the program: stories another build kept are not taken, since it may build them otherwise.
    static let builder = FileSystem.executableIdentity()
}
