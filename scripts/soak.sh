#!/usr/bin/env bash
# Soak test: one sample process serving HTTP, echo, chat and the UDP chat relay, driven for N
# minutes by mixed load at a moderate rate from a separate JVM, on loopback only.
#
#   scripts/soak.sh [--minutes N]        (default 10)
#
# Every 10 s the driver samples the server process: RSS and threads (/proc/<pid>/status), open
# descriptors (/proc/<pid>/fd) and heap after a full GC (jcmd GC.run, then GC.heap_info). The run
# FAILS when any request fails (an error, a wrong or missing answer within 5 s) or when a metric
# trends up after warm-up (a fifth of the run, at most 2 minutes): when the least-squares line
# through its post-warm-up samples rises, from the first of them to the last, by more than the
# larger of 10 % of its mean and a floor (RSS 16 MiB, heap 4 MiB, threads 4, descriptors 16).
#
# Output, under soak/results/<UTC timestamp>/ (git-ignored): report.md, chart.svg, samples.csv,
# server.log, driver.log and native-memory.txt (the server's native memory by category at the end). Every process the script starts is stopped when it exits, however
# it exits. Exit status: 0 pass, 1 fail, 2 usage error.
set -euo pipefail
cd "$(dirname "$0")/.."

minutes=10
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes=${2:?--minutes needs a value}; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "soak.sh: unknown argument: $1 (try --help)" >&2; exit 2 ;;
  esac
done
[[ "$minutes" =~ ^[1-9][0-9]*$ ]] || { echo "soak.sh: --minutes must be a positive whole number: $minutes" >&2; exit 2; }

results="soak/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$results"
server_pid=""
driver_pid=""

stop_process() { # pid, name, seconds to wait after SIGTERM before SIGKILL
  local pid=$1 name=$2 patience=$3 waited=0
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt "$patience" ]; do
    sleep 1
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "soak.sh: $name ($pid) ignored SIGTERM for ${patience}s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  stop_process "$driver_pid" driver 10
  stop_process "$server_pid" server 30
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "soak.sh: building the samples jar and the soak driver ..."
scripts/with-jdk21 mvn -B -q -DskipTests package -pl samples,soak -am >"$results/build.log" 2>&1 \
  || { echo "soak.sh: build failed, see $results/build.log" >&2; exit 1; }
java_home=$(scripts/with-jdk21 | sed 's/^JAVA_HOME=//')
java="$java_home/bin/java"

http_option=()
if "$java" -jar samples/target/weft-samples.jar all --help 2>/dev/null | grep -q -- '--http-port'; then
  http_option=(--http-port 0)
fi
# A fixed heap, touched up front: RSS then reflects native growth, not the heap being paged in.
# Native memory tracking (summary) costs little and says where RSS went: see native-memory.txt.
"$java" -Xms128m -Xmx128m -XX:+AlwaysPreTouch -XX:+UseG1GC -XX:NativeMemoryTracking=summary \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=info \
    -jar samples/target/weft-samples.jar all --host 127.0.0.1 \
    "${http_option[@]}" --echo-port 0 --chat-port 0 --udp-port 0 >"$results/server.log" 2>&1 &
server_pid=$!

serving=""
for _ in $(seq 1 60); do
  serving=$(grep -m1 -oE 'serving (http=[0-9]+ )?echo=[0-9]+ chat=[0-9]+ udp=[0-9]+' "$results/server.log" || true)
  [ -n "$serving" ] && break
  kill -0 "$server_pid" 2>/dev/null || { echo "soak.sh: the server exited, see $results/server.log" >&2; exit 1; }
  sleep 0.5
done
[ -n "$serving" ] || { echo "soak.sh: the server did not report its ports within 30 s, see $results/server.log" >&2; exit 1; }
port() { sed -E "s/.*$1=([0-9]+).*/\1/" <<<"$serving"; }
echo "soak.sh: server pid $server_pid, $serving; load for $minutes min ..."

driver_http=()
[[ "$serving" == *http=* ]] && driver_http=(--http-port "$(port http)")
: >"$results/driver.log"
status=0
"$java" -jar soak/target/weft-soak.jar --pid "$server_pid" --host 127.0.0.1 \
    "${driver_http[@]}" --echo-port "$(port echo)" --chat-port "$(port chat)" --udp-port "$(port udp)" \
    --minutes "$minutes" --out "$results" >"$results/driver.log" 2>&1 &
driver_pid=$!
tail -n +1 -f "$results/driver.log" --pid "$driver_pid" | grep --line-buffered '^soak:' || true
wait "$driver_pid" || status=$?
driver_pid=""
if kill -0 "$server_pid" 2>/dev/null; then
  "$java_home/bin/jcmd" "$server_pid" VM.native_memory summary >"$results/native-memory.txt" 2>&1 || true
else
  echo "soak.sh: the server died during the run, see $results/server.log" >&2
  status=1
fi
stop_process "$server_pid" server 30
server_pid=""

echo
[ -f "$results/report.md" ] && sed -n '1,40p' "$results/report.md"
echo "soak.sh: report in $results/report.md, chart in $results/chart.svg"
exit "$status"
