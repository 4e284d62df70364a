#!/usr/bin/env bash
# Capacity run with the light load generator (bench/loadgen): starts the target, runs
# `./parley loadgen` against it, stops the target, and prints the generator's summary with the load
# average before and after (the machine is shared; see docs/performance.md).
#
#   bench/capacity.sh parley --rooms 100 --per-room 10 --duration 20      # Parley with bench/load.yaml
#   bench/capacity.sh echo   --rooms 200 --per-room 10 --duration 20      # the echo target (loadgen echo)
#
# Every option after the target goes to `parley loadgen` (see ./parley loadgen --help); --target and,
# for echo, --expect self are added. Environment:
#   OUT=DIR      where the target's log, the per-call CSV (calls.csv) and summary.txt go (default: a new /tmp dir)
#   JFR=1        record the server with Java Flight Recorder during the run (OUT/parley.jfr)
#   PARLEY_JAVA_OPTS, LOADGEN_JAVA_OPTS   extra JVM options for the server and the generator
# Run it in a network namespace of your own if others use ports 5060/5090/20000-29999 on the machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
KIND="${1:-}"; shift || true
case "$KIND" in parley|echo) ;; *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;; esac
OUT="${OUT:-$(mktemp -d /tmp/parley-capacity.XXXXXX)}"
mkdir -p "$OUT"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
"$ROOT/parley" loadgen --version >/dev/null   # builds the generator if needed
[ -f "$ROOT/server/target/parley-server.jar" ] || "$ROOT/parley" build

PID=""
cleanup() { [ -n "$PID" ] && kill -TERM "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; }
trap cleanup EXIT
if [ "$KIND" = parley ]; then
  PORT=5060
  opts=${PARLEY_JAVA_OPTS:-}
  [ "${JFR:-0}" = 1 ] && opts="$opts -XX:StartFlightRecording=filename=$OUT/parley.jfr,settings=profile"
  # shellcheck disable=SC2086  # a list of JVM options
  "$JAVA" $opts -jar "$ROOT/server/target/parley-server.jar" serve --config "$ROOT/bench/load.yaml" >"$OUT/target.log" 2>&1 &
  PID=$!
  READY="Parley ready"
  EXTRA=()
else
  PORT=5090
  "$JAVA" -jar "$ROOT/bench/loadgen/target/parley-loadgen.jar" echo --listen 127.0.0.1:$PORT >"$OUT/target.log" 2>&1 &
  PID=$!
  READY="listening on"
  EXTRA=(--expect self)
fi
for _ in $(seq 300); do grep -q "$READY" "$OUT/target.log" && break; sleep 0.1; done
grep -q "$READY" "$OUT/target.log" || { cat "$OUT/target.log" >&2; exit 1; }

{
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  rc=0
  "$ROOT/parley" loadgen --target 127.0.0.1:$PORT --server-pid "$PID" --csv "$OUT/calls.csv" "${EXTRA[@]}" "$@" || rc=$?
  echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "loadgen exit code $rc; files in $OUT"
} 2>&1 | tee "$OUT/summary.txt"
