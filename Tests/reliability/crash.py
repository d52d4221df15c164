#!/usr/bin/env python3
"""Crash rounds: kill -9 the daemon at random moments during bursts of drops, restart it, check the invariant.

Each round drops a burst into the running daemon, kills it with SIGKILL at a random moment of the burst (and, in
some rounds, again while it is recovering), checks that no output file is partial while it is down, restarts it
and waits until every file of every round satisfies the invariant. Files keep arriving while the daemon is down,
as they do in real drop folders.

  crash.py BINARY [--rounds 20] [--files 300] [--seed 1] [--json summary.json]
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
import time

import harness


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--files", type=int, default=300, help="files dropped per round")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=120, help="seconds a round may take to settle")
    parser.add_argument("--json", help="write the figures here")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    options = parser.parse_args()

    rng = harness.seeded_random(options.seed)
    work = tempfile.mkdtemp(prefix="newsdigest-crash.")
    staging = os.path.join(work, "staging")
    os.makedirs(staging)
    daemon = harness.Daemon(os.path.abspath(options.binary), work)
    drops = []
    figures = {"rounds": [], "violations": 0}
    failed = False
    try:
        daemon.start()
        burst_seconds = 1.0  # learnt from the rounds: how long a burst keeps the daemon busy
        for round_number in range(1, options.rounds + 1):
            burst = harness.make_drops(rng, options.files, f"r{round_number:03d}", drops)
            drops.extend(burst)
            kill_after = rng.uniform(0, burst_seconds)
            killed_at = {}

            def killer():
                time.sleep(kill_after)
                killed_at["ledger"] = len(daemon.ledger())
                daemon.kill()

            timer = threading.Thread(target=killer)
            began = time.monotonic()
            timer.start()
            for item in burst:
                harness.drop(daemon, item, staging, "rename" if rng.random() < 0.8 else "write")
            timer.join()

            # While it is down, every output must still be whole.
            problems, _ = harness.check_outputs_whole(daemon)
            # Some rounds kill it again during recovery, before READY or in the middle of catching up.
            second_kill = None
            if rng.random() < 0.3:
                daemon.start(wait_ready=False)
                second_kill = rng.uniform(0, 0.5)
                time.sleep(second_kill)
                daemon.kill()
                problems += harness.check_outputs_whole(daemon)[0]
            restarted = time.monotonic()
            daemon.start()
            problems += harness.wait_for_invariant(daemon, drops, options.timeout)
            settled = time.monotonic()
            burst_seconds = max(0.2, min(10.0, settled - began))
            record = {
                "round": round_number, "files": len(drops), "kill_after_s": round(kill_after, 3),
                "ledger_rows_at_kill": killed_at.get("ledger"), "second_kill_after_s": second_kill,
                "recovery_s": round(settled - restarted, 3), "violations": len(problems),
            }
            figures["rounds"].append(record)
            print(f"round {round_number}: {len(drops)} files, killed after {kill_after:.3f} s "
                  f"({killed_at.get('ledger')} recorded)"
                  + (f", again {second_kill:.3f} s into recovery" if second_kill is not None else "")
                  + f"; settled {settled - restarted:.2f} s after restart: "
                  + ("invariant holds" if not problems else f"{len(problems)} VIOLATIONS"), flush=True)
            if problems:
                figures["violations"] += len(problems)
                for problem in problems[:20]:
                    print(f"    {problem}")
                failed = True
                break
        daemon.terminate()
        # A clean restart after all that processes nothing again.
        rows = len(daemon.ledger())
        daemon.start()
        time.sleep(1)
        again = harness.check_invariant(daemon, drops) if not failed else []
        if len(daemon.ledger()) != rows or again:
            print(f"restart after the rounds changed the ledger ({rows} -> {len(daemon.ledger())}) or broke it: {again[:5]}")
            failed = True
        daemon.terminate()
    except AssertionError as error:
        print(f"FAIL: {error}")
        failed = True
    finally:
        daemon.kill()
        recoveries = [r["recovery_s"] for r in figures["rounds"]]
        figures.update({
            "files": len(drops), "kills": sum(1 + (r["second_kill_after_s"] is not None) for r in figures["rounds"]),
            "recovery_median_s": harness.median(recoveries), "recovery_max_s": max(recoveries, default=0),
            "kinds": {kind: sum(1 for d in drops if d.kind == kind) for kind in ("article", "copy", "bad")},
        })
        if options.json:
            with open(options.json, "w") as f:
                json.dump(figures, f, indent=2)
        if options.keep or failed:
            print(f"work folder kept: {work}")
        else:
            shutil.rmtree(work)
    print(f"{len(figures['rounds'])} rounds, {figures['kills']} kills, {len(drops)} files "
          f"({figures['kinds']}), median settle after restart {figures['recovery_median_s']:.2f} s: "
          + ("FAILED" if failed else "the invariant held after every round"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
