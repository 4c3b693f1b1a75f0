#!/usr/bin/env bash
# Vigil developer entry point.
#   packaging/dev.sh run  [vigil flags]  install dependencies, build (Release) into build/, start the console
#   packaging/dev.sh test [ctest args]   install dependencies, build, run every test (non-zero exit on failure), then
#                                        the engine tests and short fuzzer runs under ASan+UBSan (build-san/;
#                                        VIGIL_SANITIZERS=0 skips that pass)
#   packaging/dev.sh tsan [ctest args]   the engine tests under ThreadSanitizer (clang, build-tsan/; not part of
#                                        `test`: see docs/testing.md)
#   packaging/dev.sh build               install dependencies and build only
#   packaging/dev.sh package             install dependencies, build, write the .deb (build/vigil_*.deb)
#   packaging/dev.sh deps                install the Debian 12 packages only (idempotent)
# Environment: VIGIL_BUILD_DIR (default build/), VIGIL_JOBS (default: number of cores),
#              VIGIL_CMAKE_ARGS (extra configure arguments, e.g. -DVIGIL_SANITIZE=ON),
#              VIGIL_SANITIZERS=0 (skip the ASan+UBSan pass), VIGIL_SAN_BUILD_DIR (default build-san/),
#              VIGIL_FUZZ_SECONDS (seconds per fuzzer in that pass, default 10).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${VIGIL_BUILD_DIR:-$root/build}
jobs=${VIGIL_JOBS:-$(nproc)}
# ccache: paths relative to the checkout, so a fresh clone elsewhere reuses the cache.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root}
export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}

# Build and runtime dependencies, plus the real peers the tests start.
packages=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6opengl6-dev libqt6sql6-sqlite libgl-dev
  libqcustomplot-dev libsqlite3-dev libre2-dev libyaml-cpp-dev libsnappy-dev libprotobuf-dev
  protobuf-compiler zlib1g-dev qtkeychain-qt6-dev libcrypt-dev clang-14 libclang-rt-14-dev
  xvfb xauth fonts-noto-cjk curl openssl gnome-keyring dbus python3 dunst
  desktop-file-utils appstream lintian
  prometheus prometheus-node-exporter prometheus-alertmanager python3-aiosmtpd victoria-metrics
  dnsmasq-base
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

deps() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "dev.sh: installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
  # The packaged services must not hold the ports the tests use.
  for svc in prometheus prometheus-node-exporter victoria-metrics; do
    if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet "$svc" 2>/dev/null; then
      as_root systemctl stop "$svc" || true
    fi
  done
}

build() {
  # The package's files name their installed paths, so the prefix is always /usr here.
  # shellcheck disable=SC2086
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
    ${VIGIL_CMAKE_ARGS:-} >/dev/null
  cmake --build "$build" -j "$jobs"
}

# The engine's suites again, built with AddressSanitizer + UndefinedBehaviorSanitizer, and every
# libFuzzer target run briefly from its seeds. One clang build serves both: -DVIGIL_FUZZ=ON instruments
# everything with ASan + UBSan (plus libFuzzer's coverage hooks, inert outside a fuzzer). No console:
# Qt Widgets adds build time and no engine code.
# Left out, by name: the suites that compare Vigil with peers on large generated workloads or run whole
# upstream test corpora (PromQL conformance and agreement with Prometheus, SD against Prometheus). They
# exercise the same parsers and evaluator as the engine's own PromQL suites, which do run here, and
# they are the slowest suites (minutes each in Release, several times that instrumented).
# Any sanitizer report fails the run: the report aborts the test (halt_on_error, abort_on_error,
# -fno-sanitize-recover), and a retried test is not enough to hide it: the log is searched for reports.
sanitized_tests() {
  local san=${VIGIL_SAN_BUILD_DIR:-$root/build-san}
  cmake -S "$root" -B "$san" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++-14 \
    -DCMAKE_C_COMPILER=clang-14 -DVIGIL_FUZZ=ON -DVIGIL_FUZZ_SECONDS="${VIGIL_FUZZ_SECONDS:-10}" \
    -DVIGIL_BUILD_UI=OFF >/dev/null
  # Only what the pass runs: every suite below is named after its executable, so the left-out suites
  # (and wal_bench, make_seeds) are not built.
  local include='^(engine/|fuzz/)' exclude='tst_conformance|tst_prometheus_agreement|tst_sd_vs_prometheus'
  local targets
  targets=$(ctest --test-dir "$san" -N -R "$include" -E "$exclude" | sed -n 's|^ *Test *#[0-9]*: .*/||p')
  # shellcheck disable=SC2086
  cmake --build "$san" -j "$jobs" --target $targets
  local log=$san/sanitized-tests.log status=0
  # Qt keeps a few process-lifetime allocations that LeakSanitizer would report at exit.
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:halt_on_error=1:abort_on_error=1:strict_string_checks=1} \
  UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
    ctest --test-dir "$san" --output-on-failure -j "$jobs" --timeout 900 --repeat until-pass:2 \
      -R "$include" -E "$exclude" "$@" \
      2>&1 | tee "$log" || status=1  # pipefail: ctest's status
  if grep -Eq 'ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer|SUMMARY: UndefinedBehaviorSanitizer' "$log"; then
    echo "dev.sh: sanitizer reports in $log" >&2
    status=1
  fi
  return "$status"
}

# The same engine suites under ThreadSanitizer (build-tsan/). Options and suppressions come from
# tests/tsan_defaults.cpp; a report fails its test (halt_on_error) and the run.
tsan_tests() {
  local tsan=${VIGIL_TSAN_BUILD_DIR:-$root/build-tsan}
  cmake -S "$root" -B "$tsan" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
    -DCMAKE_C_COMPILER=clang-14 -DVIGIL_SANITIZE=thread -DVIGIL_BUILD_UI=OFF >/dev/null
  cmake --build "$tsan" -j "$jobs"
  local log=$tsan/tsan-tests.log status=0
  ctest --test-dir "$tsan" --output-on-failure -j "$jobs" --timeout 900 -R '^engine/' \
    -E 'tst_conformance|tst_prometheus_agreement|tst_sd_vs_prometheus|tst_dns_sd_vs_prometheus' "$@" \
    2>&1 | tee "$log" || status=1
  if grep -q 'WARNING: ThreadSanitizer' "$log"; then
    echo "dev.sh: ThreadSanitizer reports in $log" >&2
    status=1
  fi
  return "$status"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
  deps) deps ;;
  build) deps; build ;;
  package)
    deps; build
    (cd "$build" && cpack -G DEB)
    ;;
  run)
    deps; build
    exec "$build/vigil" "$@"
    ;;
  test)
    deps; build
    cd "$build"
    # A failing test is retried once: a consistent failure still fails the run, and both
    # outputs are printed (see the issue notes for the known intermittent one).
    status=0
    ctest --output-on-failure -j "$jobs" --timeout 600 --repeat until-pass:2 "$@" || status=$?
    # On by default (issue 14): measured at ~20 min cold / ~3 min warm for the clang build and
    # ~3 min for its tests on 2 cores (docs/testing.md), inside CI's 45-minute budget.
    if [ "${VIGIL_SANITIZERS:-1}" = 1 ]; then
      sanitized_tests "$@" || status=1
    fi
    exit "$status"
    ;;
  tsan)
    deps
    tsan_tests "$@"
    ;;
  *)
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
