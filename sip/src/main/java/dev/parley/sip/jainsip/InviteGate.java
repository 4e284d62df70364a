package dev.parley.sip.jainsip;

import dev.parley.sip.InviteAuthPolicy;
import dev.parley.sip.guard.GuessLockout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link InviteAuthPolicy} applied to a new INVITE before the call handler sees it, on the
 * call's virtual thread (the policy and the password lookup may block). As a UAS that is not a proxy
 * we still challenge with 407 and Proxy-Authenticate (RFC 3261 §22.3 allows either; 407 is what PBXs
 * use for INVITE, so that a registrar's 401 for REGISTER and this do not collide in clients).
 */
final class InviteGate {
  private static final Logger log = LoggerFactory.getLogger(InviteGate.class);

  private final InviteAuthPolicy policy;
  private final DigestAuthenticator auth;
  private final GuessLockout guesses;
  private final Messages messages;

  /** @param auth null when no realm is configured: CHALLENGE then refuses (there is nothing to check) */
  InviteGate(InviteAuthPolicy policy, DigestAuthenticator auth, GuessLockout guesses, Messages messages) {
    this.policy = policy;
    this.auth = auth;
    this.guesses = guesses;
    this.messages = messages;
  }

  /** Whether the handler may have the call; if not, it has been answered. */
  boolean admit(JainSipCall call, javax.sip.message.Request invite) {
    InviteAuthPolicy.Decision d = policy.decide(call.remoteHost(), call.fromUser());
    switch (d) {
      case TRUST -> {
        return true;
      }
      case REJECT -> {
        call.refuseBeforeHandler(403, "Forbidden", r -> {});
        return false;
      }
      case CHALLENGE -> {
        if (auth == null) {
          log.warn("call {}: the INVITE policy asks for a challenge but no realm is configured; 403", call.callId());
          call.refuseBeforeHandler(403, "Forbidden", r -> {});
          return false;
        }
        return challenge(call, invite);
      }
    }
    return false;
  }

  private boolean challenge(JainSipCall call, javax.sip.message.Request invite) {
    if (guesses.lockedOut(call.remoteHost())) {
      log.info("call {}: INVITE from {}, locked out after repeated wrong credentials; 403", call.callId(), call.remoteHost());
      call.refuseBeforeHandler(403, "Forbidden", r -> {});
      return false;
    }
    switch (auth.verify(invite, true)) {
      case DigestAuthenticator.Verdict.Authenticated a -> {
        call.authenticatedAs(a.user());
        log.debug("call {}: authenticated as {}", call.callId(), a.user());
        return true;
      }
      case DigestAuthenticator.Verdict.Failed f -> {
        log.info("call {}: INVITE from {} with wrong credentials for '{}'", call.callId(), call.remoteHost(), f.user());
        if (guesses.failed(call.remoteHost())) log.warn("{} locked out after repeated wrong credentials", call.remoteHost());
        call.refuseBeforeHandler(403, "Forbidden", r -> {});
      }
      case DigestAuthenticator.Verdict.Stale s ->
          call.refuseBeforeHandler(407, "Proxy Authentication Required", r -> auth.challenge(messages, r, true));
      case DigestAuthenticator.Verdict.Missing m ->
          call.refuseBeforeHandler(407, "Proxy Authentication Required", r -> auth.challenge(messages, r, false));
    }
    return false;
  }
}
