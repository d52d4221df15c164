#!/usr/bin/env python3
"""Soak: files dropped at a steady rate for a long time; resident memory must stay flat.

Drops `--rate` files a second for `--seconds`, samples the daemon's RSS every second, and at the end checks the
invariant over every file. How the files are dated decides what memory may follow:

- `--dating feed` (the default) replays a feed: the run covers `--days` days of news, the feed's clock advancing
  with the run, and each file is dated that day or, as late reports are, one or two days before. Each render window
  then holds a steady number of articles while the history grows, so memory must not grow: the per-minute medians of
  RSS after the warm-up must stay within `--tolerance` of each other. The warm-up lasts until the first render
  window has filled (what one exact render reads: a week of days with the story window on each side), and at
  least 10 % of the run.
- `--dating backlog` dates every file on a random day of the last `--days` days, as an archive dumped at once is.
  Every render window then grows with the run, and so does the memory a render needs; it is reported, not judged.

  soak.py BINARY [--seconds 3600] [--rate 50] [--dating feed|backlog] [--days 60] [--csv rss.csv] [--json f.json]
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time

import harness


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=float, default=3600)
    parser.add_argument("--rate", type=float, default=50)
    parser.add_argument("--dating", choices=["feed", "backlog"], default="feed")
    parser.add_argument("--days", type=int, default=60)
    parser.add_argument("--window-days", type=int, default=3, help="the daemon's story window, for the warm-up")
    # Pipeline.daysPerClustering: an exact render clusters up to a week of days, each with its story window.
    parser.add_argument("--render-days", type=int, default=7, help="days one render clusters, for the warm-up")
    parser.add_argument("--tolerance", type=float, default=0.10)
    # Every second: renders come every 10-20 s under this load, so samples 10 s apart fell in or out of them by
    # chance, and a minute's median of six such samples beat with the renders rather than follow the memory.
    parser.add_argument("--sample-seconds", type=float, default=1)
    parser.add_argument("--csv")
    parser.add_argument("--json")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (daemon.log, var/) when it passes")
    options = parser.parse_args()
    rng = harness.seeded_random(50)
    work = tempfile.mkdtemp(prefix="newsdigest-soak.")
    staging = os.path.join(work, "staging")
    os.makedirs(staging)
    daemon = harness.Daemon(options.binary, work)
    first_day = time.time() - 86400 * options.days

    def day_of_drop(elapsed):
        if options.dating == "backlog":
            back = rng.randrange(options.days)
        else:
            # The feed's day now, less a late report's one or two days now and then.
            back = options.days * (1 - elapsed / options.seconds) + rng.choices([0, 1, 2], [80, 15, 5])[0]
        return time.strftime("%Y-%m-%d", time.gmtime(first_day + 86400 * (options.days - back)))

    drops, samples, problems = [], [], []
    try:
        daemon.start()
        began = time.monotonic()
        next_sample = began
        serial = 0
        while time.monotonic() - began < options.seconds:
            due = int((time.monotonic() - began) * options.rate)
            while serial < due:
                content = harness.article_text(rng, serial, day=day_of_drop(time.monotonic() - began))
                item = harness.Drop(f"soak-{serial:07d}.txt", content, "article")
                harness.drop(daemon, item, staging, "rename")
                drops.append(item)
                serial += 1
            now = time.monotonic()
            if now >= next_sample:
                samples.append((round(now - began, 1), daemon.rss_kib(), len(drops)))
                next_sample += options.sample_seconds
                if len(samples) % round(60 / options.sample_seconds) == 0:
                    print(f"{samples[-1][0]:7.0f} s: {len(drops)} files dropped, RSS {samples[-1][1] // 1024} MiB",
                          flush=True)
            time.sleep(0.005)
        problems = harness.wait_for_invariant(daemon, drops, 1800)
        samples.append((round(time.monotonic() - began, 1), daemon.rss_kib(), len(drops)))
        daemon.terminate()
    except AssertionError as error:
        problems.append(str(error))
    finally:
        daemon.kill()
    # Until stop 18 this was one story window (2 × 3 + 1 = 7 days), but a render reads its week and ±3 days around
    # it, so memory went on filling for minutes after that.
    window_filled = options.seconds * (options.render_days + 2 * options.window_days) / options.days
    warm_up = max(options.seconds * 0.1, window_filled if options.dating == "feed" else 0)
    # Samples under load: after the warm-up and before the drops stop. The sample taken once every file is in
    # (the daemon idle) is reported on its own, not as a minute of the curve.
    warm = [s for s in samples if warm_up <= s[0] <= options.seconds]

    def minutes_of(series):
        minutes = {}
        for at, rss, _ in series:
            minutes.setdefault(int(at // 60), []).append(rss)
        return [v for _, v in sorted(minutes.items())]

    def spread_of(medians):
        return (max(medians) - min(medians)) / min(medians) if medians else 0

    per_minute = minutes_of(warm)
    medians = [harness.median(v) for v in per_minute]
    spread = spread_of(medians)
    # The same run seen through the 10-second samples earlier runs took, to compare with their figures.
    every_tenth = max(1, round(10 / options.sample_seconds))
    spread_10s = spread_of([harness.median(v) for v in minutes_of(warm[::every_tenth])])
    mib = lambda kib: round(kib / 1024, 1)
    slope = None
    if len(warm) > 2:
        xs, ys = [s[0] / 3600 for s in warm], [s[1] / 1024 for s in warm]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        slope = round(sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs), 1)
    figures = {
        "seconds": options.seconds, "rate": options.rate, "files": len(drops), "dating": options.dating,
        "days": options.days, "warm_up_seconds": round(warm_up),
        "rss_mib_first_warm_minute": mib(medians[0]) if medians else None,
        "rss_mib_last_minute": mib(medians[-1]) if medians else None,
        "rss_mib_max": mib(max(medians)) if medians else None,
        # Each minute's lowest sample is close to the live data between renders; its highest, a render's peak.
        "rss_mib_minute_medians": [mib(v) for v in medians],
        "rss_mib_minute_lows": [mib(min(v)) for v in per_minute],
        "rss_mib_minute_highs": [mib(max(v)) for v in per_minute],
        "rss_mib_mean": mib(sum(s[1] for s in warm) / len(warm)) if warm else None,
        "rss_mib_per_hour_slope": slope,
        "rss_mib_after_run": mib(samples[-1][1]) if samples else None,
        "spread": round(spread, 3), "spread_of_10_second_samples": round(spread_10s, 3),
        "sample_seconds": options.sample_seconds, "samples": samples,
    }
    if spread > options.tolerance and options.dating == "feed":
        problems.append(f"RSS per-minute medians vary by {spread:.1%}, more than {options.tolerance:.0%}")
    if options.csv:
        with open(options.csv, "w") as f:
            f.write("seconds,rss_kib,files\n")
            f.writelines(f"{a},{b},{c}\n" for a, b, c in samples)
    if options.json:
        with open(options.json, "w") as f:
            json.dump(figures, f, indent=2)
    for problem in problems[:20]:
        print(f"FAIL: {problem}")
    print(f"{len(drops)} files at {options.rate}/s for {options.seconds:.0f} s; RSS per-minute medians after warm-up "
          f"{figures['rss_mib_first_warm_minute']} → {figures['rss_mib_last_minute']} MiB "
          f"(max {figures['rss_mib_max']}, spread {spread:.1%}; {spread_10s:.1%} of the 10-s samples); mean {figures['rss_mib_mean']} MiB, "
          f"slope {figures['rss_mib_per_hour_slope']} MiB/h, {figures['rss_mib_after_run']} MiB once idle")
    if problems or options.keep:
        print(f"work folder kept: {work}")
        return 1 if problems else 0
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
