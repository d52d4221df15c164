#!/usr/bin/env python3
"""Scores newsdigest on the evaluation packs in ../shared/eval and writes docs/QUALITY.md.

    scripts/eval.py BINARY [--check] [--packs NAME ...]

Runs `BINARY ingest` on every development pack through shared/eval/run.py (the one scorer), puts our numbers beside
the anchors of shared/eval/ANCHORS.md (the peers scored by the same scorer on the same files), and with --check
exits 1 when a score falls below its floor in scripts/eval-floors.json. Nothing from the packs is written into the
repository: only the scores.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EVAL = os.path.join(os.path.dirname(ROOT), "shared", "eval")

# pack, metric key in the scorer's report, label, best anchor (name, value), target from the issues.
METRICS = [
    ("body-zyte", "f1", "main-text shingle F1", ("rs-trafilatura / trafilatura", "0.969 / 0.963"), 0.97),
    ("dates-htmldate", "accuracy", "publication-day accuracy", ("htmldate extensive", "0.894"), 0.93),
    ("quotes-ggt", "quote_f1", "quotation F1 (overlap ≥ 0.3)", ("GGT rule-based [published]", "0.837"), 0.85),
    ("quotes-ggt", "speaker_acc", "speaker accuracy", ("GGT rule-based [published]", "0.865"), 0.88),
    ("ner-conll", "micro_f1", "entity mention micro F1", ("train-lexicon baseline", "0.688"), 0.80),
    ("summaries-cnn", "rouge1_f_gold", "ROUGE-1 F against the extractive gold", ("Lead-3", "0.466"), 0.48),
    ("stories-duc2004", "bcubed_f1", "story B³ F1", ("TF-IDF single-pass, tuned", "0.797"), 0.95),
    ("stories-duc2004", "rouge1_recall", "story summary ROUGE-1 recall (100 words)", ("DPP", "0.393"), 0.40),
    ("headlines-uci", "bcubed_f1", "story B³ F1", ("TF-IDF single-pass, tuned", "0.809"), 0.85),
]


def find(report, key):
    """The first value stored under `key` anywhere in the report."""
    if isinstance(report, dict):
        if key in report and isinstance(report[key], (int, float)):
            return report[key]
        for value in report.values():
            found = find(value, key)
            if found is not None:
                return found
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--check", action="store_true", help="fail when a score is below its floor")
    parser.add_argument("--packs", nargs="*", help="only these packs")
    args = parser.parse_args()
    if not os.path.isdir(EVAL):
        print(f"no evaluation packs at {EVAL}; skipping the quality evaluation")
        return 0
    packs = sorted({m[0] for m in METRICS if not args.packs or m[0] in args.packs})
    binary = os.path.abspath(args.binary)
    with tempfile.TemporaryDirectory() as work:
        reports_path = os.path.join(work, "reports.json")
        command = f"{binary} ingest --output {{out}} --state-dir {{state}} {{inbox}} 2>/dev/null"
        subprocess.run(
            [sys.executable, os.path.join(EVAL, "run.py"), "--cmd", command, "--json", reports_path]
            + [os.path.join(EVAL, "packs", p) for p in packs], check=False)
        with open(reports_path, encoding="utf-8") as fh:
            results = {r["pack"]: r for r in json.load(fh)}
    with open(os.path.join(HERE, "eval-floors.json"), encoding="utf-8") as fh:
        floors = json.load(fh)
    rows, failures = [], []
    for pack, key, label, (anchor, anchor_value), target in METRICS:
        if pack not in results:
            continue
        value = find(results[pack].get("report", {}), key)
        floor = floors.get(f"{pack}/{key}")
        shown = "—" if value is None else f"{value:.3f}"
        rows.append(
            f"| {pack} | {label} | **{shown}** | {anchor}: {anchor_value} | {target:.2f} | "
            f"{'' if floor is None else f'{floor:.2f}'} | {results[pack].get('files_per_second', '')} |")
        if floor is not None and (value is None or value < floor):
            failures.append(f"{pack} {key}: {shown} is below the floor {floor}")
    table = "\n".join(
        ["| pack | metric | newsdigest | best anchor (same files, same scorer) | target | CI floor | files/s |",
         "|---|---|---|---|---|---|---|"] + rows)
    if not args.packs:
        path = os.path.join(ROOT, "docs", "QUALITY.md")
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        start, end = text.index("<!-- scores -->"), text.index("<!-- /scores -->")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text[:start] + "<!-- scores -->\n" + table + "\n" + text[end:])
    print(table)
    for failure in failures:
        print("BELOW FLOOR:", failure)
    return 1 if args.check and failures else 0


if __name__ == "__main__":
    sys.exit(main())
