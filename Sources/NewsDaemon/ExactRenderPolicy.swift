/// When the daemon clusters the changed days exactly, rather than placing new articles provisionally
/// (docs/decisions/0004-provisional-placement.md). A pure function of the pipeline's clocks, so it is tested alone.
enum ExactRenderPolicy {
    /// When an exact render is due (monotonic seconds):
    ///
    /// - at once for changes the live clustering does not hold;
    /// - while a backlog is worked through, once the oldest change has waited `backlogRenderInterval`, and at once
    ///   when the backlog ends: the render holds the apply queue, so the files recorded meanwhile wait for it, and
    ///   renders every twice their own time (as before stop 14) re-clustered each growing window again and again.
    ///   10,000 files dropped at once over 10 days were rendered seven times, 25 of their 60 s in renders whose
    ///   output the next one replaced (docs/PERFORMANCE.md, stop 14);
    /// - else once the inbox has been quiet for `quietSecondsBeforeExactRender`;
    /// - or, under a stream that does not pause, once the oldest change has waited `maximumProvisionalSeconds`, but
    ///   only if the render is expected to take no longer than `longestForcedExactRender`: its time grows with the
    ///   window, and a render of seconds forced on a stream of 100 files a second made the files recorded meanwhile
    ///   wait, tipped the daemon into a backlog, and kept it there (latency p50 20 s over 150 s, against 0.13 s
    ///   without; docs/PERFORMANCE.md, stop 13);
    /// - never sooner than twice the last exact render's time after it ended.
    ///
    /// - Parameters:
    ///   - lastRender: when the last exact render ended, how long it took and how many articles its windows held.
    ///   - articlesNow: how many articles the live clustering holds now, from which the next render's time is
    ///     estimated in proportion to the last's.
    static func due(
        now: Double, held: Bool, backlogged: Bool, lastArrival: Double, pendingSince: Double?,
        lastRender: (ended: Double, seconds: Double, articles: Int), articlesNow: Int
    ) -> Double {
        let allowed = lastRender.ended + min(10.0, max(0.04, 2 * lastRender.seconds))
        if backlogged {
            return max(allowed, (pendingSince ?? lastRender.ended) + Pipeline.backlogRenderInterval)
        }
        guard held else { return max(allowed, now) }
        var wanted = lastArrival + Pipeline.quietSecondsBeforeExactRender
        let expectedSeconds = lastRender.seconds * Double(max(articlesNow, 1)) / Double(max(lastRender.articles, 1))
        if expectedSeconds <= Pipeline.longestForcedExactRender {
            wanted = min(wanted, (pendingSince ?? now) + Pipeline.maximumProvisionalSeconds)
        }
        return max(allowed, wanted)
    }
}
