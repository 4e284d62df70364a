package dev.parley.sip.jainsip;

/**
 * A request we refuse before any application sees it, with at most one header that tells the peer
 * what to change (Unsupported for 420, Accept for 415, Allow for 405).
 *
 * @param headerName {@code null} when no header goes with the status
 */
record Rejection(int status, String reason, String headerName, String headerValue) {
  Rejection(int status, String reason) {
    this(status, reason, null, null);
  }
}
