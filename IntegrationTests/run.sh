#!/usr/bin/env bash
# Drives the built newsdigest binary through its real interfaces on a temporary drop folder.
# Usage: IntegrationTests/run.sh /path/to/newsdigest
set -u
BIN=$(realpath "${1:?usage: run.sh /path/to/newsdigest}")
HERE=$(cd "$(dirname "$0")" && pwd)
SEEDS=${NEWSDIGEST_SEEDS:-$HERE/../../shared/seeds}
WORK=$(mktemp -d /tmp/newsdigest-it.XXXXXX)
DAEMON_PID=
passed=0
failed=0

cleanup() {
    [ -n "$DAEMON_PID" ] && kill -9 "$DAEMON_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

check() { # check NAME COMMAND...
    local name=$1
    shift
    if "$@"; then
        echo "PASS: $name"
        passed=$((passed + 1))
    else
        echo "FAIL: $name"
        failed=$((failed + 1))
    fi
}

# Waits up to $1 seconds (in 20 ms steps) for the command that follows to succeed.
wait_for() {
    local limit=$1
    shift
    local deadline=$(($(date +%s%N) + limit * 1000000000))
    until "$@" 2>/dev/null; do
        [ "$(date +%s%N)" -gt "$deadline" ] && return 1
        sleep 0.02
    done
}

start_daemon() {
    (cd "$WORK" && exec "$BIN" run >>"$WORK/daemon.log" 2>&1) &
    DAEMON_PID=$!
    wait_for 10 grep -q "watching the inbox" "$WORK/daemon.log"
}

stop_daemon() {
    kill -TERM "$DAEMON_PID"
    wait "$DAEMON_PID"
    local code=$?
    DAEMON_PID=
    return $code
}

ledger_count() { sqlite3 "$WORK/var/state/newsdigest.sqlite" "SELECT COUNT(*) FROM file" 2>/dev/null || echo 0; }

if [ ! -d "$SEEDS" ]; then
    echo "FAIL: the seed articles are missing at $SEEDS"
    echo "0 passed, 1 failed"
    exit 1
fi

# 1. The README's first command, with built-in defaults: ./var under the working directory.
check "daemon starts on ./var with built-in defaults" start_daemon
check "it made the local layout" test -d "$WORK/var/inbox" -a -d "$WORK/var/output" -a -d "$WORK/var/state"

# 2. Copying the seeds produces the day's digest and clusters within a second.
started=$(date +%s%N)
cp "$SEEDS"/*.txt "$WORK/var/inbox/"
check "seeds reach the 2025-03-14 digest within a second" \
    wait_for 1 test -s "$WORK/var/output/clusters/2025-03-14.json" -a -s "$WORK/var/output/digests/2025-03-14.md"
elapsed_ms=$((($(date +%s%N) - started) / 1000000))
echo "      (seeds to digest: ${elapsed_ms} ms)"
wait_for 5 grep -q '"duplicate_of"\|"articles"' "$WORK/var/output/clusters/2025-03-14.json"
one_story_two_sources() {
    python3 - "$WORK/var/output/clusters/2025-03-14.json" <<'PY'
import json, sys
day = json.load(open(sys.argv[1]))
stories = day["stories"]
assert len(stories) == 1, stories
assert len(stories[0]["articles"]) == 2, stories[0]["articles"]
assert len(stories[0]["outlets"]) == 2
PY
}
check "one story with two sources" wait_for 5 one_story_two_sources
check "digest lists both sources with links to the archived originals" \
    bash -c "grep -c '](../../archive/' '$WORK/var/output/digests/2025-03-14.md' | grep -qx 2"
check "both originals are archived" bash -c "ls '$WORK'/var/archive/*/ | grep -c '\.txt$' | grep -qx 2"
check "index lists the day" grep -q "digests/2025-03-14.md" "$WORK/var/output/index.md"

# 3. A malformed file goes to failed/ with a reason while the next good file is processed.
printf '\x00\x01\x02binary' >"$WORK/photo.txt"
mv "$WORK/photo.txt" "$WORK/var/inbox/"
printf 'title: Harbour plan approved\ndate: 2025-03-15\n\nThe council approved the harbour plan on Saturday.\n' >"$WORK/good.txt"
mv "$WORK/good.txt" "$WORK/var/inbox/"
check "bad file is quarantined with a readable reason" wait_for 5 grep -q "binary" "$WORK/var/failed/photo.txt.error"
check "next good file is processed" wait_for 5 test -s "$WORK/var/output/digests/2025-03-15.md"

# 4. status reports the daemon and its counters.
check "status shows the running daemon" bash -c "cd '$WORK' && '$BIN' status | grep -q 'is running'"
check "status --json counts four files" bash -c "cd '$WORK' && '$BIN' status --json | grep -q '\"files\" : 4\|\"files\": 4'"

# 5. SIGTERM stops it cleanly, and a restart processes nothing again.
check "SIGTERM exits 0" stop_daemon
before=$(ledger_count)
start_daemon >/dev/null
sleep 1
after=$(ledger_count)
check "restart processes nothing again ($before ledger rows before, $after after)" test "$before" = "$after" -a "$before" = 4
stop_daemon

# 6. Configuration errors name the key and exit non-zero.
printf 'intake:\n  settle_secnds: 2\n' >"$WORK/bad.yaml"
check "check-config names the unknown key" bash -c "'$BIN' check-config --config '$WORK/bad.yaml' | grep -q 'intake.settle_secnds'"
check "check-config exits non-zero on a bad file" bash -c "! '$BIN' check-config --config '$WORK/bad.yaml' >/dev/null"
check "run refuses a bad configuration with one line" \
    bash -c "! '$BIN' run --config '$WORK/bad.yaml' 2>'$WORK/err' && test \$(wc -l <'$WORK/err') -eq 1"

# 7. ingest: a one-shot backfill that leaves the inputs in place.
mkdir -p "$WORK/backfill/nypost"
cp "$SEEDS"/*.txt "$WORK/backfill/"
check "ingest exits 0" "$BIN" ingest --output "$WORK/out2" --state-dir "$WORK/state2" "$WORK/backfill"
check "ingest writes the digest" test -s "$WORK/out2/digests/2025-03-14.md"
check "ingest leaves the inputs where they are" test "$(ls "$WORK/backfill" | grep -c txt)" = 2
"$BIN" ingest --output "$WORK/backfill/out" --state-dir "$WORK/backfill/state" "$WORK/backfill" >/dev/null 2>&1
"$BIN" ingest --output "$WORK/backfill/out" --state-dir "$WORK/backfill/state" "$WORK/backfill" >/dev/null 2>&1
check "ingest never reads its own state or outputs inside the folder it ingests" \
    test "$(sqlite3 "$WORK/backfill/state/newsdigest.sqlite" "SELECT COUNT(*) FROM file WHERE status = 'failed'")" = 0

# 8. analyze reads a file without touching any state.
check "analyze prints the date and its source" bash -c "'$BIN' analyze '$SEEDS/001_9cb5e36296cee54c.txt' | grep -q '2025-03-14 (from embed)'"
check "analyze --json prints one JSON line per file" \
    bash -c "'$BIN' analyze --json '$SEEDS'/*.txt | python3 -c 'import json,sys; rows=[json.loads(l) for l in sys.stdin]; assert len(rows)==2 and all(r[\"published\"]==\"2025-03-14\" for r in rows)'"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
