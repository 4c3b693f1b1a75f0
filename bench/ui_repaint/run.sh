#!/usr/bin/env bash
# Graph panel repaint benchmark, offscreen (no peer: this measures Vigil's console alone).
#
#   bench/ui_repaint/run.sh [REPS=30]
#
# Builds the driver (in $BUILD, default build-bench-ui/ at the repository root,
# ninja -j1, Release) and runs it pinned to one core with QT_QPA_PLATFORM=offscreen;
# prints a Markdown table with the load average.
set -euo pipefail
REPS=${1:-30}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BUILD=${BUILD:-$ROOT/build-bench-ui}
cmake -S "$HERE" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" -j1 --target bench_ui_repaint | grep -E "error|FAILED" || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
QT_QPA_PLATFORM=offscreen taskset -c 0 "$BUILD/bench_ui_repaint" "$REPS"
