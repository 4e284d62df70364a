package dev.parley.sip.jainsip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.DefaultRouter;
import java.util.ListIterator;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.message.Request;

/**
 * Picks the next hop of the requests we send (BYE). A request that carries a {@link Hop} as its
 * application data goes there: {@link JainSipCall} attaches the TCP connection a call arrived on, so
 * that the BYE reuses it (RFC 3261 §18.1.1 lets a client reuse a connection; behind NAT it is the only
 * way back). Everything else follows RFC 3261 §8.1.2 through the RI's {@link DefaultRouter}: first
 * Route, else the Request-URI, i.e. the peer's Contact.
 *
 * <p>Without this, the RI would send the BYE of a TCP call whose Contact lacks {@code ;transport=tcp}
 * over UDP, while its Via says TCP.
 *
 * <p>The RI instantiates it by name ({@code javax.sip.ROUTER_PATH}) with this constructor.
 */
public final class FlowRouter implements Router {
  private final DefaultRouter fallback;

  public FlowRouter(SipStack stack, String outboundProxy) {
    this.fallback = new DefaultRouter(stack, outboundProxy);
  }

  @Override
  public Hop getNextHop(Request request) throws SipException {
    if (request instanceof SIPMessage m && m.getApplicationData() instanceof Hop flow) return flow;
    return fallback.getNextHop(request);
  }

  @Override
  @SuppressWarnings("deprecation")
  public ListIterator<?> getNextHops(Request request) {
    return fallback.getNextHops(request);
  }

  @Override
  public Hop getOutboundProxy() {
    return fallback.getOutboundProxy();
  }
}
