package dev.parley.media.srtp;

import java.util.Objects;

/**
 * The two SDES keys of one call (RFC 4568 §6.1): we protect what we send with ours and unprotect what
 * we receive with the peer's. Both use the suite the offer/answer agreed.
 */
public record SrtpKeyPair(SrtpKeys ours, SrtpKeys theirs) {
  public SrtpKeyPair {
    Objects.requireNonNull(ours, "ours");
    Objects.requireNonNull(theirs, "theirs");
    if (ours.suite() != theirs.suite()) throw new IllegalArgumentException("both keys must use one suite");
  }
}
