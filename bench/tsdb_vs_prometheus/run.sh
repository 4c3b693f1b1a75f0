#!/usr/bin/env bash
# Vigil TSDB vs Prometheus 2.42 on the same generated data, in one run.
#
#   bench/tsdb_vs_prometheus/run.sh [SERIES=1000] [STEPS=1920] [RSS_SERIES=10000]
#
# Builds the driver (in $BUILD, default build-bench-tsdb/ at the repository root, ninja -j1),
# generates a realistic OpenMetrics file (counters, gauges, histogram buckets
# at a 15 s step, see workload.h), then measures on one core (taskset -c 0):
#   * persisted bytes/sample: Vigil block files (import of the file) vs the
#     chunk files of the blocks `promtool tsdb create-blocks-from openmetrics`
#     writes from the same file;
#   * import throughput (parse + store) of both tools on that file, and
#     Vigil's Db append rate (WAL on, one commit per 40-sample target scrape);
#   * RSS per active series: Vigil's process after appending RSS_SERIES
#     series, and a Prometheus server scraping the driver's /metrics with
#     RSS_SERIES series every second for 60 s (minus a 40-series baseline).
# Writes the section between the tsdb_vs_prometheus markers of bench/RESULTS.md.
# Every process started here is stopped by its PID.
set -euo pipefail

SERIES=${1:-1000}
STEPS=${2:-1920}
RSS_SERIES=${3:-10000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench-tsdb}
WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$BUILD"
cmake -S "$HERE" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$BUILD" -j1 bench_tsdb_vs_prometheus >/dev/null
DRV=$BUILD/bench_tsdb_vs_prometheus
ONE="taskset -c 0"

val() { grep "^$1 " "$2" | awk '{print $2}'; }
cpu_of() { awk '/^cpu /{print $2}' "$1"; }  # from /usr/bin/time -f "cpu %U %S"

echo "generating $SERIES series x $STEPS steps..."
$DRV gen "$WORK/data.om" "$SERIES" "$STEPS" > "$WORK/gen.txt"
SAMPLES=$(val gen_samples "$WORK/gen.txt")

echo "vigil import..."
$ONE $DRV import "$WORK/data.om" "$WORK/vigil" > "$WORK/vimport.txt" 2>/dev/null
V_BYTES=$(val import_bytes "$WORK/vimport.txt")
V_IMPORT_CPU=$(val import_cpu_s "$WORK/vimport.txt")
$DRV import "$WORK/data.om" "$WORK/vigil24" 24 > "$WORK/vimport24.txt" 2>/dev/null
V_BYTES24=$(val import_bytes "$WORK/vimport24.txt")

echo "promtool create-blocks-from openmetrics..."
/usr/bin/time -f "cpu %U %S" -o "$WORK/ptime.txt" $ONE promtool tsdb create-blocks-from openmetrics \
    "$WORK/data.om" "$WORK/prom" > "$WORK/promtool.txt" 2>&1
P_CPU=$(awk '/^cpu /{print $2 + $3}' "$WORK/ptime.txt")
P_CHUNK_BYTES=$(find "$WORK/prom" -path '*/chunks/*' -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}')
P_ALL_BYTES=$(find "$WORK/prom" -type f -printf '%s\n' | awk '{s+=$1} END {print s+0}')
P_SAMPLES=$(cat "$WORK"/prom/*/meta.json | grep -o '"numSamples": *[0-9]*' | awk -F: '{s+=$2} END {print s+0}')

echo "vigil Db append..."
$ONE $DRV append "$WORK/vappend" "$RSS_SERIES" 240 > "$WORK/vappend.txt" 2>/dev/null
A_RATE=$(val append_rate_cpu "$WORK/vappend.txt")
A_RSS=$(val rss_kib_total "$WORK/vappend.txt")
A_RSS_DELTA=$(val rss_kib_delta "$WORK/vappend.txt")

echo "storage choice (SQLite rows vs block files)..."
$ONE $DRV storage-choice "$WORK/choice" "$SERIES" 960 > "$WORK/choice.txt" 2>/dev/null

prom_rss() {  # $1 series -> RSS KiB of a Prometheus scraping them for 60 s
    local port=$((20000 + RANDOM % 10000)) pport=$((30000 + RANDOM % 10000)) dir="$WORK/prom-rss-$1"
    mkdir -p "$dir"
    $DRV serve "$port" "$1" & local spid=$!
    PIDS+=("$spid")
    cat > "$dir/prometheus.yml" <<CFG
global: {scrape_interval: 1s, scrape_timeout: 900ms}
scrape_configs:
  - job_name: bench
    static_configs: [{targets: ['127.0.0.1:$port']}]
CFG
    prometheus --config.file="$dir/prometheus.yml" --storage.tsdb.path="$dir/data" \
        --web.listen-address="127.0.0.1:$pport" --log.level=error >/dev/null 2>&1 & local ppid=$!
    PIDS+=("$ppid")
    sleep 60
    awk '/^VmRSS:/{print $2}' "/proc/$ppid/status"
    kill "$ppid" "$spid"
    wait "$ppid" "$spid" 2>/dev/null || true
}
echo "prometheus RSS ($RSS_SERIES series, then a 40-series baseline, 60 s each)..."
P_RSS=$(prom_rss "$RSS_SERIES")
P_RSS_BASE=$(prom_rss 40)

python3 - "$WORK" "$ROOT/bench/RESULTS.md" <<PY
import sys, re, datetime, os
work, out = sys.argv[1], sys.argv[2]
def kv(name):
    d = {}
    for line in open(os.path.join(work, name)):
        p = line.split()
        if len(p) >= 2: d[p[0]] = p[1]
    return d
ch = kv("choice.txt")
samples = int("$SAMPLES"); vb = int("$V_BYTES"); vb24 = int("$V_BYTES24"); pcb = int("$P_CHUNK_BYTES"); pall = int("$P_ALL_BYTES")
psamples = int("$P_SAMPLES")
vimp = samples / float("$V_IMPORT_CPU"); pimp = psamples / float("$P_CPU")
rs = int("$RSS_SERIES")
v_rss = int("$A_RSS") / rs; v_rss_d = int("$A_RSS_DELTA") / rs
p_rss = int("$P_RSS") / rs; p_rss_d = (int("$P_RSS") - int("$P_RSS_BASE")) / rs
cs = float(ch["choice_samples"])
load = open("/proc/loadavg").read().split()[:3]
text = f"""<!-- tsdb_vs_prometheus:begin -->
## Vigil TSDB vs Prometheus 2.42 (bench/tsdb_vs_prometheus)

Command: \`bench/tsdb_vs_prometheus/run.sh $SERIES $STEPS $RSS_SERIES\` — {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC,
load average {' '.join(load)} (2 shared cores; rates are per CPU second of one core, \`taskset -c 0\`).
Data: {samples} samples, $SERIES series x $STEPS steps of 15 s (workload.h: CPU-seconds and request counters,
stable and busy gauges, 12-bucket histograms; per-target scrape phase and 0-4 ms jitter), one OpenMetrics file
fed to both.

| measure | Vigil | Prometheus 2.42 | Vigil / Prometheus |
|---|---|---|---|
| persisted bytes/sample (Vigil block files / Prometheus chunk files) | {vb/samples:.3f} | {pcb/psamples:.3f} | {vb/samples/(pcb/psamples):.2f} |
| same, Vigil compacted into 24 h blocks (Prometheus: 2 h blocks) | {vb24/samples:.3f} | {pcb/psamples:.3f} | {vb24/samples/(pcb/psamples):.2f} |
| persisted bytes/sample, whole block incl. index | {vb/samples:.3f} | {pall/psamples:.3f} | {vb/samples/(pall/psamples):.2f} |
| import of the file, samples/CPU-s (parse + store) | {vimp:,.0f} | {pimp:,.0f} | {vimp/pimp:.2f} |
| Db append, samples/CPU-s (WAL on, commit per 40-sample scrape) | {float("$A_RATE"):,.0f} | – | – |
| RSS per active series, KiB (process total / N) | {v_rss:.2f} | {p_rss:.2f} | {v_rss/p_rss:.2f} |
| RSS per active series, KiB (minus baseline) | {v_rss_d:.2f} | {p_rss_d:.2f} | {v_rss_d/p_rss_d:.2f} |

Goals (issue 3): <= 0.6 bytes/sample, >= 2,000,000 samples/s/core, <= 1 KiB RSS/series.
RSS: Vigil after appending 240 scrapes (1 h) of $RSS_SERIES series into the head; Prometheus scraping
$RSS_SERIES series every 1 s for 60 s (so it holds ~60 samples/series), baseline a 40-series run.

Storage choice ({int(cs)} samples, same workload, 4 x 2 h windows):

| | bytes/sample | write, samples/CPU-s | query one series (whole range), ms |
|---|---|---|---|
| SQLite, one row per 120-sample XOR chunk (WAL mode, one transaction per window) | {int(ch["sqlite_bytes"])/cs:.3f} | {cs/float(ch["sqlite_write_cpu_s"]):,.0f} | {float(ch["sqlite_query_ms"]):.3f} |
| Vigil block files (columnar, zlib frames) | {int(ch["blocks_bytes"])/cs:.3f} | {cs/float(ch["blocks_write_cpu_s"]):,.0f} | {float(ch["blocks_query_ms"]):.3f} |
<!-- tsdb_vs_prometheus:end -->
"""
old = open(out).read() if os.path.exists(out) else "# Benchmark results\n\n"
if "<!-- tsdb_vs_prometheus:begin -->" in old:
    old = re.sub(r"<!-- tsdb_vs_prometheus:begin -->.*<!-- tsdb_vs_prometheus:end -->\n?", lambda m: text, old, flags=re.S)
else:
    old = old.rstrip("\n") + "\n\n" + text
open(out, "w").write(old)
print(text)
PY
