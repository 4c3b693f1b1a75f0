#!/usr/bin/env bash
# Repaint of the built-in Operations dashboard, offscreen (no peer: this measures Vigil's console alone).
#
#   bench/dashboard_repaint/run.sh [NODES=10] [REPS=50]
#
# Builds the driver (in $BUILD, default build-bench-dashboard/ at the repository root, ninja -j1,
# Release) and runs it pinned to one core with QT_QPA_PLATFORM=offscreen; prints a Markdown table
# with the load average. The dashboard's panels hold synthetic data for NODES nodes (one hour at
# 15 s per series), set directly, so the figure is the paint alone, not the queries.
set -euo pipefail
NODES=${1:-10}
REPS=${2:-50}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench-dashboard}
cmake -S "$HERE" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
nice -n 5 cmake --build "$BUILD" -j1 --target bench_dashboard_repaint | grep -E "error|FAILED" || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
QT_QPA_PLATFORM=offscreen taskset -c 0 "$BUILD/bench_dashboard_repaint" "$NODES" "$REPS"
