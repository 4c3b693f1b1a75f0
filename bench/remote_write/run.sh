#!/usr/bin/env bash
# Remote-write throughput and CPU per sample: Vigil vs Prometheus 2.42, both scraping the same targets and
# writing to the same VictoriaMetrics in the same run (each adds writer="vigil|prometheus" with
# write_relabel_configs so the receiver keeps the two streams apart).
#
#   bench/remote_write/run.sh [VIGIL=build/vigil] [TARGETS=4] [SERIES_PER_TARGET=5000] [SECONDS=30]
#
# Phases, each process measured from /proc/<pid>/stat (utime+stime):
#  1. scraping only (no remote_write) for SECONDS: baseline CPU/s;
#  2. SIGHUP with remote_write added; after 15 s warm-up, SECONDS of steady state: samples sent/s
#     (prometheus_remote_storage_samples_total, the same name in both) and CPU/s; CPU per sample sent =
#     (CPU/s with remote write - baseline CPU/s) / samples sent/s;
#  3. the receiver stopped for SECONDS, then restarted: catch-up — the highest samples/s over 5 s windows
#     and the time until the queue sends at the ingest rate again with its pending samples back near their
#     steady-state value ("-": not within 180 s). (Vigil's highest_timestamp_in_seconds is the newest
#     sample *read from the WAL*, so a lag from it understates Vigil's backlog; it is not used.)
# Targets are python3 http.server processes serving a fixed exposition file (1 s scrape interval).
# Every process started here is stopped by its PID. Writes bench/remote_write/RESULTS.md and the section
# between the remote_write markers of bench/RESULTS.md.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
VIGIL=$(realpath "${1:-$ROOT/build/vigil}")
TARGETS=${2:-4}
SERIES=${3:-5000}
SECS=${4:-30}

WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 300); do curl -sf -o /dev/null "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; exit 1; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
metric_sum() {  # URL NAME: sum of a metric's samples in /metrics
    curl -s "$1/metrics" | awk -v n="$2" '$1 ~ "^"n"({|$)" {s += $NF} END {printf "%.0f\n", s}'
}
TCK=$(getconf CLK_TCK)

# Targets.
targets=""
for t in $(seq "$TARGETS"); do
    mkdir -p "$WORK/t$t"
    python3 - "$WORK/t$t/metrics" "$SERIES" "$t" <<'PY'
import sys, random
path, n, t = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, "w") as f:
    f.write("# HELP bench_value A synthetic gauge.\n# TYPE bench_value gauge\n")
    for i in range(n):
        f.write('bench_value{target="%s",series="%d",group="g%d"} %.3f\n' % (t, i, i % 50, random.random() * 1000))
PY
    p=$(port)
    (cd "$WORK/t$t" && exec python3 -m http.server "$p" --bind 127.0.0.1 >/dev/null 2>&1) &
    PIDS+=($!)
    targets+="'127.0.0.1:$p',"
    wait_http "http://127.0.0.1:$p/metrics"
done
targets="[${targets%,}]"

VMP=$(port)
start_vm() {
    victoria-metrics -httpListenAddr="127.0.0.1:$VMP" -storageDataPath="$WORK/vm" >"$WORK/vm.log" 2>&1 &
    VMPID=$!
    PIDS+=($VMPID)
    wait_http "http://127.0.0.1:$VMP/health"
}
start_vm

config() {  # WRITER WITH_REMOTE_WRITE
    printf 'global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\nscrape_configs:\n- job_name: bench\n  static_configs:\n  - targets: %s\n' "$targets"
    if [ "$2" = 1 ]; then
        printf 'remote_write:\n- url: http://127.0.0.1:%s/api/v1/write\n  name: vm\n  write_relabel_configs:\n  - target_label: writer\n    replacement: %s\n' "$VMP" "$1"
    fi
}
config vigil 0 >"$WORK/vigil.yml"
config prometheus 0 >"$WORK/prometheus.yml"

VP=$(port); PP=$(port)
"$VIGIL" --headless --config.file="$WORK/vigil.yml" --storage.tsdb.path="$WORK/vigil-data" \
    --web.listen-address="127.0.0.1:$VP" --no-scrape.self >"$WORK/vigil.log" 2>&1 &
VPID=$!; PIDS+=($VPID)
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/prom-data" \
    --web.listen-address="127.0.0.1:$PP" >"$WORK/prometheus.log" 2>&1 &
PPID_=$!; PIDS+=($PPID_)
wait_http "http://127.0.0.1:$VP/-/ready"
wait_http "http://127.0.0.1:$PP/-/ready"
VURL="http://127.0.0.1:$VP"; PURL="http://127.0.0.1:$PP"

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
sleep 15
echo "phase 1: scraping only, ${SECS} s" >&2
v0=$(cpu_ticks $VPID); p0=$(cpu_ticks $PPID_)
sleep "$SECS"
vbase=$(echo "($(cpu_ticks $VPID) - $v0) / $TCK / $SECS" | bc -l)
pbase=$(echo "($(cpu_ticks $PPID_) - $p0) / $TCK / $SECS" | bc -l)

echo "phase 2: remote write, steady state" >&2
config vigil 1 >"$WORK/vigil.yml"
config prometheus 1 >"$WORK/prometheus.yml"
kill -HUP $VPID $PPID_
sleep 15
v0=$(cpu_ticks $VPID); p0=$(cpu_ticks $PPID_)
vs0=$(metric_sum "$VURL" prometheus_remote_storage_samples_total); ps0=$(metric_sum "$PURL" prometheus_remote_storage_samples_total)
sleep "$SECS"
vcpu=$(echo "($(cpu_ticks $VPID) - $v0) / $TCK / $SECS" | bc -l)
pcpu=$(echo "($(cpu_ticks $PPID_) - $p0) / $TCK / $SECS" | bc -l)
vrate=$(echo "($(metric_sum "$VURL" prometheus_remote_storage_samples_total) - $vs0) / $SECS" | bc -l)
prate=$(echo "($(metric_sum "$PURL" prometheus_remote_storage_samples_total) - $ps0) / $SECS" | bc -l)
vper=$(echo "($vcpu - $vbase) * 1000000 / $vrate" | bc -l)
pper=$(echo "($pcpu - $pbase) * 1000000 / $prate" | bc -l)
# Pending in steady state: catch-up is over when a queue is back near it.
vsteady=$(metric_sum "$VURL" prometheus_remote_storage_samples_pending); psteady=$(metric_sum "$PURL" prometheus_remote_storage_samples_pending)

echo "phase 3: receiver down ${SECS} s, then catch-up" >&2
kill $VMPID; wait $VMPID 2>/dev/null || true
sleep "$SECS"
vpend=$(metric_sum "$VURL" prometheus_remote_storage_samples_pending); ppend=$(metric_sum "$PURL" prometheus_remote_storage_samples_pending)
start_vm
t0=$(date +%s)
vpeak=0; ppeak=0; vdone=-; pdone=-
vl=$(metric_sum "$VURL" prometheus_remote_storage_samples_total); pl=$(metric_sum "$PURL" prometheus_remote_storage_samples_total)
# Seconds between the newest sample read from the WAL and the newest sample the receiver acknowledged.
lag() { echo $(( $(metric_sum "$1" prometheus_remote_storage_highest_timestamp_in_seconds) - $(metric_sum "$1" prometheus_remote_storage_queue_highest_sent_timestamp_seconds) )); }
for _ in $(seq 36); do
    sleep 5
    vn=$(metric_sum "$VURL" prometheus_remote_storage_samples_total); pn=$(metric_sum "$PURL" prometheus_remote_storage_samples_total)
    vr=$(( (vn - vl) / 5 )); pr=$(( (pn - pl) / 5 )); vl=$vn; pl=$pn
    [ "$vr" -gt "$vpeak" ] && vpeak=$vr
    [ "$pr" -gt "$ppeak" ] && ppeak=$pr
    now=$(( $(date +%s) - t0 ))
    echo "catch-up t=${now}s: vigil ${vr}/s pending $(metric_sum "$VURL" prometheus_remote_storage_samples_pending) lag $(lag "$VURL") s; prometheus ${pr}/s pending $(metric_sum "$PURL" prometheus_remote_storage_samples_pending) lag $(lag "$PURL") s" >&2
    # Done: sending no faster than ingesting again (ingest rate + 10 %) with pending back near steady state.
    [ "$vdone" = - ] && [ "$vr" -lt $((TARGETS * SERIES * 11 / 10)) ] && [ "$(metric_sum "$VURL" prometheus_remote_storage_samples_pending)" -le $((vsteady * 3 / 2 + 5000)) ] && [ "$now" -gt 5 ] && vdone=$now
    [ "$pdone" = - ] && [ "$pr" -lt $((TARGETS * SERIES * 11 / 10)) ] && [ "$(metric_sum "$PURL" prometheus_remote_storage_samples_pending)" -le $((psteady * 3 / 2 + 5000)) ] && [ "$now" -gt 5 ] && pdone=$now
    [ "$vdone" != - ] && [ "$pdone" != - ] && break
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
# What the receiver holds from each writer (series), as a sanity check.
count() { curl -s "http://127.0.0.1:$VMP/api/v1/query" --data-urlencode "query=count(bench_value{writer=\"$1\"})" | python3 -c 'import json,sys; r=json.load(sys.stdin)["data"]["result"]; print(r[0]["value"][1] if r else 0)'; }
vseries=$(count vigil); pseries=$(count prometheus)

ratio() { printf "%.2f" "$(echo "$1 / $2" | bc -l)"; }
fmt() { printf "%.0f" "$1"; }
fmt2() { printf "%.2f" "$1"; }
table="| measure | Vigil | Prometheus 2.42 | Vigil / Prometheus |
|---|---|---|---|
| steady state, samples sent/s | $(fmt "$vrate") | $(fmt "$prate") | $(ratio "$vrate" "$prate") |
| CPU µs per sample sent (remote write's share: CPU with − without remote write) | $(fmt2 "$vper") | $(fmt2 "$pper") | $(ratio "$vper" "$pper") |
| process CPU, cores: scraping only / with remote write | $(fmt2 "$vbase") / $(fmt2 "$vcpu") | $(fmt2 "$pbase") / $(fmt2 "$pcpu") | – |
| samples pending after ${SECS} s receiver outage | $(fmt "$vpend") | $(fmt "$ppend") | – |
| catch-up, highest samples/s over 5 s | $(fmt "$vpeak") | $(fmt "$ppeak") | $(ratio "$vpeak" "$ppeak") |
| catch-up, seconds until sending at the ingest rate again with pending near its steady value | $vdone | $pdone | – |
| samples pending: steady state before the outage / end of the run | $(fmt "$vsteady") / $(metric_sum "$VURL" prometheus_remote_storage_samples_pending) | $(fmt "$psteady") / $(metric_sum "$PURL" prometheus_remote_storage_samples_pending) | – |
| series at the receiver (writer label) | $vseries | $pseries | – |"
section="## Remote write: Vigil vs Prometheus 2.42 (bench/remote_write)

Command: \`bench/remote_write/run.sh build/vigil $TARGETS $SERIES $SECS\` — $(date -u '+%Y-%m-%d %H:%M UTC'),
load average $load_before (before) / $load_after (after), 2 shared cores, no pinning (both processes scrape
and write at the same time). Workload: $TARGETS targets × $SERIES series every 1 s ($((TARGETS * SERIES)) samples/s
ingested by each), both writing to one VictoriaMetrics with the default queue_config.

$table
"
echo "$section"
printf '# Remote write benchmark\n\n%s' "$section" >"$HERE/RESULTS.md"
python3 - "$ROOT/bench/RESULTS.md" "$section" <<'PY'
import sys
path, section = sys.argv[1], sys.argv[2]
text = open(path).read()
begin, end = "<!-- remote_write:begin -->", "<!-- remote_write:end -->"
block = begin + "\n" + section + end
if begin in text:
    text = text[:text.index(begin)] + block + text[text.index(end) + len(end):]
else:
    text = text.rstrip("\n") + "\n\n" + block + "\n"
open(path, "w").write(text)
PY
