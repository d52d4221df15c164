#!/usr/bin/env python3
"""Disk full: the output folder on a small tmpfs that fills up, then the state database's too.

While the output is full, no partial output file may appear, the daemon must say clearly what is wrong and keep the
files' records, and once space returns it must catch up on its own. Needs root: it mounts the tmpfs inside a
private mount namespace of its own (unshare), so nothing is left mounted on the host.

  disk_full.py BINARY [--json figures.json]
"""

import argparse
import errno
import os
import subprocess
import sys
import tempfile
import time

import harness


def fill(folder):
    """Fills the filesystem of `folder` with one file, and returns its path."""
    filler = os.path.join(folder, "filler")
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                f.write(bytes(4096))
        except OSError as error:
            if error.errno != errno.ENOSPC:
                raise
    return filler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--json")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if not options.inside:
        if os.getuid() != 0:
            print("FAIL: the disk-full scenario needs root to mount a tmpfs in a private mount namespace")
            return 1
        command = ["unshare", "--mount", "--propagation", "private", sys.executable, os.path.abspath(__file__),
                   options.binary, "--inside"] + (["--json", options.json] if options.json else [])
        return subprocess.call(command)

    rng = harness.seeded_random(4)
    work = tempfile.mkdtemp(prefix="newsdigest-full.")
    output = os.path.join(work, "var", "output")
    state = os.path.join(work, "var", "state")
    for folder, size in ((output, "1m"), (state, "64m")):
        os.makedirs(folder)
        subprocess.check_call(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", folder])
    staging = os.path.join(work, "staging")
    os.makedirs(staging)
    daemon = harness.Daemon(os.path.abspath(options.binary), work)
    problems, figures = [], {}
    try:
        daemon.start()
        drops = [harness.Drop(f"before-{i:03d}.txt", harness.article_text(rng, i), "article") for i in range(20)]
        for item in drops:
            harness.drop(daemon, item, staging, "rename")
        problems += harness.wait_for_invariant(daemon, drops, 120)

        filler = fill(output)
        full_at = time.monotonic()
        more = [harness.Drop(f"during-{i:03d}.txt", harness.article_text(rng, 100 + i), "article") for i in range(60)]
        for item in more:
            harness.drop(daemon, item, staging, "rename")
        drops += more
        # The files are recorded and archived even though their digests cannot be written yet.
        deadline = time.monotonic() + 60
        while len(daemon.ledger()) < len(drops) and time.monotonic() < deadline:
            time.sleep(0.2)
        time.sleep(6)  # at least one retry while still full
        log_while_full = daemon.log()
        if not daemon.alive():
            problems.append("the daemon died when the disk filled")
        if len(daemon.ledger()) != len(drops):
            problems.append(f"{len(daemon.ledger())} of {len(drops)} files recorded while the output was full")
        if "No space left on device" not in log_while_full:
            problems.append("the log does not say that the output folder is full")
        whole, _ = harness.check_outputs_whole(daemon)
        problems += whole
        temporaries = [p for p in harness.files_under(output) if os.path.basename(p).startswith(".")]
        problems += [f"temporary file left while full: {p}" for p in temporaries]
        error_lines = [line for line in log_while_full.splitlines() if "No space left" in line]
        figures["error_lines_while_full"] = len(error_lines)
        figures["seconds_full"] = round(time.monotonic() - full_at, 1)

        os.remove(filler)
        freed = time.monotonic()
        problems += harness.wait_for_invariant(daemon, drops, 120)
        figures["seconds_to_catch_up"] = round(time.monotonic() - freed, 2)
        figures["first_error"] = error_lines[0][:300] if error_lines else None

        # The state database's disk full too (as when /var/lib and /srv share one filesystem). SQLite may still
        # commit into write-ahead-log pages it allocated earlier and reuses after a checkpoint, so some files can be
        # recorded, safely; the rest must wait, in the processing area or the inbox, with a log line saying they
        # cannot be recorded, and be recorded once space returns.
        fillers = [fill(output), fill(state)]
        state_full_at = time.monotonic()
        recorded_before = len(daemon.ledger())
        log_before = len(daemon.log())
        more = []
        # Batches until SQLite's reusable pages run out and a file has to wait (at most 10 batches of 30).
        for batch in range(10):
            items = [harness.Drop(f"state-full-{batch}-{i:02d}.txt", harness.article_text(rng, 300 + batch * 30 + i),
                                  "article") for i in range(30)]
            for item in items:
                harness.drop(daemon, item, staging, "rename")
            more += items
            time.sleep(8)
            if len(daemon.ledger()) - recorded_before < len(more):
                break
        drops += more
        if not daemon.alive():
            problems.append("the daemon died when the state database's disk filled")
        recorded_while_full = len(daemon.ledger()) - recorded_before
        figures["dropped_while_state_full"] = len(more)
        figures["recorded_while_state_full"] = recorded_while_full
        if recorded_while_full == len(more):
            problems.append(f"all {len(more)} files were recorded with the state database's disk full: the scenario "
                            "never reached a refused write")
        elif "cannot record" not in daemon.log()[log_before:]:
            problems.append(f"{len(more) - recorded_while_full} files wait unrecorded, and the log does not say "
                            "that files cannot be recorded")
        for path in fillers:
            os.remove(path)
        freed = time.monotonic()
        problems += harness.wait_for_invariant(daemon, drops, 120)
        figures["state_full_seconds"] = round(freed - state_full_at, 1)
        figures["state_seconds_to_catch_up"] = round(time.monotonic() - freed, 2)
        daemon.terminate()
    except AssertionError as error:
        problems.append(str(error))
    finally:
        daemon.kill()
        for folder in (output, state):
            subprocess.call(["umount", folder])
    return harness.finish(problems, work, figures, options.json, lambda: (
        f"PASS: output full for {figures['seconds_full']} s: every file recorded, no partial output, "
        f"{figures['error_lines_while_full']} error lines; caught up {figures['seconds_to_catch_up']} s after space "
        f"returned.\n  first error: {figures.get('first_error')}\n"
        f"PASS: state database's disk full for {figures['state_full_seconds']} s: "
        f"{figures['recorded_while_state_full']} of {figures['dropped_while_state_full']} files recorded in space SQLite "
        f"had, the rest waited, nothing lost; all "
        f"recorded {figures['state_seconds_to_catch_up']} s after space returned"))


if __name__ == "__main__":
    sys.exit(main())
