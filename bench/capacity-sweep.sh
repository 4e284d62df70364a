#!/usr/bin/env bash
# The capacity sweep of issue #8: bench/capacity.sh against Parley for 100, 300, 500 and 1000 members
# in rooms of 10 and one room of 100, 300 and 500, everybody talking, and one markdown table of the
# figures (server CPU and RSS, packets per second each way, loss at the receivers, output jitter,
# pauses, media-thread allocation, failed calls). Each run's full summary stays in its directory.
#
#   bench/capacity-sweep.sh [--duration S] [--only "1000x10 1x500"]
#
# The environment of bench/capacity.sh applies (WIRE=1 adds the output jitter as captured on lo,
# REALTIME=0 runs the media threads without SCHED_FIFO).
#
# Run it in a network namespace of your own (see docs/performance.md); it takes about 2 minutes a run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DURATION=20
RUNS="100x10 300x10 500x10 1000x10 1x100 1x300 1x500"
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="$2"; shift 2 ;;
    --only) RUNS="$2"; shift 2 ;;
    *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
BASE="$(mktemp -d /tmp/parley-sweep.XXXXXX)"
field() { grep -m1 "$1" "$2" 2>/dev/null || true; }
echo "| members | rooms | Parley CPU | RSS | pkts/s in / out | loss at receivers (RFC 3550) / window shortfall | jitter p50 / p99 / max | wire jitter p50 / p99 / max | pauses p99 / max | media-thread allocation | failed calls | generator kept time | load avg before → after |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for run in $RUNS; do
  a="${run%x*}"; b="${run#*x}"
  if [ "$a" -ge 10 ] && [ "$b" = 10 ]; then rooms=$((a / 10)); per=10; else rooms=1; per="$b"; fi
  members=$((rooms * per)); out="$BASE/$members-in-$rooms"
  rate=$(( members < 200 ? members : 200 ))
  OUT="$out" "$ROOT/bench/capacity.sh" parley --rooms "$rooms" --per-room "$per" --duration "$DURATION" \
    --rate "$rate" >/dev/null 2>&1 || true
  s="$out/summary.txt"
  cpu="$(field 'target CPU' "$s" | sed 's/.*: \([0-9.]*\) % of one core.*/\1 %/')"
  rss="$(field 'target CPU' "$s" | sed 's/.*RSS \(.*\)$/\1/')"
  window="$(field '^calls ' "$s" | sed 's/.*window \([0-9.]*\) s.*/\1/')"
  sent="$(field 'per packet' "$s" | sed 's/.*(\([0-9]*\) sent, \([0-9]*\) received.*/\1 \2/')"
  pps="$(awk -v w="$window" '{ if (w > 0) printf "%.0f / %.0f", $1 / w, $2 / w }' <<<"$sent")"
  loss="$(field '^loss ' "$s" | sed 's/loss *\([0-9.]*\) %.*/\1 %/') / $(field '^received' "$s" | sed 's/.*shortfall \([0-9.-]*\) %.*/\1 %/')"
  jitter="$(field '^jitter' "$s" | sed 's/jitter *p50 \([0-9.]*\) ms, p99 \([0-9.]*\) ms, max \([0-9.]*\) ms.*/\1 \/ \2 \/ \3 ms/')"
  wire="$(field '^wire jitter' "$s" | sed 's/wire jitter *p50 \([0-9.]*\) ms, p99 \([0-9.]*\) ms, max \([0-9.]*\) ms.*/\1 \/ \2 \/ \3 ms/')"
  [ -n "$wire" ] || wire="-"
  pauses="$(field 'server pauses' "$s" | sed 's/.*p99 \([0-9.]*\) ms, max \([0-9.]*\) ms/\1 \/ \2 ms/; s/.*: none/none/')"
  alloc="$(grep 'media thread' "$s" 2>/dev/null | sed 's/.*allocated \([0-9]*\) bytes.*/\1 B/' | paste -sd+ - | sed 's/+/ + /g')"
  failed="$(field '^set up' "$s" | sed 's/set up *[0-9]* ok, \([0-9]*\) failed.*/\1/')"
  kept="$(grep -q 'did not keep time' "$s" 2>/dev/null && echo no || echo yes)"
  load="$(field 'load average before' "$s" | sed 's/.*: //') → $(field 'load average after' "$s" | sed 's/.*: *//')"
  echo "| $members | $rooms × $per | $cpu | $rss | $pps | $loss | $jitter | $wire | $pauses | $alloc | $failed | $kept | $load |"
done
echo
echo "summaries: $BASE/*/summary.txt"
