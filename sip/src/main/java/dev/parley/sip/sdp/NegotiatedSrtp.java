package dev.parley.sip.sdp;

import java.util.Objects;

/**
 * The SRTP agreed for a stream by SDES: the suite, our key and salt (what we send with) and the
 * peer's (what it sends with), 30 bytes each (RFC 4568 §6.1).
 */
public record NegotiatedSrtp(String suite, byte[] ourKeyAndSalt, byte[] theirKeyAndSalt) {
  public NegotiatedSrtp {
    Objects.requireNonNull(suite, "suite");
    ourKeyAndSalt = ourKeyAndSalt.clone();
    theirKeyAndSalt = theirKeyAndSalt.clone();
  }

  @Override
  public byte[] ourKeyAndSalt() {
    return ourKeyAndSalt.clone();
  }

  @Override
  public byte[] theirKeyAndSalt() {
    return theirKeyAndSalt.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NegotiatedSrtp n && n.suite.equals(suite)
        && java.util.Arrays.equals(n.ourKeyAndSalt, ourKeyAndSalt)
        && java.util.Arrays.equals(n.theirKeyAndSalt, theirKeyAndSalt);
  }

  @Override
  public int hashCode() {
    return suite.hashCode();
  }

  /** Never prints keys. */
  @Override
  public String toString() {
    return "NegotiatedSrtp[" + suite + "]";
  }
}
