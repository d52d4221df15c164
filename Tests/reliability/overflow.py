#!/usr/bin/env python3
"""Overflow: a burst far beyond the inotify queue (20,000 small files by default) is processed in full.

The daemon is stopped with SIGSTOP while the files are renamed into the inbox, so its inotify queue (16,384 events
by default, fs.inotify.max_queued_events) must overflow; on SIGCONT it reads IN_Q_OVERFLOW, rescans, and must
process every file exactly once.

  overflow.py BINARY [--files 20000] [--json figures.json]
"""

import argparse
import os
import signal
import sys
import tempfile
import time

import harness


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--files", type=int, default=20000)
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--json")
    options = parser.parse_args()
    rng = harness.seeded_random(20)
    work = tempfile.mkdtemp(prefix="newsdigest-overflow.")
    staging = os.path.join(work, "staging")
    os.makedirs(staging)
    daemon = harness.Daemon(os.path.abspath(options.binary), work)
    drops = [harness.Drop(f"burst-{i:05d}.txt", harness.article_text(rng, i), "article") for i in range(options.files)]
    problems = []
    figures = {}
    try:
        daemon.start()
        for item in drops:
            with open(os.path.join(staging, item.name), "wb") as f:
                f.write(item.content)
        daemon.process.send_signal(signal.SIGSTOP)
        began = time.monotonic()
        for item in drops:
            os.rename(os.path.join(staging, item.name), daemon.path("inbox", item.name))
        dropped = time.monotonic()
        daemon.process.send_signal(signal.SIGCONT)
        problems = harness.wait_for_invariant(daemon, drops, options.timeout)
        settled = time.monotonic()
        overflowed = "inotify queue overflowed" in daemon.log()
        if not overflowed:
            problems.append("the inotify queue never overflowed, so the rescan path was not exercised")
        figures = {
            "files": options.files, "drop_seconds": round(dropped - began, 3),
            "seconds_to_all_digests": round(settled - dropped, 2),
            "files_per_second": round(options.files / (settled - dropped), 1),
            "overflowed": overflowed, "peak_rss_kib": daemon.rss_kib("VmHWM"),
        }
        daemon.terminate()
    except AssertionError as error:
        problems.append(str(error))
    finally:
        daemon.kill()
    return harness.finish(problems, work, figures, options.json, lambda: (
        f"PASS: {options.files} files renamed in {figures['drop_seconds']} s while the daemon was stopped; the queue "
        f"overflowed and all were processed once, digests current {figures['seconds_to_all_digests']} s after "
        f"SIGCONT ({figures['files_per_second']} files/s, peak RSS {figures['peak_rss_kib'] // 1024} MiB)"))


if __name__ == "__main__":
    sys.exit(main())
