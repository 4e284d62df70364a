package dev.parley.sip;

import java.util.Optional;

/**
 * The application's users: the SIP layer keeps no configuration of its own. Called on a virtual
 * thread (never a SIP stack thread), so it may block, e.g. on a database; it should answer quickly,
 * because the peer's request waits for it.
 */
@FunctionalInterface
public interface PasswordLookup {

  /** The password of {@code user} (the digest username), or empty when there is no such user. */
  Optional<String> password(String user);
}
