#!/usr/bin/env python3
"""`make bench` and `make bench-smoke`: throughput, latency and growth of newsdigest, beside its peers.

    python3 scripts/bench.py BINDIR [--smoke] [--only analysis,dedup,pipeline,e2e,latency,growth] [--rounds N]
        [--latency-seconds S]

BINDIR holds the release `newsdigest` and `newsdigest-bench`. The corpus is built at run time under var/bench/
(git-ignored) from ../shared/eval/packs, or from ../shared/seeds when the packs are absent; nothing derived from
the packs is ever written inside the repository's tracked files. The peers (trafilatura, datasketch, sumy) are
installed from PyPI into var/bench-venv. Every figure is the median of `--rounds` runs, and every ratio is ours
over the peer's, measured pair by pair in the same round. docs/PERFORMANCE.md explains the method and the figures.
"""

import argparse
import base64
import email.utils
import gzip
import json
import os
import quopri
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, datetime, timedelta

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(REPO), "shared")
PACKS = os.path.join(SHARED, "eval", "packs")
SCORER = os.path.join(SHARED, "eval", "score.py")
WORK = os.path.join(REPO, "var", "bench")
VENV = os.path.join(REPO, "var", "bench-venv")
PEERS = os.path.join(REPO, "scripts", "bench_peers.py")
PEER_PACKAGES = ["trafilatura", "datasketch", "sumy"]

# The day the generated articles start on; any fixed day keeps runs comparable.
FIRST_DAY = date(2024, 1, 1)


def log(message):
    print(message, file=sys.stderr, flush=True)


def median(values):
    return statistics.median(values) if values else None


# MARK: - Corpus


def read_text(path):
    data = open(path, "rb").read()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    return data


def pack_files(pack, limit=None):
    folder = os.path.join(PACKS, pack, "inputs")
    if not os.path.isdir(folder):
        return []
    names = sorted(os.listdir(folder))
    return [os.path.join(folder, n) for n in names[:limit]]


class Article:
    """A text article split into the parts the variant generator changes."""

    HEADER = re.compile(r"^(date|by|source|url) ")

    def __init__(self, text):
        lines = text.replace("\r\n", "\n").split("\n")
        self.title = lines[0].strip()
        self.headers = []
        index = 1
        while index < len(lines) and self.HEADER.match(lines[index]):
            self.headers.append(lines[index])
            index += 1
        body = "\n".join(lines[index:])
        self.paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
        self.time = "12:00:00"
        for header in self.headers:
            found = re.match(r"date \S+[ T](\d\d:\d\d:\d\d)", header)
            if found:
                self.time = found.group(1)

    def text(self, title, day, paragraphs):
        headers = [h for h in self.headers if not h.startswith("date ")]
        return "\n".join([title, f"date {day.isoformat()} {self.time}"] + headers) + "\n\n" + "\n\n".join(paragraphs) + "\n"


# A capitalised word after a lower-case word or a comma: a name in running text, not a sentence start.
NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]{2,}\b")


class VariantGenerator:
    """Articles made from real ones: paragraphs reordered (the lead stays first), names swapped for names from other
    articles, the date shifted. Each variant differs in its text, not only in its bytes, so the content hash never
    folds it, and near-duplicate folding only when the same base lands within a few days with few changes."""

    def __init__(self, bases, seed=7):
        self.bases = [Article(t) for t in bases if t.strip()]
        counts = {}
        for article in self.bases:
            for name in NAME.findall(" ".join(article.paragraphs)):
                counts[name] = counts.get(name, 0) + 1
        self.pool = sorted(n for n, c in counts.items() if c >= 2) or ["Alice", "Bob", "Carol"]
        self.seed = seed

    def variant(self, index, day):
        """The index-th variant, dated `day`; the same index always gives the same text."""
        rng = random.Random(self.seed * 1_000_003 + index)
        base = self.bases[index % len(self.bases)]
        paragraphs = list(base.paragraphs)
        rest = paragraphs[1:]
        rng.shuffle(rest)
        paragraphs = paragraphs[:1] + rest
        names = sorted(set(NAME.findall(" ".join(paragraphs))))
        swaps = {name: rng.choice(self.pool) for name in rng.sample(names, min(6, len(names)))}
        title = base.title
        if swaps:
            pattern = re.compile(r"\b(" + "|".join(map(re.escape, swaps)) + r")\b")
            paragraphs = [pattern.sub(lambda m: swaps[m.group(1)], p) for p in paragraphs]
            title = pattern.sub(lambda m: swaps[m.group(1)], title)
        return base.text(title, day, paragraphs)

    def write(self, folder, first, count, day_of, suffix=".txt"):
        """Writes variants first..first+count-1 into `folder`; `day_of(index)` dates each. Returns the names."""
        os.makedirs(folder, exist_ok=True)
        names = []
        for index in range(first, first + count):
            name = f"v{index:07d}{suffix}"
            with open(os.path.join(folder, name), "w") as out:
                out.write(self.variant(index, day_of(index)))
            names.append(name)
        return names


def eml_message(article_text, index):
    """A newsletter around a real article: half plain quoted-printable, half multipart/alternative with an HTML
    part and a base64 plain part, as mail clients send them."""
    article = Article(article_text)
    day = FIRST_DAY
    for header in article.headers:
        found = re.match(r"date (\d{4}-\d\d-\d\d)", header)
        if found:
            day = date.fromisoformat(found.group(1))
    sent = email.utils.format_datetime(datetime(day.year, day.month, day.day, 8, 30))
    plain = "\n\n".join(article.paragraphs) + "\n"
    subject = article.title.encode("ascii", "replace").decode()
    head = (
        f"From: Daily Briefing <briefing{index % 7}@news.example>\nTo: reader@example.org\nSubject: {subject}\n"
        f"Date: {sent}\nMessage-ID: <bench-{index}@news.example>\nMIME-Version: 1.0\n"
    )
    if index % 2 == 0:
        body = quopri.encodestring(plain.encode()).decode()
        return head + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n" + body
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in article.paragraphs) + "<p>Unsubscribe</p></body></html>"
    boundary = f"=_bench_{index}"
    encoded = base64.encodebytes(plain.encode()).decode()
    return (
        head + f'Content-Type: multipart/alternative; boundary="{boundary}"\n\n'
        f"--{boundary}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{encoded}\n"
        f"--{boundary}\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{html}\n"
        f"--{boundary}--\n"
    )


def html_page(article_text, index):
    """A page around an article, with navigation and footer chrome (only for the fallback corpus without packs)."""
    article = Article(article_text)
    paragraphs = "".join(f"<p>{p}</p>" for p in article.paragraphs)
    return (
        f"<!doctype html><html><head><title>{article.title} | Example News</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{article.title}</h1>"
        f"{paragraphs}</article><footer>© Example News {index}</footer></body></html>"
    )


class Corpus:
    """The folders every measurement reads, built under var/bench/corpus."""

    def __init__(self, smoke):
        self.root = os.path.join(WORK, "corpus")
        shutil.rmtree(self.root, ignore_errors=True)
        self.have_packs = os.path.isdir(PACKS)
        limit = 40 if smoke else None
        if self.have_packs:
            texts = [read_text(p) for p in pack_files("summaries-cnn", limit) + pack_files("stories-duc2004", limit)]
            pages = pack_files("body-zyte", 10 if smoke else None) + pack_files("dates-htmldate", 10 if smoke else None)
        else:
            texts = [read_text(os.path.join(SHARED, "seeds", n)) for n in sorted(os.listdir(os.path.join(SHARED, "seeds")))]
            pages = []
        self.txt = self.folder("txt")
        for path in (p for p in pack_files("summaries-cnn", limit) + pack_files("stories-duc2004", limit)) if self.have_packs else []:
            shutil.copy(path, self.txt)
        if not self.have_packs:
            for index, text in enumerate(texts):
                open(os.path.join(self.txt, f"seed{index}.txt"), "wb").write(text)
        self.html = self.folder("html")
        for path in pages:
            name = os.path.basename(path)
            open(os.path.join(self.html, name[:-3] if name.endswith(".gz") else name), "wb").write(read_text(path))
        if not pages:
            for index, text in enumerate(texts):
                open(os.path.join(self.html, f"page{index}.html"), "w").write(html_page(text.decode(), index))
        # body-zyte alone, compressed as in the pack, for the F1 of both extractors.
        self.zyte = self.folder("zyte")
        for path in pack_files("body-zyte", 10 if smoke else None):
            shutil.copy(path, self.zyte)
        # Variants rather than the packs' own texts are the base of the mail set, so it has the CNN header lines.
        cnn = [read_text(p).decode("utf-8", "replace") for p in pack_files("summaries-cnn", limit)] or [
            t.decode("utf-8", "replace") for t in texts
        ]
        self.generator = VariantGenerator(cnn)
        self.eml = self.folder("eml")
        count = 40 if smoke else 1000
        for index in range(count):
            text = self.generator.variant(index, FIRST_DAY + timedelta(days=index // 100))
            open(os.path.join(self.eml, f"m{index:05d}.eml"), "w").write(eml_message(text, index))
        # Near-duplicate sets: variants of few bases, so some are close copies and most are not.
        self.dedup = self.folder("dedup")
        self.generator.write(self.dedup, 0, 200 if smoke else 5000, lambda i: FIRST_DAY)

    def folder(self, name):
        path = os.path.join(self.root, name)
        os.makedirs(path, exist_ok=True)
        return path


# MARK: - Running things


def run_json(command, pin_core=None):
    if pin_core is not None:
        command = ["taskset", "-c", str(pin_core)] + command
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {result.stderr.strip()[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def ensure_venv():
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        log(f"installing the peers into {VENV} ...")
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q"] + PEER_PACKAGES, check=True)
    versions = subprocess.run(
        [python, "-c", "import importlib.metadata as m; print({p: m.version(p) for p in " + repr(PEER_PACKAGES) + "})"],
        capture_output=True, text=True, check=True).stdout.strip()
    return python, versions


def score_f1(jsonl):
    result = subprocess.run(
        [sys.executable, SCORER, os.path.join(PACKS, "body-zyte"), jsonl, "--metric", "f1"],
        capture_output=True, text=True, check=True)
    return float(result.stdout.strip())


class Daemon:
    """`newsdigest run` on a folder tree of its own; READY is read from a NOTIFY_SOCKET like systemd's."""

    def __init__(self, binary, root, state=None, output=None, keep=False):
        self.root = root
        if not keep:
            shutil.rmtree(root, ignore_errors=True)
        self.inbox = os.path.join(root, "inbox")
        self.output = output or os.path.join(root, "output")
        self.state = state or os.path.join(root, "state")
        self.stage = os.path.join(root, "stage")
        for folder in (self.inbox, self.output, self.state, self.stage):
            os.makedirs(folder, exist_ok=True)
        self.binary = binary
        self.process = None

    def start(self):
        socket_path = os.path.join(self.root, "notify.sock")
        if os.path.exists(socket_path):
            os.unlink(socket_path)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        listener.bind(socket_path)
        environment = dict(os.environ, NOTIFY_SOCKET=socket_path, NEWSDIGEST_INTAKE_RESCAN_INTERVAL_SECONDS="0")
        environment.pop("JOURNAL_STREAM", None)
        began = time.monotonic()
        self.log = open(os.path.join(self.root, "daemon.log"), "ab")
        self.process = subprocess.Popen(
            [self.binary, "run", "--inbox", self.inbox, "--output", self.output, "--state-dir", self.state],
            env=environment, stdout=self.log, stderr=self.log)
        listener.settimeout(300)
        while True:
            message = listener.recv(4096).decode()
            if "READY=1" in message.split("\n"):
                break
        self.ready_seconds = time.monotonic() - began
        self.listener = listener  # keep it open: the daemon keeps sending status and watchdog pings
        threading.Thread(target=self.drain_notifications, daemon=True).start()
        return self.ready_seconds

    def drain_notifications(self):
        try:
            while True:
                self.listener.recv(4096)
        except OSError:
            pass

    def peak_rss_mb(self):
        for line in open(f"/proc/{self.process.pid}/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return None

    def cpu_seconds(self):
        fields = open(f"/proc/{self.process.pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=120)
        self.listener.close()
        self.log.close()

    def ledger(self, sql):
        database = sqlite3.connect(f"file:{self.state}/newsdigest.sqlite?mode=ro", uri=True, timeout=10)
        try:
            return database.execute(sql).fetchall()
        finally:
            database.close()


FILE_KEY = re.compile(rb'"file": ?("(?:[^"\\]|\\.)*")')

# Names the scanning process has reported, kept in that process between calls.
_scanned_names = set()


def scan_new_names(path):
    """In the scanning process: the names a clusters file version lists that no version scanned before listed.

    Every "file" key names a member of the day (summary and quotation sources are members too); scanning for them is
    far quicker than parsing a busy day's 15 MB, and only names not seen before are decoded."""
    with open(path, "rb") as file:
        text = file.read()
    new = set(FILE_KEY.findall(text)) - _scanned_names
    _scanned_names.update(new)
    return [json.loads(raw) for raw in new]


class DigestWatcher:
    """Notes when each file first appears in a clusters/*.json, polling the folder's modification times.

    The poll only opens each new version of a file (a rename puts every version in place, so an open one keeps its
    content) and notes its inode's change time, which is when the daemon renamed it into place; a separate process
    reads and scans it. Scanning a large day's 17 MB takes about 0.1 s, and done in the polling thread it held the
    interpreter so long that versions written meanwhile were never opened: their files were credited to a later
    version, and the p99 read up to 100 ms high. The scan still takes CPU the daemon could use, as any reader would."""

    def __init__(self, output, interval=0.005):
        from concurrent.futures import ProcessPoolExecutor
        self.folder = os.path.join(output, "clusters")
        self.interval = interval
        self.seen = {}
        self.mtimes = {}
        self.pending = []
        self.running = True
        # Forked before the polling thread starts; one worker, so its set of names seen persists between scans.
        self.scanner = ProcessPoolExecutor(max_workers=1)
        self.scanner.submit(len, "").result()
        # Digests already written are not read: only files written from now on can list the new files.
        for name in os.listdir(self.folder) if os.path.isdir(self.folder) else []:
            self.mtimes[name] = os.stat(os.path.join(self.folder, name)).st_mtime_ns
        self.thread = threading.Thread(target=self.loop, daemon=True)
        self.thread.start()

    def loop(self):
        while self.running:
            self.poll()
            time.sleep(self.interval)

    def poll(self):
        now = time.monotonic()
        try:
            names = os.listdir(self.folder)
        except FileNotFoundError:
            return
        for name in names:
            if not name.endswith(".json"):
                continue
            path = os.path.join(self.folder, name)
            try:
                mtime = os.stat(path).st_mtime_ns
            except FileNotFoundError:
                continue
            if self.mtimes.get(name) == mtime:
                continue
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            status = os.fstat(fd)
            self.mtimes[name] = status.st_mtime_ns
            appeared = min(now, status.st_ctime_ns / 1e9 + (time.monotonic() - time.time()))
            future = self.scanner.submit(scan_new_names, f"/proc/{os.getpid()}/fd/{fd}")
            self.pending.append((future, fd, appeared))
        self.collect()

    def collect(self, wait=False):
        """Takes in the scans that finished, in the order their versions were written, and closes their files."""
        while self.pending and (wait or self.pending[0][0].done()):
            future, fd, appeared = self.pending.pop(0)
            for name in future.result():
                self.seen.setdefault(name, appeared)
            os.close(fd)

    def stop(self):
        """Stops polling after a last look, and waits for every scan."""
        self.running = False
        self.thread.join()
        self.poll()
        self.collect(wait=True)
        self.scanner.shutdown()


def drop_and_wait(daemon, names, timeout=3600):
    """Moves the staged `names` into the inbox at once and waits until every one is listed in a digest (or failed).
    Returns (seconds from the first drop to the last digest listing them, files failed, daemon CPU seconds)."""
    watcher = DigestWatcher(daemon.output, interval=0.02)
    cpu_before = daemon.cpu_seconds()
    began = time.monotonic()
    for name in names:
        os.rename(os.path.join(daemon.stage, name), os.path.join(daemon.inbox, name))
    wanted = set(names)
    failed = set()
    while time.monotonic() - began < timeout:
        time.sleep(0.05)
        missing = wanted - watcher.seen.keys()
        if len(missing) <= len(wanted) // 20 or len(missing) < 50:
            failed = {n for n in missing if os.path.exists(os.path.join(daemon.root, "failed", n))}
            if not (missing - failed):
                break
    watcher.stop()
    missing = wanted - watcher.seen.keys() - failed
    if missing:
        raise RuntimeError(f"{len(missing)} files never reached a digest, e.g. {sorted(missing)[:3]}")
    finished = max(watcher.seen[n] for n in wanted - failed)
    return finished - began, len(failed), daemon.cpu_seconds() - cpu_before


# MARK: - Measurements


def measure_analysis(binary, corpus, python, rounds, seconds, smoke):
    """(1) One core: our extraction per format, and trafilatura on the same HTML pages, alternating."""
    results = {}
    bench = os.path.join(binary, "newsdigest-bench")
    for name, folder in [("txt", corpus.txt), ("html", corpus.html), ("eml", corpus.eml)]:
        ours, peer, ratios = [], [], []
        for round_index in range(rounds):
            report = run_json([bench, "analyze", "--seconds", str(seconds), folder], pin_core=0)
            ours.append(report)
            if name == "html" and python:
                theirs = run_json([python, PEERS, "trafilatura", folder, "--seconds", str(seconds)], pin_core=0)
                peer.append(theirs)
                ratios.append(report["articles_per_s"] / theirs["pages_per_s"])
            log(f"  analysis {name} round {round_index + 1}: {report['articles_per_s']:.0f} articles/s"
                + (f", trafilatura {peer[-1]['pages_per_s']:.1f} pages/s" if peer else ""))
        results[name] = {
            "files": ours[0]["files"], "failed": ours[0]["failed"],
            "articles_per_s": median([r["articles_per_s"] for r in ours]),
            "mb_per_s": median([r["mb_per_s"] for r in ours]),
            "runs_articles_per_s": [round(r["articles_per_s"], 1) for r in ours],
        }
        if peer:
            results[name]["trafilatura_pages_per_s"] = median([r["pages_per_s"] for r in peer])
            results[name]["ratio"] = median(ratios)
            results[name]["runs_ratio"] = [round(r, 1) for r in ratios]
    # The scorer counts every page of the pack, so a smoke run's ten pages would give a meaningless F1.
    if not smoke and os.listdir(corpus.zyte) and os.path.isdir(PACKS):
        ours_jsonl = os.path.join(WORK, "zyte-ours.jsonl")
        run_json([bench, "analyze", "--seconds", "0", "--jsonl", ours_jsonl, corpus.zyte])
        results["body_zyte_f1"] = {"newsdigest": score_f1(ours_jsonl), "files": len(os.listdir(corpus.zyte))}
        if python:
            theirs_jsonl = os.path.join(WORK, "zyte-trafilatura.jsonl")
            run_json([python, PEERS, "trafilatura", corpus.zyte, "--seconds", "0", "--jsonl", theirs_jsonl])
            results["body_zyte_f1"]["trafilatura"] = score_f1(theirs_jsonl)
    return results


def measure_dedup(binary, corpus, python, rounds, seconds):
    """Near-duplicate detection on one core: ours against datasketch's MinHashLSH, same bodies, alternating."""
    ours, peer, ratios = [], [], []
    for round_index in range(rounds):
        report = run_json([os.path.join(binary, "newsdigest-bench"), "dedup", "--seconds", str(seconds), corpus.dedup],
                          pin_core=0)
        ours.append(report)
        if python:
            theirs = run_json([python, PEERS, "minhash", corpus.dedup, "--seconds", str(seconds)], pin_core=0)
            peer.append(theirs)
            ratios.append(report["articles_per_s"] / theirs["articles_per_s"])
        log(f"  dedup round {round_index + 1}: {report['articles_per_s']:.0f} articles/s"
            + (f", datasketch {peer[-1]['articles_per_s']:.0f}" if peer else ""))
    result = {"files": ours[0]["files"], "folded": ours[0]["folded"],
              "articles_per_s": median([r["articles_per_s"] for r in ours])}
    if peer:
        result.update({"datasketch_articles_per_s": median([r["articles_per_s"] for r in peer]),
                       "datasketch_folded": peer[0]["folded"], "ratio": median(ratios),
                       "runs_ratio": [round(r, 1) for r in ratios]})
    return result


def end_to_end_once(binary, generator, count, tag):
    """(2) `count` variant articles, 1,000 a day, dropped into a fresh running daemon at once."""
    daemon = Daemon(os.path.join(binary, "newsdigest"), os.path.join(WORK, "e2e-" + tag))
    names = generator.write(daemon.stage, 0, count, lambda i: FIRST_DAY + timedelta(days=i // 1000))
    daemon.start()
    try:
        seconds, failed, cpu = drop_and_wait(daemon, names)
        rss = daemon.peak_rss_mb()
    finally:
        daemon.stop()
    return {"seconds": seconds, "articles_per_s": count / seconds, "failed": failed, "cpu_seconds": cpu,
            "peak_rss_mb": rss}


def measure_pipeline(binary, corpus, python, rounds, count, python_limit):
    """(2) end to end on both cores, and the Python pipeline on the same files in the same round."""
    ours, peer, ratios = [], [], []
    peer_folder = os.path.join(WORK, "pipeline-files")
    shutil.rmtree(peer_folder, ignore_errors=True)
    # The same variants as the daemon's first `python_limit` files (the Python pipeline takes minutes per 10,000).
    corpus.generator.write(peer_folder, 0, min(count, python_limit), lambda i: FIRST_DAY + timedelta(days=i // 1000))
    for round_index in range(rounds):
        report = end_to_end_once(binary, corpus.generator, count, "txt")
        ours.append(report)
        if python:
            theirs = run_json([python, PEERS, "pipeline", peer_folder])
            peer.append(theirs)
            ratios.append(report["articles_per_s"] / theirs["articles_per_s"])
        log(f"  end to end round {round_index + 1}: {report['articles_per_s']:.0f} articles/s in {report['seconds']:.2f} s"
            + (f", Python pipeline {peer[-1]['articles_per_s']:.1f} articles/s" if peer else ""))
    result = {"files": count, "articles_per_s": median([r["articles_per_s"] for r in ours]),
              "seconds": median([r["seconds"] for r in ours]), "cpu_seconds": median([r["cpu_seconds"] for r in ours]),
              "peak_rss_mb": median([r["peak_rss_mb"] for r in ours]), "failed": ours[0]["failed"],
              "runs_articles_per_s": [round(r["articles_per_s"], 1) for r in ours]}
    if peer:
        result.update({"python_files": peer[0]["files"],
                       "python_articles_per_s": median([r["articles_per_s"] for r in peer]),
                       "ratio": median(ratios), "runs_ratio": [round(r, 1) for r in ratios]})
    return result


def measure_latency(binary, generator, rate, seconds):
    """(3) files dropped one by one at a steady `rate` per second, all of one day; drop → listed in its digest."""
    daemon = Daemon(os.path.join(binary, "newsdigest"), os.path.join(WORK, "latency"))
    count = int(rate * seconds)
    names = generator.write(daemon.stage, 0, count, lambda i: FIRST_DAY)
    daemon.start()
    watcher = DigestWatcher(daemon.output)
    dropped = {}
    try:
        began = time.monotonic()
        for index, name in enumerate(names):
            due = began + index / rate
            pause = due - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            dropped[name] = time.monotonic()
            os.rename(os.path.join(daemon.stage, name), os.path.join(daemon.inbox, name))
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(watcher.seen.keys() & dropped.keys()) < count:
            time.sleep(0.05)
        rss = daemon.peak_rss_mb()
    finally:
        watcher.stop()
        daemon.stop()
    if os.environ.get("BENCH_LATENCY_DUMP"):
        with open(os.environ["BENCH_LATENCY_DUMP"], "w") as dump:
            json.dump([(watcher.seen.get(n, 0) - dropped[n]) * 1000 for n in names], dump)
    latencies = sorted((watcher.seen[n] - dropped[n]) * 1000 for n in names if n in watcher.seen)
    if len(latencies) < count:
        raise RuntimeError(f"only {len(latencies)} of {count} files reached a digest")
    quarter = len(latencies) // 4

    def percentile(values, p):
        return values[min(len(values) - 1, int(p / 100 * len(values)))]

    return {"rate": rate, "files": count, "p50_ms": percentile(latencies, 50), "p99_ms": percentile(latencies, 99),
            "max_ms": latencies[-1], "peak_rss_mb": rss,
            # Each render re-clusters the whole day, so the later files of one day wait longer than the first ones.
            "p99_first_quarter_ms": percentile(sorted((watcher.seen[n] - dropped[n]) * 1000 for n in names[:quarter]), 99),
            "p99_last_quarter_ms": percentile(sorted((watcher.seen[n] - dropped[n]) * 1000 for n in names[-quarter:]), 99)}


def measure_growth(binary, generator, levels, probe, per_day, rounds, root=None, resume=False):
    """(4) State with each level's number of articles (1,000 a day, filled with `newsdigest ingest` in batches),
    then: READY time, and `probe` new articles dropped into the running daemon on the next day: wall and CPU time
    per article, and peak RSS. The probe's rows are removed afterwards so every round sees the same state.

    With `resume`, the state already in `root` is kept and filling goes on from the variant after the last one it
    holds: filling a million articles takes hours, and an interrupted fill need not start again."""
    newsdigest = os.path.join(binary, "newsdigest")
    # Absolute: the daemon is given NOTIFY_SOCKET inside it, and sd_notify ignores a relative path.
    root = os.path.abspath(root or os.path.join(WORK, "growth"))
    state, output = os.path.join(root, "state"), os.path.join(root, "output")
    if resume:
        filled = filled_variants(state)
        log(f"  growth: resuming with {filled} variants filled")
    else:
        shutil.rmtree(root, ignore_errors=True)
        filled = 0
    os.makedirs(state, exist_ok=True)
    results = []
    batch_size = 20_000
    # Probes use variants far past the state's, so their text differs from every article in state.
    probe_first = 50_000_000
    for level in levels:
        began = time.monotonic()
        while filled < level:
            count = min(batch_size, level - filled)
            batch = os.path.join(root, "batch")
            shutil.rmtree(batch, ignore_errors=True)
            generator.write(batch, filled, count, lambda i: FIRST_DAY + timedelta(days=i // per_day))
            subprocess.run([newsdigest, "ingest", "--output", output, "--state-dir", state, batch], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            filled += count
            log(f"  growth: {filled} articles in state ({time.monotonic() - began:.0f} s)")
        fill_seconds = time.monotonic() - began
        probe_day = FIRST_DAY + timedelta(days=(filled - 1) // per_day + 1)
        rounds_out = []
        for round_index in range(rounds):
            daemon = Daemon(newsdigest, os.path.join(root, "daemon"), state=state, output=output)
            names = generator.write(daemon.stage, probe_first, probe, lambda i: probe_day)
            last_article, last_file = daemon.ledger("SELECT MAX(id) FROM article")[0][0], daemon.ledger("SELECT MAX(id) FROM file")[0][0]
            ready = daemon.start()
            rss_at_ready = daemon.peak_rss_mb()
            try:
                seconds, failed, cpu = drop_and_wait(daemon, names)
                rss = daemon.peak_rss_mb()
            finally:
                daemon.stop()
            forget_probe(state, output, last_article, last_file, probe_day)
            rounds_out.append({"ready_s": ready, "seconds": seconds, "cpu_seconds": cpu, "rss_ready_mb": rss_at_ready,
                               "peak_rss_mb": rss})
            log(f"  growth {level}: READY {ready:.3f} s, {probe} articles in {seconds:.2f} s "
                f"({cpu:.2f} s CPU), peak RSS {rss:.0f} MB")
        database = os.path.join(state, "newsdigest.sqlite")
        results.append({
            "articles_in_state": filled, "fill_seconds": fill_seconds,
            "database_mb": sum(os.path.getsize(database + s) for s in ("", "-wal") if os.path.exists(database + s)) / 1e6,
            "ready_s": median([r["ready_s"] for r in rounds_out]),
            "ms_per_article": median([r["seconds"] for r in rounds_out]) / probe * 1000,
            "cpu_ms_per_article": median([r["cpu_seconds"] for r in rounds_out]) / probe * 1000,
            "peak_rss_mb": median([r["peak_rss_mb"] for r in rounds_out]),
            "rss_at_ready_mb": median([r["rss_ready_mb"] for r in rounds_out]),
            "probe": probe, "rounds": rounds_out,
        })
    return results


def filled_variants(state):
    """One past the highest variant index the state's ledger holds (variants are named v<index>.txt), or 0."""
    database_path = os.path.join(state, "newsdigest.sqlite")
    if not os.path.exists(database_path):
        return 0
    database = sqlite3.connect(database_path, timeout=30)
    try:
        row = database.execute("SELECT MAX(fileName) FROM file WHERE fileName GLOB 'v[0-9][0-9][0-9][0-9][0-9][0-9][0-9].txt'").fetchone()
    finally:
        database.close()
    return int(row[0][1:-4]) + 1 if row and row[0] else 0


def forget_probe(state, output, last_article, last_file, probe_day):
    """Removes what a growth probe added, so the next round and level start from the same state."""
    database = sqlite3.connect(os.path.join(state, "newsdigest.sqlite"), timeout=30)
    with database:
        database.execute("PRAGMA foreign_keys = ON")
        database.execute("DELETE FROM file WHERE id > ?", (last_file or 0,))
        database.execute("DELETE FROM storyArticle WHERE articleId > ?", (last_article or 0,))
        database.execute("DELETE FROM article WHERE id > ?", (last_article or 0,))
        database.execute("DELETE FROM story WHERE day >= ?", (probe_day.isoformat(),))
        database.execute("DELETE FROM pendingDay")
        # The stories the daemon kept when it stopped (schema v6): the probe day's would be the next round's.
        if database.execute("SELECT 1 FROM sqlite_master WHERE name = 'keptStory'").fetchone():
            database.execute("DELETE FROM keptStory WHERE day >= ?", (probe_day.isoformat(),))
        # The counts the daemon keeps as it records (schema v5): set back to what the remaining rows say.
        if database.execute("SELECT 1 FROM sqlite_master WHERE name = 'tally'").fetchone():
            database.execute("DELETE FROM dayCount WHERE day >= ?", (probe_day.isoformat(),))
            database.execute("DELETE FROM tally")
            database.execute("INSERT INTO tally (name, value) SELECT status, COUNT(*) FROM file GROUP BY status")
            database.execute("INSERT INTO tally (name, value) SELECT 'articles', COUNT(*) FROM article")
    database.close()
    for folder, suffix in (("digests", ".md"), ("clusters", ".json")):
        path = os.path.join(output, folder, probe_day.isoformat() + suffix)
        if os.path.exists(path):
            os.unlink(path)


def machine():
    model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    memory = next((int(l.split()[1]) // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    return {"nproc": os.cpu_count(), "cpu": model, "memory_mb": memory, "load": os.getloadavg()}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bindir")
    parser.add_argument("--smoke", action="store_true", help="a tiny run for CI (seconds, no peers)")
    parser.add_argument("--only", default="analysis,dedup,pipeline,latency,growth")
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--growth-levels", default="1000,10000,100000,1000000")
    parser.add_argument("--latency-seconds", type=float, default=30,
                        help="how long the steady stream lasts; past 60 s it meets the exact renders a stream still gets")
    parser.add_argument("--growth-root", help="the growth state's folder (default var/bench/growth)")
    parser.add_argument("--growth-resume", action="store_true",
                        help="keep the growth state and fill on from it instead of starting again")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--report", default=os.path.join(WORK, "report.json"))
    args = parser.parse_args()
    parts = set(args.only.split(","))
    smoke = args.smoke
    rounds = args.rounds or (1 if smoke else 3)
    os.makedirs(WORK, exist_ok=True)
    report = {"machine": machine(), "smoke": smoke, "rounds": rounds, "started": datetime.now().isoformat()}
    python = None
    if not smoke and not args.no_peers:
        python, report["peers"] = ensure_venv()
    log("building the corpus ...")
    corpus = Corpus(smoke)
    if "analysis" in parts:
        log("(1) analysis throughput on one core")
        report["analysis"] = measure_analysis(args.bindir, corpus, python, rounds, 0.3 if smoke else 3.0, smoke)
    if "dedup" in parts:
        log("near-duplicate detection on one core")
        report["dedup"] = measure_dedup(args.bindir, corpus, python, rounds, 0.3 if smoke else 3.0)
    if "pipeline" in parts:
        log("(2) end to end on both cores")
        report["end_to_end"] = measure_pipeline(
            args.bindir, corpus, python, rounds, 300 if smoke else 10_000, 100 if smoke else 1000)
    if "latency" in parts:
        log("(3) latency from drop to digest at 100 files/s")
        report["latency"] = measure_latency(args.bindir, corpus.generator, 100, 2 if smoke else args.latency_seconds)
    if "growth" in parts:
        log("(4) growth")
        levels = [200, 1000] if smoke else [int(x) for x in args.growth_levels.split(",")]
        report["growth"] = measure_growth(args.bindir, corpus.generator, levels, 100 if smoke else 1000, 1000,
                                          1 if smoke else rounds, args.growth_root, args.growth_resume)
    report["finished"] = datetime.now().isoformat()
    with open(args.report, "w") as out:
        json.dump(report, out, indent=2)
    print(json.dumps(report, indent=2))
    log(f"report written to {args.report}")


if __name__ == "__main__":
    sys.exit(main())
