package dev.parley.sip.jainsip;

import dev.parley.sip.SipGuard;
import dev.parley.sip.guard.SourceRateLimiter;
import dev.parley.sip.guard.UserAgentFilter;
import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPMessage;
import java.net.InetAddress;
import javax.sip.header.Header;
import javax.sip.header.UserAgentHeader;
import javax.sip.message.Request;

/**
 * The {@link SipGuard} applied to each request as it arrives, before a transaction or a thread is
 * spent on it: scanners' user agents get 403, a source over its rate gets 503 with Retry-After.
 * Requests inside a dialog and CANCELs are never rate limited, so the calls in progress keep their
 * signalling however hard one source floods. Runs on the stack's receive threads.
 */
final class RequestGuard {
  private final UserAgentFilter agents;
  private final SourceRateLimiter limiter;
  private final Rejection overLimit;

  RequestGuard(SipGuard guard) {
    this.agents = new UserAgentFilter(guard.refuseUserAgents());
    this.limiter = guard.requestsPerSecond() > 0
        ? new SourceRateLimiter(guard.requestsPerSecond(), guard.burst(), System.nanoTime())
        : null;
    // RFC 3261 §21.5.4: 503 with Retry-After tells a well-behaved client when to come back.
    this.overLimit = new Rejection(503, "Service Unavailable", "Retry-After", Integer.toString(guard.retryAfterSeconds()));
  }

  /** The refusal for {@code request}, or null to go on. Never called for ACK (it is never answered). */
  Rejection screen(Request request, boolean inDialog) {
    if (agents.refuses(userAgent(request))) return new Rejection(403, "Forbidden");
    if (limiter == null || inDialog || Request.CANCEL.equals(request.getMethod())) return null;
    return limiter.tryAcquire(source(request), System.nanoTime()) ? null : overLimit;
  }

  static String source(Request request) {
    InetAddress a = ((SIPMessage) request).getPeerPacketSourceAddress();
    return a == null ? "unknown" : a.getHostAddress();
  }

  private static String userAgent(Request request) {
    Header h = request.getHeader(UserAgentHeader.NAME);
    return h instanceof SIPHeader s ? s.getHeaderValue() : null;
  }
}
