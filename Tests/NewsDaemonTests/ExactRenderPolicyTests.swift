import Testing

@testable import NewsDaemon

@Suite("ExactRenderPolicy")
struct ExactRenderPolicyTests {
    /// The clocks of a daemon whose last exact render ended at 0 after `seconds` over `articles`, with a stream of
    /// files since 1 s whose latest arrived at `now`.
    func due(now: Double, held: Bool = true, backlogged: Bool = false, seconds: Double, articles: Int, articlesNow: Int)
        -> Double
    {
        ExactRenderPolicy.due(
            now: now, held: held, backlogged: backlogged, lastArrival: now, pendingSince: 1,
            lastRender: (ended: 0, seconds: seconds, articles: articles), articlesNow: articlesNow)
    }

    @Test("a stream that does not pause gets an exact render within a minute while it is cheap")
    func cheapRenderIsForcedOnAStream() {
        // 0.05 s for 300 articles; 600 now: expected 0.1 s, within the 0.2 s a forced render may take.
        // Files keep arriving, so the quiet second is always a second away; the minute since the first change is not.
        #expect(due(now: 30, seconds: 0.05, articles: 300, articlesNow: 600) == 31)
        #expect(due(now: 61, seconds: 0.05, articles: 300, articlesNow: 600) == 61)
        #expect(due(now: 600, seconds: 0.05, articles: 300, articlesNow: 600) == 61)
    }

    @Test("an exact render expected to take longer than a file's latency waits for a quiet second")
    func costlyRenderWaitsForQuiet() {
        // 0.05 s for 300 articles; 6,000 now: expected 1 s. Never forced while files keep arriving.
        for now in [30.0, 61, 600] {
            #expect(due(now: now, seconds: 0.05, articles: 300, articlesNow: 6_000) == now + 1)
        }
    }

    @Test("changes outside the live clustering are rendered exactly at once")
    func outsideIsAtOnce() {
        #expect(due(now: 30, held: false, seconds: 5, articles: 300, articlesNow: 6_000) == 30)
        // But never sooner than twice the last exact render's time after it ended (at most 10 s).
        #expect(due(now: 3, held: false, seconds: 2, articles: 300, articlesNow: 300) == 4)
        #expect(due(now: 3, held: false, seconds: 60, articles: 300, articlesNow: 300) == 10)
    }

    @Test("during a backlog, an exact render waits until the oldest change is 30 s old, however cheap it would be")
    func backlogRendersEveryThirtySeconds() {
        // The oldest change since the last render is at 1 s; the backlog ends with `backlogged: false`.
        for now in [2.0, 15, 30.9] {
            #expect(due(now: now, held: false, backlogged: true, seconds: 0.01, articles: 300, articlesNow: 300) == 31)
            #expect(due(now: now, backlogged: true, seconds: 0.01, articles: 300, articlesNow: 300) == 31)
        }
        #expect(due(now: 45, backlogged: true, seconds: 0.01, articles: 300, articlesNow: 300) == 31)
        // Never sooner than twice the last render's time (at most 10 s) after it ended, either.
        #expect(
            ExactRenderPolicy.due(
                now: 26, held: true, backlogged: true, lastArrival: 26, pendingSince: 1,
                lastRender: (ended: 25, seconds: 20, articles: 300), articlesNow: 300) == 35)
        // Changes pending from before a start (no arrival yet): counted from the last render's end.
        #expect(
            ExactRenderPolicy.due(
                now: 5, held: false, backlogged: true, lastArrival: 0, pendingSince: nil,
                lastRender: (ended: 0, seconds: 0, articles: 0), articlesNow: 0) == 30)
    }
}
