package dev.parley.server.call;

import dev.parley.server.config.GatewayConfig;
import dev.parley.sip.Credentials;
import dev.parley.sip.OutboundRegistration;
import dev.parley.sip.SipServer;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a registration at every gateway that asks for one ({@code register: true}). */
public final class TrunkRegistrations {
  private static final Logger log = LoggerFactory.getLogger(TrunkRegistrations.class);

  private TrunkRegistrations() {}

  /** Registrations stop with the SIP stack (it un-registers them when closed). */
  public static void start(SipServer sip, Collection<GatewayConfig> gateways) {
    for (GatewayConfig g : gateways) {
      if (!g.register()) continue;
      String registrar = "sip:" + g.host() + ":" + g.port();
      String aor = "sip:" + g.username() + "@" + g.host();
      sip.register(OutboundRegistration.of(registrar, aor, new Credentials(g.username(), g.password()))
          .withTransport(g.transport()), (state, status, reason, granted) ->
          log.info("gateway {}: registration {} ({} {})", g.name(), state, status, reason));
    }
  }
}
