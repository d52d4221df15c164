"""Shared parts of the reliability scenarios: a daemon on a private drop folder, article files, and the invariant.

The invariant (issue 6), checked after every scenario:
  every file dropped is, exactly once, either in the archive with one ledger entry and its article in the
  outputs, or in failed/ with a readable reason; no digest, cluster or story file is partial or unparseable;
  no article is counted twice.

Only the standard library is used, so the scenarios run wherever python3 does.
"""

import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import time

OUTLETS = ["", "", "reuters", "apnews", "nypost"]  # "" drops at the inbox's top level
PLACES = ["northern", "coastal", "upland", "riverside", "eastern", "western", "southern", "central", "island",
          "valley", "harbour", "lakeside"]
THINGS = ["harbour", "council", "library", "bridge", "orchard", "festival", "railway", "museum", "hospital",
          "school", "market", "reservoir", "stadium", "theatre", "ferry", "tramway", "observatory", "garden"]
VERBS = ["approves", "delays", "funds", "reopens", "expands", "studies", "rejects", "extends", "renames", "inspects"]
PEOPLE = ["Maria Lopez", "John Carter", "Aiko Tanaka", "Peter Novak", "Grace Osei", "Liam Byrne", "Sofia Rossi",
          "Omar Haddad", "Ingrid Berg", "Tomas Silva"]
DAYS = ["2025-03-10", "2025-03-11", "2025-03-12", "2025-03-13", "2025-03-14"]


def article_text(rng, serial, day=None):
    """A small, distinct article: a title line, a date header and three sentences with a quotation."""
    place, thing, other = rng.choice(PLACES), rng.choice(THINGS), rng.choice(THINGS)
    verb, person, day = rng.choice(VERBS), rng.choice(PEOPLE), day or rng.choice(DAYS)
    votes = (rng.randint(3, 9), rng.randint(0, 4))
    return (
        f"title: The {place} {thing} board {verb} the {other} plan, case {serial}\n"
        f"date: {day}\n\n"
        f"Officials in the {place} district said the {thing} project number {serial} would go ahead after a vote "
        f"of {votes[0]} to {votes[1]}. Residents near the {other} asked for more notice before work begins, and a "
        f"survey of {100 + serial % 900} households is planned.\n\n"
        f"\"We listened to every objection and the plan is better for it,\" said {person}, who chairs the board.\n\n"
        f"The decision, recorded as case {serial * 7919}, follows months of debate about costs of "
        f"{rng.randint(2, 90)} million.\n"
    ).encode()


BAD_CONTENTS = [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,  # an image
    b"\x7fELF\x02\x01\x01\x00" + bytes(200),  # an executable
    b"",  # empty
]


class Drop:
    """One file the scenario dropped, and what must become of it."""

    def __init__(self, relative, content, kind):
        self.relative = relative  # path under the inbox, e.g. "reuters/a-1-7.txt"
        self.content = content
        self.kind = kind  # "article", "copy" (exact copy of an earlier drop) or "bad"

    @property
    def name(self):
        return os.path.basename(self.relative)


class Daemon:
    """newsdigest run, in WORK with its built-in layout WORK/var/{inbox,processing,archive,failed,output,state}."""

    def __init__(self, binary, work, env=None):
        self.binary = os.path.abspath(binary)
        self.work = work
        self.var = os.path.join(work, "var")
        self.log_path = os.path.join(work, "daemon.log")
        self.env = dict(os.environ, **(env or {}))
        self.process = None
        self.starts = 0
        self.preexec = None  # e.g. to drop root, as systemd's User= does

    def path(self, *parts):
        return os.path.join(self.var, *parts)

    def start(self, wait_ready=True):
        ready_lines = self.log().count("watching the inbox")
        log = open(self.log_path, "ab")
        self.process = subprocess.Popen([self.binary, "run"], cwd=self.work, stdout=log, stderr=log, env=self.env,
                                        preexec_fn=self.preexec)
        log.close()
        self.starts += 1
        if wait_ready:
            self.wait_for_log("watching the inbox", occurrences=ready_lines + 1, timeout=60)

    def wait_for_log(self, text, occurrences=1, timeout=30):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.log().count(text) >= occurrences:
                return
            if self.process and self.process.poll() is not None:
                raise AssertionError(f"the daemon exited with {self.process.returncode}:\n{self.log()[-3000:]}")
            time.sleep(0.01)
        raise AssertionError(f"no '{text}' in the log after {timeout} s:\n{self.log()[-3000:]}")

    def log(self):
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode("utf-8", "replace")
        except FileNotFoundError:
            return ""

    def kill(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait()

    def terminate(self, timeout=30):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            code = self.process.wait(timeout=timeout)
            if code != 0:
                raise AssertionError(f"SIGTERM: exit status {code}")

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def rss_kib(self, field="VmRSS"):
        """Resident memory now (VmRSS) or at its peak (VmHWM), in KiB."""
        with open(f"/proc/{self.process.pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        return 0

    def ledger(self):
        """Rows of the ledger as dicts; empty before the daemon made it."""
        database = self.path("state", "newsdigest.sqlite")
        if not os.path.exists(database):
            return []
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
        try:
            connection.row_factory = sqlite3.Row
            return [dict(row) for row in connection.execute(
                "SELECT relativePath, fileName, status, error, location, sha256, articleId FROM file")]
        finally:
            connection.close()

    def pending_days(self):
        database = self.path("state", "newsdigest.sqlite")
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
        try:
            return connection.execute("SELECT COUNT(*) FROM pendingDay").fetchone()[0]
        finally:
            connection.close()


def drop(daemon, item, staging, how):
    """Puts one file into the inbox the way users do: renamed in from elsewhere, or written in place."""
    target = daemon.path("inbox", item.relative)
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        os.makedirs(folder, exist_ok=True)
        # Owned like the inbox, as a member of the inbox's group would leave it, so the daemon may move files out.
        inbox = os.stat(daemon.path("inbox"))
        os.chown(folder, inbox.st_uid, inbox.st_gid)
    if how == "rename":
        temporary = os.path.join(staging, item.name)
        with open(temporary, "wb") as f:
            f.write(item.content)
        os.rename(temporary, target)
    else:  # written in place in two pieces, as a slow copier does
        half = len(item.content) // 2
        with open(target, "wb") as f:
            f.write(item.content[:half])
            f.flush()
            f.write(item.content[half:])


def make_drops(rng, count, tag, earlier):
    """`count` drops: mostly distinct articles, some exact copies of earlier ones, a few unreadable files."""
    drops = []
    for index in range(count):
        outlet = rng.choice(OUTLETS)
        roll = rng.random()
        candidates = [d for d in earlier + drops if d.kind == "article"]
        if roll < 0.05 and candidates:
            original = rng.choice(candidates)
            content, kind = original.content, "copy"
        elif roll < 0.08:
            content, kind = rng.choice(BAD_CONTENTS), "bad"
        else:
            content, kind = article_text(rng, rng.randrange(10**9)), "article"
        extension = ".txt" if kind != "bad" or rng.random() < 0.5 else ".html"
        name = f"{tag}-{index:05d}{extension}"
        drops.append(Drop(os.path.join(outlet, name) if outlet else name, content, kind))
    return drops


def files_under(folder):
    found = []
    for root, _dirs, files in os.walk(folder):
        found.extend(os.path.join(root, f) for f in files)
    return found


def check_outputs_whole(daemon):
    """No digest, cluster or story file is partial or unparseable. Returns the clusters by day."""
    problems, clusters = [], {}
    output = daemon.path("output")
    for path in files_under(output):
        name = os.path.basename(path)
        if name == "articles.jsonl":
            continue
        if name.startswith("."):
            continue  # a temporary file of an interrupted write: never read as output, swept at the next start
        with open(path, "rb") as f:
            data = f.read()
        if not data:
            problems.append(f"empty output file {path}")
        elif path.endswith(".json"):
            try:
                clusters[name[:-5]] = json.loads(data)
            except ValueError as error:
                problems.append(f"unparseable {path}: {error}")
        elif path.endswith(".md") and not data.endswith(b"\n"):
            problems.append(f"{path} does not end with a newline: partial?")
    return problems, clusters


def check_invariant(daemon, drops):
    """Returns a list of violations of the invariant; empty when it holds."""
    problems = []
    rows = daemon.ledger()
    by_path = {}
    for row in rows:
        by_path.setdefault(row["relativePath"], []).append(row)
    processed_contents = {}
    for item in drops:
        entries = by_path.pop(item.relative, [])
        if len(entries) != 1:
            problems.append(f"{item.relative}: {len(entries)} ledger entries")
            continue
        row = entries[0]
        location = row["location"]
        if item.kind == "bad":
            if row["status"] != "failed":
                problems.append(f"{item.relative}: unreadable file recorded as {row['status']}")
            if not location or not os.path.isfile(location):
                problems.append(f"{item.relative}: failed file not at {location}")
            elif not os.path.isfile(location + ".error") or os.path.getsize(location + ".error") == 0:
                problems.append(f"{item.relative}: no reason beside {location}")
        else:
            # Of identical contents, whichever was claimed first is processed; the others are recorded as copies.
            if row["status"] not in ("processed", "duplicate"):
                problems.append(f"{item.relative}: {row['status']} ({row['error']})")
            elif row["status"] == "processed":
                processed_contents[item.content] = processed_contents.get(item.content, 0) + 1
            if not location or not os.path.isfile(location):
                problems.append(f"{item.relative}: archived original not at {location}")
            else:
                with open(location, "rb") as f:
                    if f.read() != item.content:
                        problems.append(f"{item.relative}: archived copy differs from what was dropped")
    for path, entries in by_path.items():
        problems.append(f"ledger entry for a file never dropped: {path} ({len(entries)})")
    for content in {d.content for d in drops if d.kind != "bad"}:
        if processed_contents.get(content, 0) != 1:
            problems.append(f"{processed_contents.get(content, 0)} files processed for one content "
                            f"({content[:40]!r}): an article counted twice or lost")

    # Each file is in exactly one place: nothing left in the inbox or the processing area, no extra copies.
    leftovers = [p for p in files_under(daemon.path("inbox")) + files_under(daemon.path("processing"))]
    problems.extend(f"left behind: {p}" for p in leftovers)
    archived = files_under(daemon.path("archive"))
    failed = [p for p in files_under(daemon.path("failed")) if not p.endswith(".error")]
    expected_archived = sum(1 for d in drops if d.kind != "bad")
    expected_failed = sum(1 for d in drops if d.kind == "bad")
    if len(archived) != expected_archived:
        problems.append(f"{len(archived)} files in the archive, expected {expected_archived}")
    if len(failed) != expected_failed:
        problems.append(f"{len(failed)} files in failed/, expected {expected_failed}")

    output_problems, clusters = check_outputs_whole(daemon)
    problems.extend(output_problems)
    listed = {}
    originals = 0
    for day in clusters.values():
        for story in day["stories"]:
            for article in story["articles"]:
                listed[article["file"]] = listed.get(article["file"], 0) + 1
                if "duplicate_of" not in article:
                    originals += 1
    for item in drops:
        times = listed.pop(item.name, 0)
        if item.kind == "bad" and times:
            problems.append(f"{item.name}: a failed file is listed in a digest")
        elif item.kind != "bad" and times != 1:
            problems.append(f"{item.name}: listed {times} times in clusters/")
    problems.extend(f"listed but never dropped: {name}" for name in listed)
    # Articles are counted once: the digests' headers add up to the distinct articles.
    distinct = len({d.content for d in drops if d.kind != "bad"})
    counted = 0
    for path in files_under(daemon.path("output", "digests")):
        with open(path, encoding="utf-8") as f:
            match = re.search(r"^(\d+) articles? ·", f.read(), re.M)
        counted += int(match.group(1)) if match else 0
    if counted != originals:
        problems.append(f"digest headers count {counted} articles, clusters/ lists {originals} originals")
    if originals > distinct:
        problems.append(f"{originals} original articles listed for {distinct} distinct contents")
    return problems


def wait_for_invariant(daemon, drops, timeout):
    """Polls until the invariant holds (the daemon is still catching up until then); returns the last violations."""
    deadline = time.monotonic() + timeout
    problems = ["not finished in time: ledger rows, days to render or files in the processing area remain"]
    while time.monotonic() < deadline:
        try:
            # The cheap signs of being done first; the whole check reads every output file.
            if (len(daemon.ledger()) < len(drops) or daemon.pending_days() > 0
                    or files_under(daemon.path("processing"))):
                if not daemon.alive():
                    break
                time.sleep(0.2)
                continue
            problems = check_invariant(daemon, drops)
        except (sqlite3.Error, OSError, ValueError) as error:  # read while the daemon writes; try again
            problems = [f"{type(error).__name__}: {error}"]
        if not problems:
            return []
        if not daemon.alive():
            return [f"the daemon died: exit {daemon.process.returncode}"] + problems
        time.sleep(0.2)
    return problems


def finish(problems, work, figures, json_path, success):
    """Writes the figures, prints the verdict, and removes the work folder when the scenario passed; returns the
    exit status."""
    if json_path:
        with open(json_path, "w") as f:
            json.dump(figures, f, indent=2)
    for problem in problems[:30]:
        print(f"FAIL: {problem}")
    if problems:
        print(f"work folder kept: {work}")
        return 1
    shutil.rmtree(work, ignore_errors=True)
    print(success())
    return 0


def median(values):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def percentile(values, fraction):
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def seeded_random(seed):
    return random.Random(seed)
