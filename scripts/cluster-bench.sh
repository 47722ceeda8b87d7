#!/usr/bin/env bash
# Benchmarks the chat sample as a cluster: real chat instances (each its own JVM), one real
# redis-server and real TCP members, all on this machine (ChatClusterBenchmark, in the samples'
# test sources).
#
#   scripts/cluster-bench.sh load    [--members 1000] [--rooms 10] [--rate 200] [--seconds 20] [--warm-up 5]
#   scripts/cluster-bench.sh restart [--members 1000] [--rooms 10] [--rate 200] [--outage-ms 2000] [--after 10]
#
# load: the same load on 1 instance without Redis, 1 with, and 3 with: lines said and heard per
# second, latency from a member's write to each listener's read (p50/p99/max; across instances),
# lines lost and heard twice. restart: 3 instances under load, Redis SIGKILLed and restarted after
# the outage: lines lost across instances, local lines lost, time until lines cross again.
# Prints Markdown tables. Needs redis-server (apt-get install redis-server) and a JDK 21+.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
  load|restart) ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
command -v redis-server >/dev/null 2>&1 || {
  echo "cluster-bench.sh: redis-server not found; install it: sudo apt-get install -y redis-server" >&2
  exit 1
}

classpath=$(mktemp "${TMPDIR:-/tmp}/weft-bench-cp.XXXXXX")
trap 'rm -f "$classpath"' EXIT
echo "cluster-bench.sh: compiling ..." >&2
scripts/with-jdk21 mvn -B -q -pl samples -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$classpath" >&2
scripts/with-jdk21 java -cp "samples/target/test-classes:samples/target/classes:$(cat "$classpath")" \
    dev.weft.samples.chat.ChatClusterBenchmark "$@"
