#!/usr/bin/env bash
# Installs the real peers and tools the test suite drives, with apt-get, only where missing.
set -euo pipefail
need=()
command -v sipp    >/dev/null || need+=(sip-tester)
command -v baresip >/dev/null || need+=(baresip)
command -v sox     >/dev/null || need+=(sox)
command -v espeak-ng >/dev/null || need+=(espeak-ng)
# The Opus reference tests (media *VsLibopusIT) use libopus's own encoder and decoder as the reference.
command -v opusdec >/dev/null || need+=(opus-tools)
# TlsFlowTest checks with `openssl s_client` that TLS 1.1 is refused and 1.2 accepted.
command -v openssl >/dev/null || need+=(openssl)
# The dashboard's browser test (DashboardIT) drives Debian's chromium through its chromedriver.
[ -x /usr/bin/chromium ]     || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  echo "install-test-deps: installing ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
# PostgreSQL's server binaries for the store tests, which start a throwaway cluster of their own
# (testkit PostgresServer); the package's own cluster is not used, so it is not started here.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "install-test-deps: installing postgresql" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
