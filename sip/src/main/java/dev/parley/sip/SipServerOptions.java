package dev.parley.sip;

import java.time.Clock;
import java.util.Objects;

/**
 * What the server does besides answering calls. Everything is off by default: REGISTER is refused
 * with 405 and every INVITE goes to the handler.
 *
 * @param realm how we challenge (REGISTER and INVITE); {@code null}: no authentication at all, so a
 *     registrar then accepts any REGISTER
 * @param registrar the registrar's rules; {@code null}: REGISTER is answered 405
 * @param inviteAuth which INVITEs are challenged; needs {@code realm} for {@link
 *     InviteAuthPolicy.Decision#CHALLENGE}
 * @param clock for binding expiry and nonce age
 * @param guard rate limits, refused user agents and the password-guessing lockout
 */
public record SipServerOptions(DigestRealm realm, RegistrarPolicy registrar, InviteAuthPolicy inviteAuth, Clock clock,
    SipGuard guard) {
  public SipServerOptions {
    Objects.requireNonNull(inviteAuth, "inviteAuth");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(guard, "guard");
  }

  /** No registrar, no authentication; the {@linkplain SipGuard#defaults() default guard}. */
  public static SipServerOptions none() {
    return new SipServerOptions(null, null, InviteAuthPolicy.TRUST_ALL, Clock.systemUTC(), SipGuard.defaults());
  }

  public SipServerOptions withGuard(SipGuard guard) {
    return new SipServerOptions(realm, registrar, inviteAuth, clock, guard);
  }

  public SipServerOptions withRealm(DigestRealm realm) {
    return new SipServerOptions(realm, registrar, inviteAuth, clock, guard);
  }

  public SipServerOptions withRegistrar(RegistrarPolicy registrar) {
    return new SipServerOptions(realm, registrar, inviteAuth, clock, guard);
  }

  public SipServerOptions withInviteAuth(InviteAuthPolicy inviteAuth) {
    return new SipServerOptions(realm, registrar, inviteAuth, clock, guard);
  }

  public SipServerOptions withClock(Clock clock) {
    return new SipServerOptions(realm, registrar, inviteAuth, clock, guard);
  }
}
