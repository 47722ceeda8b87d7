#!/usr/bin/env bash
# Runs Weft's Jazzer fuzz targets in fuzzing mode, one after the other, each for DURATION.
#
#   scripts/fuzz.sh DURATION [TARGET...]      e.g.  scripts/fuzz.sh 10m
#                                                    scripts/fuzz.sh 90s udp-relay
#   scripts/fuzz.sh --list                    the targets
#
# DURATION is a number with s, m or h, per target. Without TARGETs every target runs.
#
# Every target is a @FuzzTest over a decoder that takes bytes and never touches a socket: the
# fuzzing is in-process, nothing is sent over any network. In a normal `mvn verify` the same
# tests run in regression mode over their checked-in seed corpus
# (src/test/resources/<package>/<TestClass>Inputs/<method>/); this script sets JAZZER_FUZZ=1.
#
# Output, under fuzz/results/<UTC timestamp>/ (git-ignored):
#   <target>.log         the whole Maven + libFuzzer output
#   findings/<target>/   crashing, hanging or out-of-memory inputs (libFuzzer artifacts), if any
#   summary.md           per target: seconds fuzzed (and wall-clock, with the build), executions,
#                        executions/s, coverage, corpus, findings
# The corpus the fuzzer grows is kept between runs in <module>/.cifuzz-corpus/ (git-ignored).
# A finding is fixed in the code and then its input is copied into the target's seed directory,
# so that every later build replays it.
#
# Exit status: 0 when no target found anything, 1 when one did, 2 on a usage error.
set -euo pipefail
cd "$(dirname "$0")/.."

# name -> "module test-class method max-input-bytes"
declare -A TARGETS=(
  [udp-relay]="udp dev.weft.udp.internal.RelayCommandFuzzTest anyDatagramIsACommandOrADefinedError 8192"
  [http-request]="http dev.weft.http.internal.RequestParserFuzzTest anyHeadIsParsedOrRefusedWithItsStatus 4096"
  [http-chunked]="http dev.weft.http.internal.ChunkedBodyFuzzTest anyChunkedBodyDecodesOrFailsWithItsStatus 8192"
  [websocket-frames]="http dev.weft.http.internal.websocket.MessageReaderFuzzTest anyFramesGiveMessagesOrADefinedCloseCode 8192"
  [files-frame]="samples dev.weft.samples.files.FileProtocolFuzzTest anyFrameDecodesToAMessageThatRoundTripsOrIsABadFrame 4096"
  [files-stream]="samples dev.weft.samples.files.FileProtocolFuzzTest anyStreamYieldsFramesWithinTheLimitOrADefinedError 8192"
  [h2-hpack]="http dev.weft.http.internal.h2.Http2CodecFuzzTest anyHeaderBlockDecodesOrIsACompressionError 4096"
  [h2-frames]="http dev.weft.http.internal.h2.Http2CodecFuzzTest anyByteStreamReadsAsTheSameFramesHoweverItIsSplit 4096"
  [h2-engine]="http dev.weft.http.internal.h2.Http2ConnectionFuzzTest anyBytesAfterThePrefaceEndTheConnectionCleanly 4096"
  [redis-wire]="redis dev.weft.redis.internal.WireCodecFuzzTest anyBytesDecodeToAMessageThatEncodesBackOrAreRefusedWithAReason 4096"
)
# Seconds one input may take before libFuzzer calls it a hang.
PER_INPUT_TIMEOUT_SECONDS=10

usage() {
  sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
}

list_targets() {
  local name
  for name in $(printf '%s\n' "${!TARGETS[@]}" | sort); do
    read -r module class method _ <<<"${TARGETS[$name]}"
    printf '%-16s %s#%s (module %s)\n' "$name" "$class" "$method" "$module"
  done
}

[ $# -ge 1 ] || usage
case "$1" in
  -h|--help) usage ;;
  --list) list_targets; exit 0 ;;
esac
duration=$1
shift
[[ "$duration" =~ ^[1-9][0-9]*[smh]$ ]] || { echo "fuzz.sh: DURATION must look like 30s, 10m or 1h: $duration" >&2; exit 2; }
if [ $# -eq 0 ]; then
  mapfile -t selected < <(printf '%s\n' "${!TARGETS[@]}" | sort)
else
  selected=("$@")
fi
for name in "${selected[@]}"; do
  [ -n "${TARGETS[$name]:-}" ] || { echo "fuzz.sh: no target '$name'; targets:" >&2; list_targets >&2; exit 2; }
done

results="fuzz/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$results/findings"
summary="$results/summary.md"
{
  echo "# Fuzzing run $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "Duration per target: $duration; per-input timeout: ${PER_INPUT_TIMEOUT_SECONDS}s; host: $(uname -n), $(nproc) cores."
  echo
  echo "| target | fuzzed s | wall s | executions | exec/s | coverage | corpus | findings | result |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
} >"$summary"

# Prints "executions exec/s coverage corpus fuzzed-seconds" from a libFuzzer log: its DONE line
# or, when the run ended on a finding, its last status line.
fuzzer_figures() {
  local line fuzzed
  fuzzed=$(grep -oE '^Done [0-9]+ runs in [0-9]+ second' "$1" | tail -n 1 | grep -oE '[0-9]+ second' | grep -oE '[0-9]+' || echo 0)
  line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$1" | tail -n 1 || true)
  [ -n "$line" ] || line=$(grep -E '^#[0-9]+[[:space:]]' "$1" | tail -n 1 || true)
  [ -n "$line" ] || { echo "0 0 - - $fuzzed"; return; }
  local runs speed cov corp
  runs=$(sed -E 's/^#([0-9]+).*/\1/' <<<"$line")
  speed=$(grep -oE 'exec/s: [0-9]+' <<<"$line" | grep -oE '[0-9]+' || echo 0)
  cov=$(grep -oE 'cov: [0-9]+' <<<"$line" | grep -oE '[0-9]+' || echo -)
  corp=$(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' <<<"$line" | sed 's/corp: //' || echo -)
  echo "$runs $speed $cov $corp $fuzzed"
}

failed=0
total_runs=0
total_seconds=0
total_fuzzed=0
for name in "${selected[@]}"; do
  read -r module class method max_len <<<"${TARGETS[$name]}"
  findings="$PWD/$results/findings/$name"
  mkdir -p "$findings"
  log="$results/$name.log"
  echo "fuzz.sh: $name ($class#$method) for $duration ..."
  started=$(date +%s)
  status=0
  # jazzer.internal.arg.N are passed to libFuzzer after Jazzer's own flags, so they win:
  # findings go to our directory, a slow input is a hang, inputs stay within the target's limit.
  JAZZER_FUZZ=1 scripts/with-jdk21 mvn -B -pl "$module" -am test \
      -Dtest="$class#$method" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.max_duration="$duration" \
      -Djazzer.internal.arg.0=fuzz \
      -Djazzer.internal.arg.1="-timeout=$PER_INPUT_TIMEOUT_SECONDS" \
      -Djazzer.internal.arg.2="-artifact_prefix=$findings/" \
      -Djazzer.internal.arg.3="-max_len=$max_len" \
      >"$log" 2>&1 || status=$?
  seconds=$(( $(date +%s) - started ))
  read -r runs speed cov corp fuzzed <<<"$(fuzzer_figures "$log")"
  found=$(find "$findings" -type f | wc -l)
  if [ "$status" -eq 0 ] && [ "$found" -eq 0 ] && grep -qE '^#[0-9]+[[:space:]]+DONE' "$log"; then
    result=ok
  elif [ "$found" -gt 0 ]; then
    result="FINDING (see $results/findings/$name)"
    failed=1
  else
    result="FAILED (mvn exit $status, see $log)"
    failed=1
  fi
  total_runs=$(( total_runs + runs ))
  total_seconds=$(( total_seconds + seconds ))
  total_fuzzed=$(( total_fuzzed + fuzzed ))
  echo "| $name | $fuzzed | $seconds | $runs | $speed | $cov | $corp | $found | $result |" >>"$summary"
  echo "fuzz.sh: $name: $runs executions in ${fuzzed}s of fuzzing ($speed exec/s), $found finding(s): $result"
done
{
  echo
  echo "Total: $total_runs executions in $total_fuzzed s of fuzzing ($(awk "BEGIN { printf \"%.3f\", $total_fuzzed / 3600 }") h), $total_seconds s wall-clock."
} >>"$summary"
echo
cat "$summary"
exit "$failed"
