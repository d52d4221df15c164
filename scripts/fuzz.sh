#!/usr/bin/env bash
# Runs libFuzzer on each named target of the newsdigest-fuzz binary for a fixed time and records what it did.
#
#   scripts/fuzz.sh BINARY SECONDS WORKDIR TARGET...
#
# Each target grows its own corpus in WORKDIR/corpus/TARGET, starting from the hand-written seeds in
# Tests/Fuzz/corpus/TARGET, the inputs that once crashed it in Tests/Fuzz/regressions/TARGET (and, for the
# text-reading targets, the example articles in ../shared/seeds, read in
# place so they never enter the repository). Crash, timeout and out-of-memory inputs land in
# WORKDIR/artifacts/TARGET/. WORKDIR/summary.md gets one table row per target: run time, executions, corpus size
# and result. The script runs every target, then exits 1 if any of them found something.
set -euo pipefail

binary=$1 seconds=$2 workdir=$3
shift 3
root="$(cd "$(dirname "$0")/.." && pwd)"
shared_seeds="$root/../shared/seeds"

# -timeout: an input taking 10 s is a hang, not a slow parser. -rss_limit_mb: well above what a 64 KiB input may
# legitimately cost, well below what would push the shared machine into swap. -max_len: inputs larger than 64 KiB
# add run time without reaching code that smaller ones cannot.
# -detect_leaks=0: the Swift runtime keeps metadata caches for the life of the process, which LeakSanitizer would
# report on every new type instantiation; the parsers own no manual allocations to leak.
options=(-max_len=65536 -timeout=10 -rss_limit_mb=2048 -detect_leaks=0 -print_final_stats=1)

mkdir -p "$workdir"
summary="$workdir/summary.md"
{
    echo "| Target | Seconds | Executions | Executions/s | Corpus files | Result |"
    echo "|---|---:|---:|---:|---:|---|"
} > "$summary"

failed=0
for target in "$@"; do
    corpus="$workdir/corpus/$target"
    artifacts="$workdir/artifacts/$target"
    log="$workdir/$target.log"
    mkdir -p "$corpus" "$artifacts"
    seeds=("$root/Tests/Fuzz/corpus/$target")
    # Inputs that once crashed a target run again first thing, every run (and so in CI's smoke pass).
    [ -d "$root/Tests/Fuzz/regressions/$target" ] && seeds+=("$root/Tests/Fuzz/regressions/$target")
    case $target in
        text | quotation | article | date) [ -d "$shared_seeds" ] && seeds+=("$shared_seeds") ;;
    esac

    echo "== fuzzing $target for $seconds s (log: $log)"
    status=0
    # The growing corpus comes first: libFuzzer writes new inputs only to the first folder.
    NEWSDIGEST_FUZZ_TARGET=$target nice -n 10 "$binary" "${options[@]}" -max_total_time="$seconds" \
        -artifact_prefix="$artifacts/" "$corpus" "${seeds[@]}" > "$log" 2>&1 || status=$?

    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    elapsed=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
    files=$(find "$corpus" -type f | wc -l)
    if [ "$status" = 0 ]; then
        result=ok
    else
        result="FAILED (exit $status): $(grep -m 1 -E '^==[0-9]+==ERROR|^SUMMARY|ERROR: libFuzzer' "$log" || true)"
        failed=1
    fi
    rate=-
    if [ -n "$executions" ] && [ -n "$elapsed" ] && [ "$elapsed" -gt 0 ]; then rate=$((executions / elapsed)); fi
    echo "| $target | ${elapsed:--} | ${executions:--} | $rate | $files | $result |" | tee -a "$summary"
    if [ "$status" != 0 ]; then
        tail -n 40 "$log"
        echo "   reproduce: NEWSDIGEST_FUZZ_TARGET=$target $binary $artifacts/<file>"
    fi
done

echo "== summary ($summary)"
cat "$summary"
exit $failed
