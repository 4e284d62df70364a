package dev.parley.sip;

/**
 * Whether a new INVITE needs a digest challenge before the {@link CallHandler} sees it. Called on the
 * call's virtual thread before {@link CallHandler#onInvite}, once per INVITE (the re-sent INVITE
 * with credentials is asked again).
 */
@FunctionalInterface
public interface InviteAuthPolicy {

  enum Decision {
    /** Hand the call to the handler as it is. */
    TRUST,
    /**
     * Challenge with 407 (RFC 3261 §22.3) unless the INVITE carries valid Proxy-Authorization; the
     * handler then sees {@link IncomingCall#authenticatedUser()}.
     */
    CHALLENGE,
    /** Refuse with 403 Forbidden. */
    REJECT
  }

  /** Trusts everyone: the behaviour without a policy. */
  InviteAuthPolicy TRUST_ALL = (host, user) -> Decision.TRUST;

  /**
   * @param sourceHost the packet's source address
   * @param fromUser the From user part, or {@code null}
   */
  Decision decide(String sourceHost, String fromUser);
}
