#!/usr/bin/env bash
# Load test: N sipp callers with RTP in rooms of K against a Parley server on loopback.
#
#   bench/load.sh --calls 100 --per-room 10 --duration 20 [--target 127.0.0.1:5060]
#   bench/load.sh --calls 300 --per-room 10 --duration 20 --start-server
#
# Options
#   --calls N          callers (default 100)
#   --per-room K       callers per room; rooms are room1..roomM, M = ceil(N/K) (default 10)
#   --talkers T        callers per room that stream a tone; the rest stream mu-law silence, which the
#                      server's energy gate (energy-level 100 in bench/load.yaml) does not mix.
#                      Default: all
#   --duration S       measured window in seconds, once every call is up (default 20)
#   --rate R           new calls per second per sipp instance (default 50)
#   --target H:P       the server's SIP address; loopback only (default 127.0.0.1:5060)
#   --start-server     start server/target/parley-server.jar with bench/load.yaml (the port of --target
#                      is written into a copy of it) and stop it at the end
#   --server-pid PID   the server process, for CPU; otherwise found by the UDP port of --target
#   --rtp-ports A-B    the server's RTP port range, for the capture filter (default 20000-29999)
#   --out DIR          where logs, the capture and summary.txt go (default: a new /tmp/parley-load.*)
#
# How it measures (the window is the S seconds after every call has been set up and settled):
#   server CPU   utime+stime of every thread of the server process, from /proc/PID/stat, over the
#               window, in % of one core (so up to nproc*100 %). The busiest threads are listed.
#   packets/s   dumpcap on lo, bounded by -a duration:S, filter "udp portrange <rtp-ports>". On lo each
#               datagram is captured once. "in" = datagrams whose destination port is a server RTP port
#               (callers -> server), "out" = datagrams whose source port is one (server -> callers).
#   loss        expected = N callers x 50 packets/s (ptime 20) x the capture's span (first to last
#               packet, about S). "out loss" = 1 - out / expected:
#               mix packets the callers should have received but that were never sent. Sequence numbers
#               cannot show this (the server numbers only what it sends), so it is a count; the window
#               edges make it uncertain by about 2 packets per stream (0.2 % at S = 20). The same for
#               "in" tells whether sipp itself kept up. "socket drops" = the drops column of
#               /proc/net/udp summed over the server's RTP sockets (datagrams the kernel discarded
#               because the server did not read them in time). Per server->caller stream the largest
#               gap between two packets is reported: 20 ms is perfect, a long gap is a late tick.
#               The callers do not read what they are sent (sipp's rtp_stream only sends), so loss is
#               measured on the wire, not in sipp.
#
# Everything it starts (sipp, dumpcap, the server) is killed on exit. sipp stops by itself after
# -timeout. Needs sipp 3.6 (rtp_stream), sox, tshark/dumpcap (run as root or with capture rights).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CALLS=100 PER_ROOM=10 TALKERS=all DURATION=20 RATE=50 TARGET=127.0.0.1:5060
START_SERVER=0 SERVER_PID="" RTP_PORTS=20000-29999 OUT=""
SETTLE=3          # seconds after the last call is set up before the window opens
PTIME_MS=20

die() { echo "load.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --calls) CALLS="$2"; shift 2 ;;
    --per-room) PER_ROOM="$2"; shift 2 ;;
    --talkers) TALKERS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --target) TARGET="$2"; shift 2 ;;
    --start-server) START_SERVER=1; shift ;;
    --server-pid) SERVER_PID="$2"; shift 2 ;;
    --rtp-ports) RTP_PORTS="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

for v in CALLS PER_ROOM DURATION RATE; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "--${v,,} must be a positive integer"
done
[ "$TALKERS" = all ] && TALKERS=$PER_ROOM
[[ "$TALKERS" =~ ^[0-9]+$ ]] && [ "$TALKERS" -le "$PER_ROOM" ] || die "--talkers must be all or 0..per-room"
HOST="${TARGET%:*}" PORT="${TARGET##*:}"
[[ "$HOST" =~ ^127\. ]] || die "target must be on loopback (127.x), not $HOST"
[[ "$RTP_PORTS" =~ ^([0-9]+)-([0-9]+)$ ]] || die "--rtp-ports is A-B"
RTP_MIN=${BASH_REMATCH[1]} RTP_MAX=${BASH_REMATCH[2]}
for t in sipp sox dumpcap tshark ss; do command -v "$t" >/dev/null || die "$t is not installed"; done

[ -n "$OUT" ] || OUT="$(mktemp -d /tmp/parley-load.XXXXXX)"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
HZ="$(getconf CLK_TCK)"

# ------------------------------------------------------------------ cleanup: every child, by pid
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

# ------------------------------------------------------------------ media files
sox -n -r 8000 -c 1 -t raw -e mu-law "$OUT/tone.ulaw" synth 10 sine 440 vol 0.3
sox -n -r 8000 -c 1 -t raw -e mu-law "$OUT/silence.ulaw" trim 0 10

# ------------------------------------------------------------------ server
if [ "$START_SERVER" = 1 ]; then
  JAR="$ROOT/server/target/parley-server.jar"
  [ -f "$JAR" ] || die "$JAR is missing; build it with ./parley build"
  JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
  [ -x "$JAVA" ] || JAVA=java
  ss -H -uln "sport = :$PORT" | grep -q . && die "UDP port $PORT is already in use"
  sed -e "s/port: 5060/port: $PORT/" -e "s/rtp-ports: 20000-29999/rtp-ports: $RTP_PORTS/" \
      "$ROOT/bench/load.yaml" >"$OUT/load.yaml"
  # shellcheck disable=SC2086  # PARLEY_JAVA_OPTS is a list of options
  "$JAVA" ${PARLEY_JAVA_OPTS:-} -jar "$JAR" serve --config "$OUT/load.yaml" >"$OUT/server.log" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  for _ in $(seq 300); do
    grep -q "Parley ready" "$OUT/server.log" && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$OUT/server.log" >&2; die "the server exited"; }
    sleep 0.1
  done
  grep -q "Parley ready" "$OUT/server.log" || { tail -20 "$OUT/server.log" >&2; die "no 'Parley ready' in 30 s"; }
fi
if [ -z "$SERVER_PID" ]; then
  SERVER_PID="$(ss -H -ulpn "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true)"
  [ -n "$SERVER_PID" ] || die "nothing listens on UDP $TARGET (use --start-server or --server-pid)"
fi
kill -0 "$SERVER_PID" 2>/dev/null || die "no process $SERVER_PID"

# ------------------------------------------------------------------ callers
# Call j (0-based) joins room (j mod M)+1 as its member number j div M, so rooms fill evenly while the
# calls ramp up; members numbered below --talkers stream the tone.
ROOMS=$(( (CALLS + PER_ROOM - 1) / PER_ROOM ))
echo SEQUENTIAL >"$OUT/talkers.csv"
echo SEQUENTIAL >"$OUT/listeners.csv"
N_TALK=0 N_LISTEN=0
for ((j = 0; j < CALLS; j++)); do
  if (( j / ROOMS < TALKERS )); then
    echo "room$(( j % ROOMS + 1 ));" >>"$OUT/talkers.csv"; N_TALK=$((N_TALK + 1))
  else
    echo "room$(( j % ROOMS + 1 ));" >>"$OUT/listeners.csv"; N_LISTEN=$((N_LISTEN + 1))
  fi
done
BIGGER=$(( N_TALK > N_LISTEN ? N_TALK : N_LISTEN ))
RAMP=$(( (BIGGER + RATE - 1) / RATE ))
HOLD_S=$(( RAMP + SETTLE + DURATION + 3 ))
SIPP_TIMEOUT=$(( HOLD_S + RAMP + 30 ))

SIPP_PIDS=() SIPP_NAMES=()
start_sipp() { # name count csv ulaw sip-port media-port
  [ "$2" -gt 0 ] || return 0
  ( cd "$OUT" && exec sipp -sf "$ROOT/bench/sipp/uac-load.xml" "$TARGET" -inf "$OUT/$3" \
      -i 127.0.0.1 -p "$5" -mi 127.0.0.1 -mp "$6" -key rtp_stream "$OUT/$4,-1,0" \
      -r "$RATE" -l "$2" -m "$2" -d $((HOLD_S * 1000)) \
      -timeout "$SIPP_TIMEOUT" -timeout_error -nostdin -trace_err -trace_screen \
      >"$OUT/sipp-$1.log" 2>&1 ) &
  SIPP_PIDS+=($!) SIPP_NAMES+=("$1")
  PIDS+=($!)
}
start_sipp talkers "$N_TALK" talkers.csv tone.ulaw 5100 16000
start_sipp listeners "$N_LISTEN" listeners.csv silence.ulaw 5101 16010

echo "load.sh: $CALLS calls ($N_TALK talking) in $ROOMS rooms of $PER_ROOM against $TARGET (pid $SERVER_PID);" \
     "ramp ${RAMP}s, window ${DURATION}s, logs in $OUT" >&2
sleep $(( RAMP + SETTLE ))

# ------------------------------------------------------------------ the window
# utime + stime in clock ticks: fields 14 and 15 of stat, i.e. 12 and 13 after "pid (comm) ".
cpu_of() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
threads_of() { # "tid ticks name" for every thread of process $1
  local t
  for t in /proc/"$1"/task/*; do
    echo "${t##*/} $(cpu_of "${1}/task/${t##*/}") $(tr ' ' _ <"$t/comm" 2>/dev/null)"
  done
}
udp_drops() { # "inode drops" for the sockets bound to a local port in the RTP range
  awk -v lo="$RTP_MIN" -v hi="$RTP_MAX" '
    function hex(s,   i, n) { n = 0; for (i = 1; i <= length(s); i++) n = n * 16 + index("0123456789ABCDEF", substr(s, i, 1)) - 1; return n }
    NR > 1 { split($2, a, ":"); p = hex(a[2]); if (p >= lo && p <= hi) print $10, $NF }' /proc/net/udp
}
sipp_cpu() { local p s=0; for p in "${SIPP_PIDS[@]}"; do s=$(( s + $(cpu_of "$p") )); done; echo "$s"; }

threads_of "$SERVER_PID" >"$OUT/threads.0"
udp_drops >"$OUT/drops.0"
S0=$(cpu_of "$SERVER_PID") P0=$(sipp_cpu) T0=$(date +%s.%N)
dumpcap -q -i lo -s 96 -a "duration:$DURATION" -f "udp portrange $RTP_MIN-$RTP_MAX" -w "$OUT/rtp.pcapng" \
  >"$OUT/dumpcap.log" 2>&1 &
CAP=$!
PIDS+=("$CAP")
wait "$CAP" || die "dumpcap failed: $(cat "$OUT/dumpcap.log")"
S1=$(cpu_of "$SERVER_PID") P1=$(sipp_cpu) T1=$(date +%s.%N)
threads_of "$SERVER_PID" >"$OUT/threads.1"
udp_drops >"$OUT/drops.1"
SERVER_ALIVE=yes
kill -0 "$SERVER_PID" 2>/dev/null || SERVER_ALIVE="NO (it exited during the window)"

# ------------------------------------------------------------------ wait for the callers
for i in "${!SIPP_PIDS[@]}"; do
  rc=0
  wait "${SIPP_PIDS[$i]}" || rc=$?
  echo "${SIPP_NAMES[$i]} $rc" >>"$OUT/sipp.rc"
done

# ------------------------------------------------------------------ figures
WALL=$(awk -v a="$T0" -v b="$T1" 'BEGIN { print b - a }')
CPU=$(awk -v d=$((S1 - S0)) -v hz="$HZ" -v w="$WALL" 'BEGIN { printf "%.1f", 100 * d / hz / w }')
SIPP_CPU=$(awk -v d=$((P1 - P0)) -v hz="$HZ" -v w="$WALL" 'BEGIN { printf "%.1f", 100 * d / hz / w }')
TOP_THREADS=$(LC_ALL=C join <(LC_ALL=C sort -k1,1 "$OUT/threads.0") <(LC_ALL=C sort -k1,1 "$OUT/threads.1") \
  | awk -v hz="$HZ" -v w="$WALL" '{ d = $4 - $2; if (d > 0) printf "%.1f %s\n", 100 * d / hz / w, $3 }' \
  | sort -rn | head -6 | awk '{ printf "%s %s%%, ", $2, $1 }' | sed 's/, $//')
DROPS=$(awk 'NR == FNR { before[$1] = $2; next } { d += $2 - before[$1] } END { print d + 0 }' \
  "$OUT/drops.0" "$OUT/drops.1")

# One pass over the capture: counts per direction, and per server->caller stream the largest gap.
tshark -r "$OUT/rtp.pcapng" -T fields -E separator=' ' -e frame.time_relative -e udp.srcport -e udp.dstport \
  2>/dev/null | awk -v lo="$RTP_MIN" -v hi="$RTP_MAX" '
    { span = $1 }
    $3 >= lo && $3 <= hi { inn++ }
    $2 >= lo && $2 <= hi { out++; k = $2 ">" $3
      if (k in last) { g = $1 - last[k]; if (g > gap[k]) gap[k] = g; if (g > 0.040) late++ } else streams++
      last[k] = $1 }
    END {
      for (k in gap) { n++; s += gap[k]; if (gap[k] > m) m = gap[k] }
      printf "%d %d %d %.1f %.1f %d %.3f\n", inn, out, streams, n ? 1000 * s / n : 0, 1000 * m, late, span }' \
  >"$OUT/counts"
read -r PK_IN PK_OUT STREAMS GAP_MEAN GAP_MAX LATE SPAN <"$OUT/counts"
# The capture's own span (first to last packet), not the nominal duration, is the time base.
EXPECTED=$(awk -v n="$CALLS" -v t="$SPAN" -v p="$PTIME_MS" 'BEGIN { printf "%d", n * t * 1000 / p }')
rate() { awk -v n="$1" -v t="$SPAN" 'BEGIN { printf "%d", (t > 0 ? n / t : 0) }'; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b ? 100 * (1 - a / b) : 0 }'; }
ok_calls() { grep -h "Successful call" "$OUT"/*_screen.log 2>/dev/null | awk '{ s += $(NF) } END { print s + 0 }'; }
failed_calls() { grep -h "Failed call" "$OUT"/*_screen.log 2>/dev/null | awk '{ s += $(NF) } END { print s + 0 }'; }

{
  echo "calls            $CALLS in $ROOMS rooms of $PER_ROOM, $TALKERS talking per room; window ${DURATION}s"
  echo "sipp             $(ok_calls) successful, $(failed_calls) failed calls; exit codes: $(tr '\n' ' ' <"$OUT/sipp.rc")"
  echo "server CPU       ${CPU}% of one core ($(nproc) cores) over $(printf "%.1f" "$WALL")s; server alive after: $SERVER_ALIVE"
  echo "  busiest        $TOP_THREADS"
  echo "sipp CPU         ${SIPP_CPU}% of one core"
  echo "capture          ${SPAN}s from first to last packet"
  echo "server in        $PK_IN packets = $(rate "$PK_IN") pps (expected $(rate "$EXPECTED"); sipp shortfall $(pct "$PK_IN" "$EXPECTED")%)"
  echo "server out       $PK_OUT packets = $(rate "$PK_OUT") pps (expected $(rate "$EXPECTED"))"
  echo "out loss         $(pct "$PK_OUT" "$EXPECTED")% ($PK_OUT of $EXPECTED); $STREAMS streams to callers of $CALLS"
  echo "out gaps         largest gap per stream: mean ${GAP_MEAN} ms, max ${GAP_MAX} ms; $LATE gaps over 40 ms"
  echo "socket drops     $DROPS datagrams dropped on the server's RTP sockets"
} | tee "$OUT/summary.txt"
