package dev.parley.sip.registrar;

import dev.parley.sip.Binding;
import java.util.List;

/** What the registrar answers a REGISTER with (RFC 3261 §10.3). */
public sealed interface RegisterOutcome {

  /**
   * 200: the request was applied.
   *
   * @param bindings every live binding of the user after it, for the Contact headers of the 200
   * @param changes what changed, for the listener
   */
  record Accepted(List<Binding> bindings, List<Change> changes) implements RegisterOutcome {}

  /** 423 Interval Too Brief with {@code Min-Expires: minExpiresSeconds} (§10.3 step 7). */
  record TooBrief(long minExpiresSeconds) implements RegisterOutcome {}

  /** Refused as it is: 400 for a malformed request, 500 for a stale CSeq (§10.3 step 7). */
  record Refused(int status, String reason) implements RegisterOutcome {}

  /** One change to one binding. */
  record Change(Kind kind, Binding binding) {
    public enum Kind {
      ADDED,
      REFRESHED,
      REMOVED,
      /** Lapsed before this request came; reported with it. */
      EXPIRED
    }
  }
}
