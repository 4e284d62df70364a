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
#   GC=G1        run the server on G1 instead of ZGC, the launcher's default (for comparison)
#   REALTIME=N   media.realtime-priority N instead of bench/load.yaml's 10 (0: ordinary scheduling)
#   WIRE=1       capture the server's RTP on lo during the window (dumpcap, from Debian's tshark) and
#                print its output jitter as the wire saw it (bench/wire-jitter.py): the generator's own
#                jitter figure includes its scheduling delays on the shared cores, this one does not
# For Parley it also prints, for the measured window: the stop-the-world pauses of the server (every
# safepoint, GC or other, from -Xlog:safepoint) and what the media threads allocated (from
# `jcmd PID Thread.print -e`, taken when the window opens and when it closes; two thread dumps, so
# safepoints of their own, PrintThreads and FindDeadlocks, left out of the pause figures).
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
  opts="${PARLEY_JAVA_OPTS:-} -Xlog:safepoint:file=$OUT/safepoints.log:uptimenanos"
  # The launcher's defaults (./parley run_server): ZGC and the Integer box cache.
  [ "${GC:-ZGC}" = ZGC ] && opts="-XX:+UseZGC $opts"
  opts="-XX:AutoBoxCacheMax=65536 $opts"
  [ "${JFR:-0}" = 1 ] && opts="$opts -XX:StartFlightRecording=filename=$OUT/parley.jfr,settings=profile"
  # shellcheck disable=SC2086  # a list of JVM options
  CONFIG="$ROOT/bench/load.yaml"
  if [ -n "${REALTIME:-}" ]; then
    # Data and relative paths stay where bench/load.yaml puts them: the copy sits next to it.
    CONFIG="$ROOT/bench/.load-realtime.yaml"
    sed "s/realtime-priority: [0-9]*/realtime-priority: $REALTIME/" "$ROOT/bench/load.yaml" >"$CONFIG"
  fi
  "$JAVA" $opts -jar "$ROOT/server/target/parley-server.jar" serve --config "$CONFIG" >"$OUT/target.log" 2>&1 &
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

JCMD="$(dirname "$JAVA")/jcmd"
# Per media thread: "name allocated-bytes cpu-ms", and the JVM's uptime in ns (to cut the safepoint log).
media_threads() {
  # allocated= has a unit: 440B, 37949K, 12M, 3G.
  "$JCMD" "$PID" Thread.print -e 2>/dev/null |
    sed -n 's/^"\(parley-media-[0-9]*\)".* cpu=\([0-9.]*\)ms.* allocated=\([0-9]*\)\([BKMG]\) .*/\1 \3 \4 \2/p' |
    awk '{ f = $3 == "K" ? 1024 : $3 == "M" ? 1048576 : $3 == "G" ? 1073741824 : 1; print $1, $2 * f, $4 }'
}
# Per thread of the server: "tid name utime+stime-ticks" from /proc (names with spaces joined by _).
thread_ticks() {
  local t
  for t in /proc/"$PID"/task/*; do
    [ -r "$t/stat" ] || continue
    sed 's/^\([0-9]*\) (\(.*\)) \(.*\)$/\1 \2|\3/' "$t/stat" 2>/dev/null |
      awk -F'|' '{ split($2, f, " "); n = $1; sub(/^[0-9]+ /, "", n); gsub(/ /, "_", n); split($1, id, " ");
                   print id[1], n, f[12] + f[13] }'
  done
}
uptime_ns() { "$JCMD" "$PID" VM.uptime 2>/dev/null | sed -n 's/^ *\([0-9.]*\) s$/\1/p' | awk '{printf "%.0f", $1 * 1e9}'; }
# Waits for the generator to announce its window, then snapshots the media threads at both ends.
watch_window() {
  local line settle duration
  for _ in $(seq 6000); do
    line="$(grep -m1 'settling .* then measuring' "$OUT/summary.txt" 2>/dev/null || true)"
    [ -n "$line" ] && break; sleep 0.1
  done
  [ -n "$line" ] || return 0
  settle="$(sed 's/.*settling \([0-9]*\) s.*/\1/' <<<"$line")"
  duration="$(sed 's/.*measuring \([0-9]*\) s.*/\1/' <<<"$line")"
  sleep "$settle"; sleep 0.5
  local t0; t0="$(date +%s%N)"
  uptime_ns >"$OUT/window-start.ns"; media_threads >"$OUT/media-start.txt"; thread_ticks | LC_ALL=C sort >"$OUT/threads-start.txt"
  if [ "${WIRE:-0}" = 1 ]; then
    # The server sends from its RTP ports (bench/load.yaml: 20000-29999), the generator from ephemeral ones.
    dumpcap -i lo -P -s 64 -B 64 -f 'udp src portrange 20000-29999' -a "duration:$((duration - 1))" \
      -w "$OUT/wire.pcap" >"$OUT/dumpcap.log" 2>&1 &
  fi
  # End a second before the generator's window: the first jcmd attach takes a second or more, and a
  # snapshot late by that much caught the start of the 1000 BYEs (C2 and sqlite at work, not media).
  sleep "$(awk -v d="$duration" -v t0="$t0" -v now="$(date +%s%N)" 'BEGIN { w = d - 1.5 - (now - t0) / 1e9; printf "%.3f", (w > 1 ? w : 1) }')"
  media_threads >"$OUT/media-end.txt"; thread_ticks | LC_ALL=C sort >"$OUT/threads-end.txt"; uptime_ns >"$OUT/window-end.ns"
}
# Prints the window's safepoints (count, p50, p99, max, ms) and the media threads' allocation.
window_report() {
  [ -s "$OUT/window-end.ns" ] || { echo "server: no window snapshot (the generator did not open one)"; return; }
  local from to
  from="$(cat "$OUT/window-start.ns")"; to="$(cat "$OUT/window-end.ns")"
  # Lines look like "[123456789ns] Safepoint "G1CollectForAllocation", ... Total: 1234567 ns".
  sed -n 's/^\[\([0-9]*\)ns\] Safepoint "\([^"]*\)".*Total: *\([0-9]*\) ns.*/\1 \2 \3/p' "$OUT/safepoints.log" |
    awk -v from="$from" -v to="$to" '$1 >= from && $1 <= to && $2 != "PrintThreads" && $2 != "FindDeadlocks" { print $3 / 1e6 }' | sort -n |
    awk '{ v[NR] = $1 } END {
      if (NR == 0) { print "server pauses in the window: none"; exit }
      p50 = v[int((NR - 1) * 0.5) + 1]; p99 = v[int((NR - 1) * 0.99) + 1]
      printf "server pauses in the window (every safepoint, GC or not): %d, p50 %.3f ms, p99 %.3f ms, max %.3f ms\n", NR, p50, p99, v[NR] }'
  if [ -s "$OUT/wire.pcap" ]; then
    python3 "$ROOT/bench/wire-jitter.py" "$OUT/wire.pcap" || true
    grep -h 'dropped' "$OUT/dumpcap.log" | sed 's/^/  capture        /' || true
  fi
  # Where the rest of the server's CPU went: the busiest threads in the window (clock ticks, 100/s).
  LC_ALL=C join "$OUT/threads-start.txt" "$OUT/threads-end.txt" | awk -v s="$(( (to - from) / 1000000 ))" -v hz="$(getconf CLK_TCK)" '
    { d = $5 - $3; if (d > 0) printf "%.1f %s\n", d * 100000 / hz / s, $2 }' | sort -rn | head -8 |
    awk '{ line = line sprintf("%s%s %.1f %%", NR > 1 ? ", " : "", $2, $1) } END { if (line != "") print "server threads  " line }'
  join "$OUT/media-start.txt" "$OUT/media-end.txt" | awk -v s="$(( (to - from) / 1000000 ))" '{
      printf "media thread %s in the window: allocated %d bytes (%.1f bytes/s), cpu %.0f ms of %d ms (%.1f %%)\n",
        $1, $4 - $2, ($4 - $2) * 1000 / s, $5 - $3, s, ($5 - $3) * 100 / s }'
}

{
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  [ "$KIND" = parley ] && { watch_window & }
  rc=0
  "$ROOT/parley" loadgen --target 127.0.0.1:$PORT --server-pid "$PID" --csv "$OUT/calls.csv" "${EXTRA[@]}" "$@" || rc=$?
  wait
  echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
  [ "$KIND" = parley ] && window_report
  echo "loadgen exit code $rc; files in $OUT"
} 2>&1 | tee "$OUT/summary.txt"
