#!/usr/bin/env python3
"""Bad inputs, dropped while good files keep flowing: the daemon stays up and keeps processing the good files.

Every hostile item must end exactly once in failed/ with a readable reason (or, where the content is merely odd,
be processed); every good file must be processed and listed once. The daemon runs as an unprivileged user, as it
does under systemd, so that a file it may not read is really unreadable to it.

  bad_inputs.py BINARY [--append-seconds 30] [--json figures.json]
"""

import argparse
import gzip
import json
import os
import pwd
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import zlib

import harness

MIB = 1024 * 1024


def gzip_bomb(expanded_bytes):
    """A gzip stream of `expanded_bytes` zeros, built in chunks so that it never sits in memory."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = bytes(16 * MIB)
    parts = []
    for _ in range(expanded_bytes // len(chunk)):
        parts.append(compressor.compress(chunk))
    parts.append(compressor.flush())
    return b"".join(parts)


def mime(boundary_declared, boundary_used, body_part):
    return (
        "From: Harbour Gazette <news@gazette.example>\r\nSubject: Ferry timetable changes\r\n"
        "Date: Tue, 11 Mar 2025 08:00:00 +0000\r\nMIME-Version: 1.0\r\n"
        f"Content-Type: multipart/alternative; boundary=\"{boundary_declared}\"\r\n\r\n"
        f"--{boundary_used}\r\n{body_part}\r\n--{boundary_used}--\r\n"
    ).encode()


def hostile_items(rng):
    """(relative name, bytes or a maker, expected status or None for either) for each hostile input."""
    good_text = harness.article_text(rng, 424242)
    items = [
        ("empty.txt", b"", "failed"),
        ("photo.txt", harness.BAD_CONTENTS[0], "failed"),
        ("program.html", harness.BAD_CONTENTS[1], "failed"),
        ("invalid-utf8.txt", good_text.replace(b"board", b"bo\xff\xfeard"), "processed"),
        ("mixed-encodings.txt",
         good_text + "Caf\u00e9 cr\u00e8me, na\u00efve.\n".encode("utf-8") + "Caf\u00e9 d\u00e9j\u00e0.\n".encode("latin-1"),
         "processed"),
        ("too-large.txt", b"a" * (10 * MIB + 1), "failed"),
        ("one-long-line.txt", (b"The council met again and the vote was put off once more " * 175_000)[:10_000_000],
         None),
        ("deep.html", b"<html><body>" + b"<div>" * 100_000 + b"The harbour plan was approved." + b"</div>" * 100_000
         + b"</body></html>", None),
        ("only-scripts.html", b"<html><head><script>var a = 1;</script></head><body><script>"
         + b"document.write('x');" * 500 + b"</script></body></html>", "failed"),
        ("broken-boundary.eml", mime("abc123", "zzz999", "Content-Type: text/plain\r\n\r\nThe ferry runs hourly."),
         None),
        ("bad-base64.eml", mime("b1", "b1", "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                                "VGhlIGZlcnJ5!!!@@@ not base64 at all ===="), None),
        ("bomb.txt.gz", lambda: gzip_bomb(2048 * MIB), "failed"),
        ("truncated.txt.gz", gzip.compress(good_text * 20)[:300], "failed"),
        ("name\nwith newline.txt", harness.article_text(rng, 1), "processed"),
        ("name \"with\" 'quotes'.txt", harness.article_text(rng, 2), "processed"),
        (b"latin1-\xe9t\xe9.txt", harness.article_text(rng, 3), "processed"),
    ]
    return items


def wait_until_inbox_empty(inbox, timeout):
    deadline = time.monotonic() + timeout
    while harness.files_under(inbox) and time.monotonic() < deadline:
        time.sleep(0.1)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--append-seconds", type=float, default=30)
    parser.add_argument("--json")
    options = parser.parse_args()
    rng = harness.seeded_random(6)
    work = tempfile.mkdtemp(prefix="newsdigest-bad.")
    os.chmod(work, 0o755)
    env = {}
    preexec = None
    if os.getuid() == 0:
        # As under systemd: not root, so permissions mean something.
        nobody = pwd.getpwnam("nobody")
        os.chown(work, nobody.pw_uid, nobody.pw_gid)

        def preexec():
            os.setgroups([])
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
    daemon = harness.Daemon(os.path.abspath(options.binary), work, env)
    daemon.preexec = preexec
    staging = tempfile.mkdtemp(prefix="staging.", dir=work)
    results, problems, rss = [], [], 0
    good = []
    stop_good = threading.Event()

    def keep_good_files_flowing():
        while not stop_good.is_set():
            serial = len(good) + 1
            item = harness.Drop(f"good/good-{serial:04d}.txt", harness.article_text(rng, 900_000 + serial), "article")
            harness.drop(daemon, item, staging, "rename")
            good.append((item, time.monotonic()))
            time.sleep(0.1)

    try:
        daemon.start()
        inbox = daemon.path("inbox")
        flow = threading.Thread(target=keep_good_files_flowing)
        flow.start()

        expected = {}  # inbox-relative bytes name -> expected status (None: processed or failed)
        for name, content, status in hostile_items(rng):
            raw = name if isinstance(name, bytes) else name.encode()
            data = content() if callable(content) else content
            temporary = os.path.join(staging.encode(), b"item")
            with open(temporary, "wb") as f:
                f.write(data)
            os.rename(temporary, os.path.join(inbox.encode(), raw))
            expected[raw] = status

        # Things that are not regular files.
        os.mkfifo(os.path.join(inbox, "pipe.txt"))
        expected[b"pipe.txt"] = "failed"
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(os.path.join(inbox, "socket.txt"))
        expected[b"socket.txt"] = "failed"
        os.symlink("/etc/shadow", os.path.join(inbox, "shadow.txt"))
        expected[b"shadow.txt"] = "failed"
        os.mkdir(os.path.join(inbox, "looks-like-a-file.txt"))  # a folder: an outlet's folder, not a file
        # A file the daemon may not read.
        secret = os.path.join(staging, "secret.txt")
        with open(secret, "wb") as f:
            f.write(harness.article_text(rng, 5))
        os.chmod(secret, 0)
        os.rename(secret, os.path.join(inbox, "unreadable.txt"))
        expected[b"unreadable.txt"] = "failed" if os.getuid() == 0 else None

        # Deleted between its event and its claim: the daemon is stopped while files arrive and half of them are
        # deleted again, so their events are queued for files that are gone when it claims them.
        vanished = []
        daemon.process.send_signal(signal.SIGSTOP)
        for index in range(40):
            path = os.path.join(inbox, f"vanishing-{index}.txt")
            with open(path, "wb") as f:
                f.write(harness.article_text(rng, 700 + index))
            if index % 2:
                os.unlink(path)
                vanished.append(f"vanishing-{index}.txt".encode())
            else:
                expected[f"vanishing-{index}.txt".encode()] = "processed"
        daemon.process.send_signal(signal.SIGCONT)

        # Appended to for a while by a writer that keeps it open: claimed only once complete.
        appended_name = b"growing.txt"
        appended = bytearray(b"title: The long council meeting\ndate: 2025-03-12\n\n")
        with open(os.path.join(inbox, "growing.txt"), "wb") as growing:
            growing.write(appended)
            growing.flush()
            began = time.monotonic()
            line = 0
            while time.monotonic() - began < options.append_seconds:
                line += 1
                text = f"At minute {line} the council was still debating the harbour plan.\n".encode()
                growing.write(text)
                growing.flush()
                appended += text
                time.sleep(1)
        expected[appended_name] = "processed"

        # The inbox itself removed and recreated, once the daemon has taken every file out of it (files still in an
        # inbox a user deletes are the user's to lose), while good files go on arriving into the new one.
        stop_good.set()
        flow.join()
        wait_until_inbox_empty(inbox, timeout=60)
        shutil.rmtree(inbox)
        time.sleep(0.5)
        os.makedirs(inbox, exist_ok=True)
        if os.getuid() == 0:
            os.chown(inbox, pwd.getpwnam("nobody").pw_uid, pwd.getpwnam("nobody").pw_gid)
        stop_good.clear()
        flow = threading.Thread(target=keep_good_files_flowing)
        flow.start()
        time.sleep(3)
        stop_good.set()
        flow.join()

        # Wait until nothing is left to do: the inbox and the processing area empty, every day rendered, and the
        # ledger unchanged for two seconds.
        deadline, last, stable_since = time.monotonic() + 180, -1, time.monotonic()
        while time.monotonic() < deadline and daemon.alive():
            count = len(daemon.ledger())
            if count != last:
                last, stable_since = count, time.monotonic()
            waiting = harness.files_under(inbox) + harness.files_under(daemon.path("processing"))
            if not waiting and daemon.pending_days() == 0 and time.monotonic() - stable_since > 2:
                break
            time.sleep(0.25)
        if not daemon.alive():
            problems.append(f"the daemon died: exit {daemon.process.returncode}")
        rows = daemon.ledger()
        by_name = {}
        for row in rows:
            by_name.setdefault(row["relativePath"], []).append(row)
        for raw, status in expected.items():
            key = raw.decode("utf-8", "replace")
            entries = by_name.pop(key, [])
            if len(entries) != 1:
                problems.append(f"{raw!r}: {len(entries)} ledger entries")
                continue
            row = entries[0]
            reason = ""
            if row["status"] == "failed":
                error_file = (row["location"] or "") + ".error"
                if not os.path.lexists(row["location"] or ""):
                    problems.append(f"{raw!r}: not in failed/ ({row['location']})")
                if not os.path.isfile(error_file):
                    problems.append(f"{raw!r}: no reason beside it")
                else:
                    with open(error_file, encoding="utf-8", errors="replace") as f:
                        reason = f.read().splitlines()[-1]
            elif not os.path.isfile(row["location"] or ""):
                problems.append(f"{raw!r}: processed but not archived at {row['location']}")
            if status and row["status"] != status:
                problems.append(f"{raw!r}: {row['status']}, expected {status} ({row['error']})")
            results.append({"file": key, "status": row["status"], "reason": reason})
            if raw == appended_name and row["status"] == "processed":
                with open(row["location"], "rb") as f:
                    if f.read() != bytes(appended):
                        problems.append("growing.txt was claimed before its writer finished")
        for raw in vanished:
            if by_name.pop(raw.decode(), None):
                problems.append(f"{raw!r} was deleted by the user before the claim, yet is recorded")
        # Good files: every one processed, once.
        for item, _ in good:
            entries = by_name.pop(item.relative, [])
            if len(entries) != 1 or entries[0]["status"] not in ("processed", "duplicate"):
                problems.append(f"good file {item.relative}: {len(entries)} ledger entries "
                                f"{[e['status'] for e in entries]}")
        for name, entries in by_name.items():
            problems.append(f"unexpected ledger entry {name!r}: {entries[0]['status']}")
        output_problems, _ = harness.check_outputs_whole(daemon)
        problems.extend(output_problems)
        rss = daemon.rss_kib() if daemon.alive() else 0
        daemon.terminate()
    except AssertionError as error:
        problems.append(str(error))
    finally:
        daemon.kill()
    for result in results:
        print(f"  {result['file']!r:40} {result['status']:10} {result['reason'][:110]}")
    print(f"{len(good)} good files dropped alongside, every 0.1 s; daemon RSS at the end {rss} KiB")
    if options.json:
        with open(options.json, "w") as f:
            json.dump({"items": results, "good": len(good), "problems": problems}, f, indent=2)
    for problem in problems:
        print(f"FAIL: {problem}")
    if problems:
        print(f"work folder kept: {work}")
        return 1
    shutil.rmtree(work, ignore_errors=True)
    print("PASS: every bad input was handled once, with a reason, and the good files kept flowing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
