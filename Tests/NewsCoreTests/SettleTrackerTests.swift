import Testing

@testable import NewsCore

@Suite("SettleTracker")
struct SettleTrackerTests {
    typealias Tracker = SettleTracker<String>

    static let quiet: Int64 = 2_000_000_000
    static let small = FileFingerprint(size: 10, modificationNanoseconds: 1_000)
    static let bigger = FileFingerprint(size: 20, modificationNanoseconds: 1_000)
    static let touchedLater = FileFingerprint(size: 10, modificationNanoseconds: 2_000)

    @Test("a file that arrives is claimed at once")
    func arrivalClaimsImmediately() {
        var tracker = Tracker(quietPeriodNanoseconds: Self.quiet)
        #expect(tracker.arrived("a.txt") == [.claim("a.txt")])
        #expect(tracker.waitingCount == 0)
        #expect(tracker.nextDeadline == nil)
        #expect(tracker.due(now: .max).isEmpty)
    }

    @Test("a touched file waits for the quiet period, then is claimed if unchanged")
    func touchedSettlesAfterQuietPeriod() {
        var tracker = Tracker(quietPeriodNanoseconds: Self.quiet)
        tracker.touched("a.txt", fingerprint: Self.small, now: 1_000)
        #expect(tracker.waitingCount == 1)
        #expect(tracker.isWaiting("a.txt"))
        #expect(!tracker.isWaiting("b.txt"))
        #expect(tracker.nextDeadline == 1_000 + Self.quiet)
        #expect(tracker.due(now: 1_000).isEmpty)
        #expect(tracker.due(now: 1_000 + Self.quiet - 1).isEmpty)
        #expect(tracker.due(now: 1_000 + Self.quiet) == ["a.txt"])
        #expect(tracker.settle("a.txt", fingerprint: Self.small, now: 1_000 + Self.quiet) == [.claim("a.txt")])
        #expect(tracker.waitingCount == 0)
        #expect(tracker.nextDeadline == nil)
        // Once claimed it is not claimed again.
        #expect(tracker.settle("a.txt", fingerprint: Self.small, now: 1_000 + 2 * Self.quiet).isEmpty)
    }

    @Test(
        "a changed fingerprint waits a whole quiet period again",
        arguments: [bigger, touchedLater]
    )
    func changedFingerprintWaitsAgain(changed: FileFingerprint) {
        var tracker = Tracker(quietPeriodNanoseconds: Self.quiet)
        tracker.touched("a.txt", fingerprint: Self.small, now: 0)
        #expect(tracker.settle("a.txt", fingerprint: changed, now: Self.quiet).isEmpty)
        #expect(tracker.waitingCount == 1)
        #expect(tracker.nextDeadline == 2 * Self.quiet)
        #expect(tracker.due(now: Self.quiet).isEmpty)
        #expect(tracker.due(now: 2 * Self.quiet - 1).isEmpty)
        #expect(tracker.due(now: 2 * Self.quiet) == ["a.txt"])
        // Compared against the fingerprint seen last time, not the first one.
        #expect(tracker.settle("a.txt", fingerprint: changed, now: 2 * Self.quiet) == [.claim("a.txt")])
        #expect(tracker.waitingCount == 0)
    }

    @Test("another touch restarts the quiet period")
    func touchRestartsQuietPeriod() {
        var tracker = Tracker(quietPeriodNanoseconds: Self.quiet)
        tracker.touched("a.txt", fingerprint: Self.small, now: 0)
        tracker.touched("a.txt", fingerprint: Self.bigger, now: 500)
        #expect(tracker.waitingCount == 1)
        #expect(tracker.nextDeadline == 500 + Self.quiet)
        #expect(tracker.due(now: Self.quiet).isEmpty)
        #expect(tracker.due(now: 500 + Self.quiet) == ["a.txt"])
        #expect(tracker.settle("a.txt", fingerprint: Self.bigger, now: 500 + Self.quiet) == [.claim("a.txt")])
    }

    @Test("a file that vanished before settling is forgotten")
    func vanishedFileIsForgotten() {
        var tracker = Tracker(quietPeriodNanoseconds: Self.quiet)
        tracker.touched("a.txt", fingerprint: Self.small, now: 0)
        #expect(tracker.settle("a.txt", fingerprint: nil, now: Self.quiet).isEmpty)
        #expect(tracker.waitingCount == 0)
        #expect(!tracker.isWaiting("a.txt"))
        #expect(tracker.nextDeadline == nil)
        #expect(tracker.due(now: .max).isEmpty)
        #expect(tracker.settle("a.txt", fingerprint: Self.small, now: 2 * Self.quiet).isEmpty)
    }

    @Test("forget drops a waiting file")
    func forgetDropsWaitingFile() {
        var tracker = Tracker(quietPeriodNanoseconds: Self.quiet)
        tracker.touched("a.txt", fingerprint: Self.small, now: 0)
        tracker.forget("a.txt")
        #expect(tracker.waitingCount == 0)
        #expect(tracker.due(now: .max).isEmpty)
        #expect(tracker.settle("a.txt", fingerprint: Self.small, now: Self.quiet).isEmpty)
        // Forgetting an unknown key is harmless.
        tracker.forget("never-seen.txt")
        #expect(tracker.waitingCount == 0)
    }

    @Test("an arrival after a touch claims once and stops the wait")
    func arrivalAfterTouch() {
        var tracker = Tracker(quietPeriodNanoseconds: Self.quiet)
        tracker.touched("a.txt", fingerprint: Self.small, now: 0)
        #expect(tracker.arrived("a.txt") == [.claim("a.txt")])
        #expect(tracker.waitingCount == 0)
        #expect(tracker.due(now: Self.quiet).isEmpty)
        #expect(tracker.settle("a.txt", fingerprint: Self.small, now: Self.quiet).isEmpty)
    }

    @Test("an unreadable fingerprint at touch time waits again once it can be read")
    func unreadableFingerprintAtTouch() {
        var tracker = Tracker(quietPeriodNanoseconds: Self.quiet)
        tracker.touched("a.txt", fingerprint: nil, now: 0)
        #expect(tracker.settle("a.txt", fingerprint: Self.small, now: Self.quiet).isEmpty)
        #expect(tracker.waitingCount == 1)
        #expect(tracker.settle("a.txt", fingerprint: Self.small, now: 2 * Self.quiet) == [.claim("a.txt")])
    }

    @Test("settling an unknown file does nothing")
    func settleUnknown() {
        var tracker = Tracker(quietPeriodNanoseconds: Self.quiet)
        #expect(tracker.settle("ghost.txt", fingerprint: Self.small, now: 0).isEmpty)
        #expect(tracker.waitingCount == 0)
    }

    @Test("several files: the earliest deadline and only the expired keys")
    func severalFiles() {
        var tracker = Tracker(quietPeriodNanoseconds: 100)
        tracker.touched("c.txt", fingerprint: Self.small, now: 30)
        tracker.touched("a.txt", fingerprint: Self.small, now: 10)
        tracker.touched("b.txt", fingerprint: Self.small, now: 20)
        #expect(tracker.waitingCount == 3)
        #expect(tracker.nextDeadline == 110)
        #expect(tracker.due(now: 109).isEmpty)
        #expect(tracker.due(now: 110) == ["a.txt"])
        #expect(tracker.due(now: 125).sorted() == ["a.txt", "b.txt"])
        #expect(tracker.settle("a.txt", fingerprint: Self.small, now: 125) == [.claim("a.txt")])
        #expect(tracker.nextDeadline == 120)
        #expect(tracker.due(now: 1_000).sorted() == ["b.txt", "c.txt"])
    }
}
