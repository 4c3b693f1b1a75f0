#!/usr/bin/env bash
# Vigil developer entry point.
#   packaging/dev.sh run  [vigil flags]  install dependencies, build (Release) into build/, start the console
#   packaging/dev.sh test [ctest args]   install dependencies, build, run every test (non-zero exit on failure)
#   packaging/dev.sh build               install dependencies and build only
#   packaging/dev.sh package             install dependencies, build, write the .deb (build/vigil_*.deb)
#   packaging/dev.sh deps                install the Debian 12 packages only (idempotent)
# Environment: VIGIL_BUILD_DIR (default build/), VIGIL_JOBS (default: number of cores),
#              VIGIL_CMAKE_ARGS (extra configure arguments, e.g. -DVIGIL_SANITIZE=ON).
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
  protobuf-compiler zlib1g-dev qtkeychain-qt6-dev libcrypt-dev
  xvfb xauth fonts-noto-cjk curl openssl
  desktop-file-utils appstream lintian
  prometheus prometheus-node-exporter prometheus-alertmanager python3-aiosmtpd
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
  for svc in prometheus prometheus-node-exporter; do
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
    ctest --output-on-failure -j "$jobs" --timeout 600 --repeat until-pass:2 "$@"
    ;;
  *)
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
