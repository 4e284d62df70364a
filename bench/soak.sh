#!/usr/bin/env bash
# Soak test (outside CI): a Parley server with members joining and leaving all the time, sampled every
# minute for memory, threads and file descriptors, with a verdict at the end: flat or growing.
#
#   bench/soak.sh --minutes 60                 # the one-hour soak
#   bench/soak.sh --minutes 8 --interval 30    # a short run that shows the figures
#
# Options
#   --minutes M        how long the churn runs (default 60)
#   --interval S       seconds between two samples (default 60)
#   --rooms R          rooms room1..roomR the callers are spread over (default 4)
#   --concurrent C     members in the rooms at any time, at most (default 24)
#   --hold S           seconds each member stays (default 20); C/S calls start per second, as many end
#   --port P           the server's SIP port on 127.0.0.1 (default 5060); RTP 20000-29999
#   --out DIR          logs and samples.tsv (default: a new /tmp/parley-soak.*)
#
# What a sample is (of the server process, from /proc/PID and jcmd):
#   rss        VmRSS, MB
#   heap       Java heap in use right after a full GC (jcmd GC.run, then GC.heap_info), MB: live data
#   committed  Java heap committed (the same GC.heap_info's total), MB: the part of RSS the heap holds
#   threads    Threads of the process (platform threads; virtual threads are not OS threads)
#   fds        open file descriptors (/proc/PID/fd): sockets, the database, jar and log files
#   calls      calls set up so far (the server log's "joined room" lines)
# The server runs with -XX:NativeMemoryTracking=summary (SOAK_NMT=0 turns it off): after the warm-up
# the script takes an NMT baseline and at the end prints what each native area grew by since
# (jcmd VM.native_memory summary.diff), which tells heap, code cache, metaspace, threads and malloc apart.
# The first two samples are the warm-up (JIT, pools, codec warm-up) and are left out of the verdict.
# Verdict: the least-squares slope of each column over the rest, extrapolated over the run; "growing"
# if heap grows by more than max(8 MB, 20%), threads by more than 5, fds by more than 10, or RSS by
# more than max(48 MB, 25%); otherwise "flat". sipp's failed calls are reported too (none expected).
# PARLEY_JAR=FILE runs another server jar (a copy with its lib/ beside it, so a build during the soak
# cannot replace it);
# PARLEY_JAVA_OPTS adds JVM options. Everything it starts (server, sipp) is stopped by pid on exit. Needs sipp 3.6, sox and a JDK (jcmd).
# Run it in a network namespace of your own if others use the ports on this machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MINUTES=60 INTERVAL=60 ROOMS=4 CONCURRENT=24 HOLD=20 PORT=5060 OUT=""
die() { echo "soak: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES="$2"; shift 2 ;;
    --interval) INTERVAL="$2"; shift 2 ;;
    --rooms) ROOMS="$2"; shift 2 ;;
    --concurrent) CONCURRENT="$2"; shift 2 ;;
    --hold) HOLD="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
for v in MINUTES INTERVAL ROOMS CONCURRENT HOLD PORT; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "--${v,,} must be a positive integer"
done
for t in sipp sox; do command -v "$t" >/dev/null || die "$t is not installed"; done
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
JCMD="$JAVA_HOME/bin/jcmd"
[ -x "$JCMD" ] || die "no jcmd in $JAVA_HOME/bin (set JAVA_HOME to a JDK)"
JAR="${PARLEY_JAR:-$ROOT/server/target/parley-server.jar}"
[ -f "$JAR" ] || "$ROOT/parley" build
[ -n "$OUT" ] || OUT="$(mktemp -d /tmp/parley-soak.XXXXXX)"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

PIDS=()
cleanup() {
  local p
  for p in "${PIDS[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for _ in $(seq 50); do
    local alive=0
    for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  for p in "${PIDS[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------------------------------ server
sed -e "s/port: 5060/port: $PORT/" "$ROOT/bench/load.yaml" >"$OUT/soak.yaml"
NMT_OPT=""
[ "${SOAK_NMT:-1}" = 1 ] && NMT_OPT="-XX:NativeMemoryTracking=summary"
"$JAVA_HOME/bin/java" $NMT_OPT ${PARLEY_JAVA_OPTS:-} -jar "$JAR" serve --config "$OUT/soak.yaml" >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
PIDS+=("$SERVER_PID")
for _ in $(seq 600); do
  grep -q "Parley ready" "$OUT/server.log" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$OUT/server.log" >&2; die "the server exited"; }
  sleep 0.1
done
grep -q "Parley ready" "$OUT/server.log" || { tail -20 "$OUT/server.log" >&2; die "no 'Parley ready' in 60 s"; }

# ------------------------------------------------------------------ churn
# One sipp keeps CONCURRENT members up, each for HOLD seconds, starting a new one as one leaves; the
# members go round the rooms. Each streams a tone, so every room mixes all the time.
sox -n -r 8000 -c 1 -t raw -e mu-law "$OUT/tone.ulaw" synth 10 sine 440 vol 0.3
echo SEQUENTIAL >"$OUT/rooms.csv"
for ((r = 1; r <= ROOMS; r++)); do echo "room$r;" >>"$OUT/rooms.csv"; done
RATE=$(awk -v c="$CONCURRENT" -v h="$HOLD" 'BEGIN { printf "%.3f", c / h }')
( cd "$OUT" && exec sipp -sf "$ROOT/bench/sipp/uac-load.xml" "127.0.0.1:$PORT" -inf "$OUT/rooms.csv" \
    -i 127.0.0.1 -p 5100 -mi 127.0.0.1 -mp 16000 -key rtp_stream "$OUT/tone.ulaw,-1,0" \
    -r "$RATE" -l "$CONCURRENT" -d $((HOLD * 1000)) -timeout $((MINUTES * 60 + 120)) \
    -nostdin -trace_err -trace_stat -fd 10 >"$OUT/sipp.log" 2>&1 ) &
SIPP_PID=$!
PIDS+=("$SIPP_PID")

# ------------------------------------------------------------------ samples
mb() { awk '{ printf "%.1f", $1 / 1024 }'; }
sample() {
  local rss threads fds heap committed calls info
  rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$SERVER_PID/status" | mb)
  threads=$(awk '/^Threads:/ { print $2 }' "/proc/$SERVER_PID/status")
  fds=$(ls "/proc/$SERVER_PID/fd" | wc -l)
  "$JCMD" "$SERVER_PID" GC.run >/dev/null
  # G1 (JDK 25): "garbage-first heap   total reserved 6172672K, committed 40960K, used 22350K [...]"
  info=$("$JCMD" "$SERVER_PID" GC.heap_info)
  heap=$(awk '/heap/ && /used/ { for (i = 1; i <= NF; i++) if ($i == "used") { sub("K,?", "", $(i+1)); print $(i+1); exit } }' <<<"$info" | mb)
  committed=$(awk '/heap/ && /committed/ { for (i = 1; i <= NF; i++) if ($i == "committed") { sub("K,?", "", $(i+1)); print $(i+1); exit } }' <<<"$info" | mb)
  calls=$(grep -c "joined room" "$OUT/server.log" || true)
  printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n" "$1" "$(date -u +%H:%M:%S)" "$rss" "$heap" "$committed" "$threads" "$fds" "$calls"
}
printf "min\ttime\trss_mb\theap_mb\tcommitted_mb\tthreads\tfds\tcalls\n" >"$OUT/samples.tsv"
echo "soak: $MINUTES min, $CONCURRENT members in $ROOMS rooms, each for ${HOLD}s ($RATE joins/s), server pid $SERVER_PID, out $OUT"
START=$(date +%s)
END=$((START + MINUTES * 60))
N=0
while :; do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$OUT/server.log" >&2; die "the server died"; }
  kill -0 "$SIPP_PID" 2>/dev/null || { tail -20 "$OUT/sipp.log" >&2; die "sipp ended early"; }
  line=$(sample "$(awk -v s=$(( $(date +%s) - START )) 'BEGIN { printf "%.1f", s / 60 }')")
  echo "$line" >>"$OUT/samples.tsv"
  N=$((N + 1))
  [ "$N" = 3 ] && [ -n "$NMT_OPT" ] && "$JCMD" "$SERVER_PID" VM.native_memory baseline >/dev/null
  [ "$(date +%s)" -ge "$END" ] && break
  next=$((START + N * INTERVAL))
  [ "$next" -gt "$END" ] && next=$END
  # In the background and waited for, so that INT or TERM end the run at once, not after the sleep.
  sleep $(( next - $(date +%s) > 0 ? next - $(date +%s) : 0 )) &
  wait $!
done

# ------------------------------------------------------------------ report
if [ -n "$NMT_OPT" ] && [ "$N" -ge 3 ]; then
  "$JCMD" "$SERVER_PID" VM.native_memory summary.diff scale=MB >"$OUT/nmt-diff.txt" 2>&1 || true
fi
kill -TERM "$SIPP_PID" 2>/dev/null || true
wait "$SIPP_PID" 2>/dev/null || true
STAT=$(ls -t "$OUT"/*_.csv 2>/dev/null | head -1 || true)
FAILED="?"
if [ -n "$STAT" ]; then  # sipp's -trace_stat CSV: the last line's FailedCall(C)
  FAILED=$(awk -F';' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "FailedCall(C)") c = i } END { if (c) print $c }' "$STAT")
fi
echo
column -t -s $'\t' "$OUT/samples.tsv"
echo
set +e   # the verdict's exit status is the script's
awk -F'\t' -v minutes="$MINUTES" -v failed="$FAILED" '
  NR == 1 { next }
  { n++; t[n] = $1; v[n, 3] = $3; v[n, 4] = $4; v[n, 5] = $6; v[n, 6] = $7; calls = $8 }
  function slope(col,   i, k, st, sv, stt, stv, m) {
    k = 0; st = sv = stt = stv = 0
    for (i = 3; i <= n; i++) { k++; st += t[i]; sv += v[i, col]; stt += t[i] * t[i]; stv += t[i] * v[i, col] }
    if (k < 2 || k * stt - st * st == 0) return 0
    return (k * stv - st * sv) / (k * stt - st * st)
  }
  function base(col) { return v[3, col] }
  END {
    if (n < 4) { print "verdict: too few samples (" n ") for a verdict; run longer or sample more often"; exit 1 }
    span = t[n] - t[3]
    split("rss_mb heap_mb threads fds", name, " ")
    limit[3] = 48; limit[4] = 8; limit[5] = 5; limit[6] = 10
    share[3] = 0.25; share[4] = 0.20; share[5] = 0; share[6] = 0
    grow = 0
    for (c = 3; c <= 6; c++) {
      s = slope(c); d = s * span
      allowed = limit[c]; if (share[c] * base(c) > allowed) allowed = share[c] * base(c)
      bad = d > allowed
      if (bad) grow = 1
      printf "%-8s from %8.1f to %8.1f (after warm-up)  trend %+8.2f per hour  %+8.1f over %.1f min  %s\n",
        name[c - 2], base(c), v[n, c], s * 60, d, span, bad ? "GROWING (limit " allowed ")" : "flat"
    }
    printf "calls set up: %d; sipp failed calls: %s\n", calls, failed
    print "verdict: " (grow ? "growing" : "flat")
    exit grow
  }' "$OUT/samples.tsv" | tee "$OUT/verdict.txt"
RC=${PIPESTATUS[0]}
set -e
if [ -s "$OUT/nmt-diff.txt" ]; then
  echo
  echo "native memory since the end of the warm-up (NMT, committed, MB; areas that changed):"
  grep -E "^(Total|-[ ]+[A-Za-z])" "$OUT/nmt-diff.txt" | grep -E "committed=[0-9]+MB [+-]" | sed 's/^/  /' || true
fi
exit "$RC"
