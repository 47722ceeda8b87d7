#!/usr/bin/env bash
# Weft load test: every engine side by side, one process each, on loopback.
#
#   scripts/loadtest.sh [--quick] [--engines weft-virtual,netty,helidon,...] [--scenarios echo,http,...]
#                       [--no-build] [--no-install] [--no-wrk] [--no-perf] [--jfr] [--dry-run]
#                       [--engine-jvm-options "-Dx=y ..."]
#
# Engines: weft-virtual, weft-platform, reactor, netty (native epoll), helidon, jetty (h2c only).
# Scenarios: echo, http, pipelined, open-loop, churn, https, tls-connect, ws, h2, idle, udp-fanout, wrk.
#
# Builds loadtest/target/weft-loadtest.jar (unless --no-build), starts each engine as its own
# JVM and runs the matrix from a generator JVM, printing a progress line per step, and writes
# loadtest/results/<timestamp>/report.md, report.html, load.csv, idle.csv, startup.csv, results.json.
# --quick takes a few minutes (indicative numbers); the full run about half an hour. --jfr
# records a JFR profile of every engine process, with Weft's own events, next to the report
# (<engine>-<n>.jfr); --engine-jvm-options adds JVM options to every engine process.
#
# The instruments beside the Java generator come from Debian packages: wrk (wrk), h2load
# (nghttp2-client) and perf (linux-perf, for system calls per request). When one is missing the
# script installs it if run as root (apt-get update first; --no-install to skip), else says how;
# a scenario whose instrument is missing is reported as n/a. This script is run by hand, never by CI.
# Every process the run starts is stopped when it ends, fails or is interrupted.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

build=1
install=1
dry=0
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --no-install) install=0 ;;
    --quick|--jfr|--no-wrk|--no-perf) args+=("$1") ;;
    --dry-run) dry=1; args+=("$1") ;;
    --engines|--scenarios) args+=("$1" "${2:?$1 needs a comma-separated list}"); shift ;;
    --engine-jvm-options) args+=("$1" "${2:?$1 needs a quoted list of JVM options}"); shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "loadtest.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done

# The instruments: command -> Debian package.
declare -A packages=([wrk]=wrk [h2load]=nghttp2-client [perf]=linux-perf)
missing=()
for tool in wrk h2load perf; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${packages[$tool]}")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$install" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${missing[*]} (apt-get)..."
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >/dev/null; then
      echo "  apt-get could not install ${missing[*]}; the scenarios that need them will be n/a" >&2
    fi
  else
    echo "missing instruments: ${missing[*]}; their scenarios will be n/a. Install them with:"
    echo "  sudo apt-get update && sudo apt-get install ${missing[*]}"
  fi
fi

# Idle connections: the server process holds one descriptor per connection (18,000 in the full
# run) and the generator splits its side over holder processes of at most 5,000 each.
limit=$(ulimit -n)
echo "open-files limit per process: $limit"
if [ "$limit" != unlimited ] && [ "$limit" -lt 18500 ]; then
  echo "  the 18,000-connection idle step needs at least 18,500 in the server process; it will be skipped."
fi
echo "  a larger idle run of N connections needs: ulimit -n >= N + 500 for the server process,"
echo "  N / 5,000 holder processes (started for you, each bound to its own 127.0.0.x source"
echo "  address), and at least 5,000 free ports in net.ipv4.ip_local_port_range."

if [ "$build" = 1 ]; then
  echo "building the load test jar..."
  build_log=$(mktemp)
  if ! scripts/with-jdk21 mvn -B -q -Dstyle.color=never -pl loadtest -am package -DskipTests > "$build_log" 2>&1; then
    cat "$build_log" >&2
    rm -f "$build_log"
    echo "loadtest.sh: the build failed" >&2
    exit 1
  fi
  rm -f "$build_log"
fi
jar=loadtest/target/weft-loadtest.jar
[ -f "$jar" ] || { echo "loadtest.sh: $jar is missing; run without --no-build" >&2; exit 1; }

if [ "$dry" = 1 ]; then
  exec scripts/with-jdk21 java -jar "$jar" run "${args[@]}"
fi
out="loadtest/results/$(date -u +%Y%m%d-%H%M%S)"
mkdir -p "$out"

runner=""
descendants() {
  local pid=$1 child
  for child in $(pgrep -P "$pid" 2>/dev/null || true); do
    echo "$child"
    descendants "$child"
  done
}
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$runner" ] && kill -0 "$runner" 2>/dev/null; then
    local children
    children=$(descendants "$runner")
    kill -TERM "$runner" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$runner" 2>/dev/null || break
      sleep 0.2
    done
    for pid in $runner $children; do
      kill -KILL "$pid" 2>/dev/null || true
    done
    echo "loadtest.sh: stopped the run and every process it started"
  fi
  exit "$status"
}
trap cleanup EXIT INT TERM

scripts/with-jdk21 java -Xms256m -Xmx2g -XX:+UseG1GC -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -jar "$jar" run "${args[@]}" --out "$out" &
runner=$!
status=0
wait "$runner" || status=$?
runner=""
echo "report: $out/report.md and $out/report.html"
exit "$status"
