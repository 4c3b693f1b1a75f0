#!/usr/bin/env bash
# Console start-up: wall time from launching `vigil` to its window's first paint, under Xvfb.
#
#   bench/startup/run.sh [VIGIL=build/vigil] [RUNS=7]
#
# The console logs the moment its window is first painted (ui/startup_probe.cpp, enabled with
# QT_LOGGING_RULES=vigil.ui.startup.debug=true); this script notes the wall clock just before it
# starts the binary and reports the difference. Cases: "first run" (an empty HOME each time, so the
# data directory and app.db are created) and "next runs" (the same HOME again), in English and Korean.
# The page painted is the one the console opens on (Overview); dashboards (issue 8) are not there yet.
# No peer: Prometheus has no console to compare with. Writes the section between the startup markers
# of bench/RESULTS.md. Every process started here is stopped by its PID.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
VIGIL=$(realpath "${1:-$ROOT/build/vigil}")
RUNS=${2:-7}

if [ -z "${VIGIL_BENCH_IN_XVFB:-}" ]; then
    export VIGIL_BENCH_IN_XVFB=1
    exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$0" "$VIGIL" "$RUNS"
fi

WORK=$(mktemp -d)
PID=
cleanup() {
    if [ -n "$PID" ] && kill "$PID" 2>/dev/null; then wait "$PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# One start: prints the milliseconds from launch to first paint, and the console's own share.
start_once() {  # HOME LANG
    local home=$1 lang=$2 log=$WORK/log port t0 line
    port=$((20000 + RANDOM % 30000))
    t0=$(date +%s%3N)
    HOME=$home XDG_RUNTIME_DIR=$WORK QT_LOGGING_RULES="vigil.ui.startup.debug=true" \
        "$VIGIL" --lang="$lang" --web.listen-address="127.0.0.1:$port" 2>"$log" &
    PID=$!
    for _ in $(seq 200); do
        line=$(grep -m1 "first page painted" "$log" || true)
        [ -n "$line" ] && break
        sleep 0.05
    done
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    PID=
    [ -n "$line" ] || { echo "no first paint within 10 s; log:" >&2; cat "$log" >&2; exit 1; }
    local epoch console
    epoch=$(sed -E 's/.*epoch_ms=([0-9]+).*/\1/' <<<"$line")
    console=$(sed -E 's/.*console_ms=([0-9]+).*/\1/' <<<"$line")
    echo "$((epoch - t0)) $console"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
maxof() { sort -n | tail -1; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
start_once "$WORK/warmup" en >/dev/null  # page cache: libraries and fonts
rows=""
for lang in en ko; do
    first=() next=() firstc=() nextc=()
    for i in $(seq "$RUNS"); do
        read -r t c < <(start_once "$WORK/first-$lang-$i" "$lang"); first+=("$t"); firstc+=("$c")
        read -r t c < <(start_once "$WORK/first-$lang-$i" "$lang"); next+=("$t"); nextc+=("$c")
    done
    rows+="| $lang, first run (empty data directory) | $(printf '%s\n' "${first[@]}" | median) | $(printf '%s\n' "${first[@]}" | maxof) | $(printf '%s\n' "${firstc[@]}" | median) |
| $lang, next runs | $(printf '%s\n' "${next[@]}" | median) | $(printf '%s\n' "${next[@]}" | maxof) | $(printf '%s\n' "${nextc[@]}" | median) |
"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

section="<!-- startup:begin -->
## Console start-up to the first page painted (bench/startup)

Command: \`bench/startup/run.sh build/vigil $RUNS\` — $(date -u '+%Y-%m-%d %H:%M') UTC, Release build, Xvfb 1280x800,
load average $load_before before, $load_after after (2 cores shared with other builds).
Wall time from launching \`vigil\` to the end of its window's first paint (the Overview page; the dashboards
of issue 8 are not built yet, so this is not yet \"first dashboard painted with data\"). $RUNS starts per row,
after one warm-up start; \"console\" is the part after \`runConsole()\` began (the rest is process start,
dynamic linking and static initialisation).

| case | median ms | max ms | console median ms |
|---|---|---|---|
${rows}
Goal (issue 13): under 1 s to the first dashboard.
<!-- startup:end -->"
echo "$section"

results=$ROOT/bench/RESULTS.md
if grep -q "<!-- startup:begin -->" "$results"; then
    awk -v s="$section" '/<!-- startup:begin -->/ {print s; skip=1; next} /<!-- startup:end -->/ {skip=0; next} !skip' \
        "$results" >"$WORK/r" && cat "$WORK/r" >"$results"
else
    printf '\n%s\n' "$section" >>"$results"
fi
