#!/usr/bin/env bash
# PromQL range queries, Vigil vs Prometheus 2.42, on the same data in one run.
#
#   bench/promql/run.sh [REPS=9]
#
# Builds the driver (in $BUILD, default build-bench-promql/ at the repository
# root, ninja -j1), generates one OpenMetrics file (driver.cpp: 10,000 series,
# 1 h at 15 s ending ~10 min ago), loads it into Prometheus (promtool tsdb
# create-blocks-from openmetrics, then a prometheus server on the blocks) and
# into Vigil (tsdb::importOpenMetrics, then the driver serving Vigil's /api/v1
# over tsdb::Db), and times dashboard-typical range queries over that hour at
# a 15 s step through both HTTP APIs (/api/v1/query_range, curl, JSON included),
# alternating the two servers, REPS timed repetitions after one warm-up each;
# medians are reported. Vigil's in-process Engine::rangeQuery (no HTTP/JSON)
# is timed as well. Series and point counts of both answers are compared.
# Writes the section between the promql markers of bench/RESULTS.md.
# Loopback only; every process started here is stopped by its PID.
set -euo pipefail

REPS=${1:-9}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench-promql}
WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for p in "${PIDS[@]:-}"; do
        if [ -n "$p" ] && kill "$p" 2>/dev/null; then
            for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.2; done
            kill -9 "$p" 2>/dev/null || true
        fi
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

mkdir -p "$BUILD"
cmake -S "$HERE" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$BUILD" -j1 bench_promql >/dev/null
DRV=$BUILD/bench_promql

val() { grep "^$1 " "$2" | awk '{print $2}'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() {  # URL, bounded: 120 s
    for _ in $(seq 600); do
        curl -sf -o /dev/null "$1" && return 0
        sleep 0.2
    done
    echo "timed out waiting for $1" >&2
    return 1
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
END_MS=$(( ($(date +%s) - 600) * 1000 ))
echo "generating..."
$DRV gen "$WORK/data.om" "$END_MS" > "$WORK/gen.txt"
START=$(val start_ms "$WORK/gen.txt")
END=$(val end_ms "$WORK/gen.txt")
SERIES=$(val series "$WORK/gen.txt")
SAMPLES=$(val samples "$WORK/gen.txt")

echo "vigil import..."
$DRV import "$WORK/data.om" "$WORK/vigil" > "$WORK/vimport.txt"
echo "promtool create-blocks-from openmetrics..."
promtool tsdb create-blocks-from openmetrics "$WORK/data.om" "$WORK/prom" > "$WORK/promtool.txt" 2>&1
rm -f "$WORK/data.om"

PPORT=$(free_port)
cat > "$WORK/prometheus.yml" <<CFG
global: {scrape_interval: 1h}
scrape_configs: []
CFG
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/prom" \
    --storage.tsdb.retention.time=30d --web.listen-address="127.0.0.1:$PPORT" \
    --log.level=error > "$WORK/prometheus.log" 2>&1 &
PPID_=$!
PIDS+=("$PPID_")
VPORT=$(free_port)
$DRV serve "$WORK/vigil" "$VPORT" > "$WORK/vserve.txt" 2> "$WORK/vserve.log" &
VPID=$!
PIDS+=("$VPID")
wait_http "http://127.0.0.1:$PPORT/-/ready"
wait_http "http://127.0.0.1:$VPORT/api/v1/status/buildinfo"

QUERIES=(
    'sum by (job) (rate(x_total[5m]))'
    'histogram_quantile(0.99, sum by (le) (rate(h_bucket[5m])))'
    'topk(10, rate(x_total[5m]))'
    'sum(rate(x_total{instance=~"host-1.*"}[5m]))'
)

STEP_S=15
time_query() {  # PORT QUERY OUTFILE -> seconds
    curl -s -G -o "$3" -w '%{time_total}\n' "http://127.0.0.1:$1/api/v1/query_range" \
        --data-urlencode "query=$2" --data-urlencode "start=$(( START / 1000 ))" \
        --data-urlencode "end=$(( END / 1000 ))" --data-urlencode "step=$STEP_S"
}

echo "timing ${#QUERIES[@]} queries, $REPS repetitions each..."
: > "$WORK/http.txt"
for i in "${!QUERIES[@]}"; do
    q=${QUERIES[$i]}
    time_query "$PPORT" "$q" "$WORK/p$i.json" > /dev/null  # warm-up
    time_query "$VPORT" "$q" "$WORK/v$i.json" > /dev/null
    for _ in $(seq "$REPS"); do
        echo "p $i $(time_query "$PPORT" "$q" "$WORK/p$i.json")" >> "$WORK/http.txt"
        echo "v $i $(time_query "$VPORT" "$q" "$WORK/v$i.json")" >> "$WORK/http.txt"
    done
done

kill "$VPID" "$PPID_"
wait "$VPID" "$PPID_" 2>/dev/null || true

echo "vigil in-process..."
$DRV inproc "$WORK/vigil" "$START" "$END" $(( STEP_S * 1000 )) "$REPS" "${QUERIES[@]}" > "$WORK/inproc.txt"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

QUERIES_FILE="$WORK/queries.txt"
printf '%s\n' "${QUERIES[@]}" > "$QUERIES_FILE"
python3 - "$WORK" "$ROOT/bench/RESULTS.md" "$REPS" "$SERIES" "$SAMPLES" "$LOAD_BEFORE" "$LOAD_AFTER" <<'PY'
import sys, os, re, json, statistics, datetime
work, out, reps, series, samples, load0, load1 = sys.argv[1:8]
queries = open(os.path.join(work, "queries.txt")).read().splitlines()
times = {}
for line in open(os.path.join(work, "http.txt")):
    who, i, s = line.split()
    times.setdefault((who, int(i)), []).append(float(s) * 1000)
inproc = {}
for line in open(os.path.join(work, "inproc.txt")):
    p = line.split()
    inproc[int(p[0][1:])] = (float(p[2]), int(p[6]), int(p[8]))
def shape(path):
    d = json.load(open(path))
    assert d["status"] == "success", d
    res = d["data"]["result"]
    return len(res), sum(len(r["values"]) for r in res)
rows, ok_all = [], True
for i, q in enumerate(queries):
    pm = statistics.median(times[("p", i)]); vm = statistics.median(times[("v", i)])
    ps, vs = shape(os.path.join(work, f"p{i}.json")), shape(os.path.join(work, f"v{i}.json"))
    ok = ps == vs == inproc[i][1:]
    ok_all &= ok
    rows.append(f"| `{q}` | {vm:.1f} | {pm:.1f} | {vm/pm:.2f} | {inproc[i][0]:.1f} | "
                f"{vs[0]} / {vs[1]} | {ps[0]} / {ps[1]} | {'yes' if ok else 'NO'} |")
text = f"""<!-- promql:begin -->
## PromQL range queries, Vigil vs Prometheus 2.42 (bench/promql)

Command: `bench/promql/run.sh {reps}` — {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC,
load average {load0} before, {load1} after (`uptime`; 2 cores shared with other builds and benchmarks).
Data: one OpenMetrics file, {series} series ({samples} samples), 1 h at a 15 s step ending ~10 min before the
run: `x_total{{job,instance,method}}` counters (10 jobs, 1000 instances, 5 methods = 5000 series) and
`h_bucket{{job,instance,le}}` classic histogram buckets (500 instances x 10 le = 5000 series). Prometheus:
`promtool tsdb create-blocks-from openmetrics` then a server on those blocks; Vigil: `tsdb::importOpenMetrics`
into a Db, served by the driver with Vigil's `/api/v1` (ApiV1 + QHttpServer, as in the engine).
Range queries over that hour at a 15 s step; latency = curl `time_total` of `/api/v1/query_range` on
loopback (evaluation + JSON rendering + HTTP), the two servers alternating, median of {reps} after one warm-up.
"in-process" = Vigil's `Engine::rangeQuery` alone in the driver (no HTTP, no JSON), median of {reps}.

| query | Vigil HTTP ms | Prometheus HTTP ms | Vigil / Prometheus | Vigil in-process ms | Vigil series / points | Prometheus series / points | same shape |
|---|---|---|---|---|---|---|---|
""" + "\n".join(rows) + f"""

Goal (issue 5): Vigil <= 0.5x Prometheus latency.
<!-- promql:end -->
"""
old = open(out).read() if os.path.exists(out) else "# Benchmark results\n\n"
if "<!-- promql:begin -->" in old:
    old = re.sub(r"<!-- promql:begin -->.*?<!-- promql:end -->\n?", lambda m: text, old, flags=re.S)
else:
    old = old.rstrip("\n") + "\n\n" + text
open(out, "w").write(old)
print(text)
if not ok_all:
    print("WARNING: series/point counts differ", file=sys.stderr)
PY
