#!/usr/bin/env bash
# Builds the JMH benchmarks (module benchmarks) and runs them with settings short enough for a small
# machine: one fork, 2 warm-up and 3 measured iterations of 1 s each.
#
#   bench/run-jmh.sh                      every benchmark
#   bench/run-jmh.sh MixTick              only benchmarks whose name matches the regex
#   bench/run-jmh.sh MixTick -p members=100 -p talkers=1    more JMH options after the filter
#
# Environment: JMH_OPTS replaces the default run settings; SKIP_BUILD=1 reuses benchmarks.jar;
# JAVA_HOME picks the JDK (default Temurin 25). The JMH log is also written to
# benchmarks/target/jmh-<filter>.log, the result table to benchmarks/target/jmh-<filter>.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
FILTER="${1:-.}"
[ $# -gt 0 ] && shift
JMH_OPTS="${JMH_OPTS:--f 1 -wi 2 -i 3 -w 1s -r 1s}"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  (cd "$ROOT" && ./mvnw -q -B -pl media,benchmarks -am package -DskipTests)
fi
JAR="$ROOT/benchmarks/target/benchmarks.jar"
[ -f "$JAR" ] || { echo "run-jmh.sh: $JAR is missing" >&2; exit 1; }

NAME="$(echo "$FILTER" | tr -c 'A-Za-z0-9_\n' _)"
[ "$FILTER" = . ] && NAME=all
LOG="$ROOT/benchmarks/target/jmh-$NAME.log"
TABLE="$ROOT/benchmarks/target/jmh-$NAME.txt"
# shellcheck disable=SC2086  # JMH_OPTS is a list of options
"$JAVA_HOME/bin/java" -jar "$JAR" $JMH_OPTS -rf text -rff "$TABLE" "$@" "$FILTER" | tee "$LOG"
