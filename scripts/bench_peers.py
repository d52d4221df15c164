#!/usr/bin/env python3
"""The peers of `make bench`, timed in-process like newsdigest-bench; run with the bench virtual environment.

    bench_peers.py trafilatura DIR [--jsonl OUT] [--seconds S]   main text and date of every HTML page
    bench_peers.py minhash DIR [--seconds S]                     datasketch MinHashLSH near-duplicate detection
    bench_peers.py pipeline DIR [--limit N]                      trafilatura + datasketch + sumy LexRank, per file

Files are read (and .gz pages decompressed) before the clock starts; each mode prints one JSON object.
"""

import argparse
import gzip
import json
import os
import re
import sys
import time


def load(directory):
    files = []
    for name in sorted(os.listdir(directory)):
        if name.startswith("."):
            continue
        with open(os.path.join(directory, name), "rb") as handle:
            data = handle.read()
        if name.endswith(".gz"):
            data = gzip.decompress(data)
            name = name[:-3]
        files.append((name, data))
    return files


def timed(seconds, one_pass):
    """Runs one_pass until `seconds` have passed; returns (passes, elapsed)."""
    start = time.perf_counter()
    passes = 0
    while True:
        one_pass()
        passes += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return passes, elapsed


def html_text(data):
    """trafilatura's main text and date, as a user of the library would ask for them."""
    import trafilatura

    document = trafilatura.bare_extraction(data.decode("utf-8", "replace"), with_metadata=True)
    if document is None:
        return "", None
    # trafilatura 2 returns a Document; older releases a dict.
    if isinstance(document, dict):
        return document.get("text") or "", document.get("date")
    return document.text or "", document.date


def body_text(name, data):
    """The article text a user's pipeline would start from: trafilatura for pages, the file itself for text."""
    if name.endswith((".html", ".htm")):
        return html_text(data)[0]
    return data.decode("utf-8", "replace")


WORD = re.compile(r"\w+")


def shingles(text, length=4):
    """Word 4-gram shingles, as newsdigest's NearDuplicateDetector uses."""
    words = WORD.findall(text.lower())
    return {" ".join(words[i : i + length]).encode() for i in range(max(0, len(words) - length + 1))}


class MinHashDetector:
    """datasketch MinHashLSH set up like newsdigest's detector: 64 permutations in 16 bands of 4, threshold 0.8."""

    def __init__(self):
        from datasketch import MinHashLSH

        self.lsh = MinHashLSH(num_perm=64, params=(16, 4))
        self.signatures = {}
        self.count = 0

    def add(self, text):
        """Returns the key of an earlier text this one copies, or None; then indexes it."""
        from datasketch import MinHash

        grams = shingles(text)
        key = str(self.count)
        self.count += 1
        if len(grams) < 22:  # newsdigest never folds texts under 25 words
            return None
        signature = MinHash(num_perm=64)
        signature.update_batch(list(grams))
        original = None
        for candidate in self.lsh.query(signature):
            if self.signatures[candidate].jaccard(signature) >= 0.8:
                original = candidate
                break
        self.lsh.insert(key, signature)
        self.signatures[key] = signature
        return original


class RegexTokenizer:
    """sumy's Tokenizer without nltk's punkt data (not downloadable offline): sentences end at . ! ? before a
    capital, words are \\w+ runs. Simpler and faster than punkt, so the peer's figure is if anything flattered."""

    SENTENCE = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])")

    language = "english"

    def to_sentences(self, paragraph):
        return [s.strip() for s in self.SENTENCE.split(paragraph) if s.strip()]

    def to_words(self, sentence):
        return WORD.findall(sentence)


def lexrank_summary(text, sentences=3):
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    parser = PlaintextParser.from_string(text, RegexTokenizer())
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return [str(s) for s in summarizer(parser.document, sentences)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["trafilatura", "minhash", "pipeline"])
    parser.add_argument("directory")
    parser.add_argument("--jsonl")
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    files = load(args.directory)
    if args.limit:
        files = files[: args.limit]
    size = sum(len(data) for _, data in files)

    if args.mode == "trafilatura":
        results = [html_text(data) for _, data in files]  # warm-up, and the output for --jsonl
        if args.jsonl:
            with open(args.jsonl, "w") as out:
                for (name, _), (text, date) in zip(files, results):
                    out.write(json.dumps({"file": name + ".gz", "published": date, "body": text}) + "\n")
        passes, elapsed = timed(args.seconds, lambda: [html_text(data) for _, data in files])
        report = {"pages_per_s": len(files) * passes / elapsed, "mb_per_s": size * passes / elapsed / 1e6}
    elif args.mode == "minhash":
        bodies = [body_text(name, data) for name, data in files]
        folded = []

        def one_pass():
            detector = MinHashDetector()
            folded[:] = [detector.add(body) for body in bodies]

        passes, elapsed = timed(args.seconds, one_pass)
        report = {"articles_per_s": len(files) * passes / elapsed, "folded": sum(1 for f in folded if f is not None)}
    else:
        # What a user would wire together: per file, the text (trafilatura for pages), a near-duplicate check, and
        # a three-sentence LexRank summary of each new article.
        lexrank_summary("Warm up the imports. This is a sentence. And another one here.")
        start = time.perf_counter()
        detector = MinHashDetector()
        summaries = 0
        for name, data in files:
            text = body_text(name, data)
            if detector.add(text) is None and text.strip():
                lexrank_summary(text)
                summaries += 1
        elapsed = time.perf_counter() - start
        passes = 1
        report = {"articles_per_s": len(files) / elapsed, "summarised": summaries}
    report.update({"mode": args.mode, "files": len(files), "passes": passes, "seconds": elapsed})
    print(json.dumps(report))


if __name__ == "__main__":
    sys.exit(main())
