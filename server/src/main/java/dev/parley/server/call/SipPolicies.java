package dev.parley.server.call;

import dev.parley.server.config.ExtensionConfig;
import dev.parley.server.config.GatewayConfig;
import dev.parley.server.config.ServerConfig;
import dev.parley.server.config.SipDefences;
import dev.parley.sip.DigestRealm;
import dev.parley.sip.InviteAuthPolicy;
import dev.parley.sip.RegistrarPolicy;
import dev.parley.sip.RegistrationListener;
import dev.parley.sip.SipGuard;
import dev.parley.sip.SipServerOptions;
import dev.parley.sip.digest.DigestAlgorithm;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may register and who must authenticate, from the config: extensions register with digest
 * ({@code sip.digest-algorithms}; MD5 by default, which baresip and most desk phones answer), a
 * call whose From is an extension must prove it is that extension (407), a call from a gateway's
 * address and port is a trusted trunk call, anybody else dials rooms as the routes allow.
 */
public final class SipPolicies {
  private static final Logger log = LoggerFactory.getLogger(SipPolicies.class);

  private SipPolicies() {}

  public static SipServerOptions from(ServerConfig c) {
    DigestRealm realm = DigestRealm.of("parley", user -> Optional.ofNullable(c.extensions().get(user))
        .map(ExtensionConfig::password)).offering(c.sip().defences().digestAlgorithms().stream()
        .map(t -> DigestAlgorithm.ofToken(t).orElseThrow()).toList());
    InviteAuthPolicy invites = (host, fromUser) -> {
      for (GatewayConfig g : c.gateways().values()) {
        if (g.host().equals(host)) return InviteAuthPolicy.Decision.TRUST;
      }
      return fromUser != null && c.extensions().containsKey(fromUser)
          ? InviteAuthPolicy.Decision.CHALLENGE
          : InviteAuthPolicy.Decision.TRUST;
    };
    return SipServerOptions.none().withRealm(realm).withRegistrar(RegistrarPolicy.standard(new Registrations()))
        .withInviteAuth(invites).withGuard(guard(c.sip().defences()));
  }

  /** The config's defences; the password-guessing lockout keeps the SIP layer's defaults. */
  static SipGuard guard(SipDefences d) {
    return SipGuard.defaults().withRate(d.rateLimit(), d.rateBurst(), (int) d.retryAfter().toSeconds())
        .withRefusedUserAgents(d.refuseUserAgents());
  }

  /** One log line per registration change. */
  private static final class Registrations implements RegistrationListener {
    @Override
    public void onRegistered(dev.parley.sip.Binding b, boolean refresh) {
      if (!refresh) log.info("extension {} registered at {}", b.user(), b.contactUri());
    }

    @Override
    public void onExpired(dev.parley.sip.Binding b) {
      log.info("extension {} registration at {} expired", b.user(), b.contactUri());
    }

    @Override
    public void onRemoved(dev.parley.sip.Binding b) {
      log.info("extension {} unregistered {}", b.user(), b.contactUri());
    }

    @Override
    public void onAuthenticationFailed(String user, String sourceHost) {
      log.info("registration of '{}' from {} refused: wrong credentials", user, sourceHost);
    }
  }
}
