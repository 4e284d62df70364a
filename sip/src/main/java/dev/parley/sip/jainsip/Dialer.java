package dev.parley.sip.jainsip;

import dev.parley.sip.NextHop;
import dev.parley.sip.OutgoingCall;
import dev.parley.sip.OutgoingCallListener;
import dev.parley.sip.OutgoingCallRequest;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sip.SipProvider;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;

/** Turns an {@link OutgoingCallRequest} into an INVITE and the {@link OutgoingDialog} that follows it. */
final class Dialer {
  private final SipProvider provider;
  private final UacMessages uac;
  private final Responder responder;
  private final ScheduledExecutorService timers;
  private final Set<DialogParty> live;

  Dialer(SipProvider provider, UacMessages uac, Responder responder, ScheduledExecutorService timers, Set<DialogParty> live) {
    this.provider = provider;
    this.uac = uac;
    this.responder = responder;
    this.timers = timers;
    this.live = live;
  }

  OutgoingCall dial(OutgoingCallRequest request, OutgoingCallListener listener) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(listener, "listener");
    Messages m = uac.messages();
    Request invite;
    URI target;
    String transport;
    try {
      target = m.addressFactory().createURI(request.requestUri());
      transport = UacMessages.transport(target, request.nextHop());
      String from = "sip:" + request.fromUser() + "@" + m.originHost();
      invite = uac.create(Request.INVITE, target, from, request.fromDisplayName(), request.requestUri(), transport,
          "parley", request.headers());
      m.setBody(invite, "application/sdp", request.offerSdp());
    } catch (Exception e) {
      throw new IllegalArgumentException("cannot build an INVITE for " + request.requestUri() + ": " + e.getMessage(), e);
    }
    String callId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
    OutgoingSignalling signalling = new OutgoingSignalling(provider, m, callId, transport, flow(request, target, transport));
    OutgoingDialog call = new OutgoingDialog(callId, request.offerSdp(), signalling, uac, responder,
        new ChallengeResponder(request.credentials()), listener, live::remove);
    live.add(call);
    call.start(invite);
    call.ringTimer(timers.schedule(call::onRingTimeout, request.ringTimeout().toMillis(), TimeUnit.MILLISECONDS));
    return call;
  }

  /**
   * The hop every request of the call takes: the one asked for, else for TCP the Request-URI's host
   * and port, so that BYE and ACK reuse the connection the INVITE opened; for UDP none (RFC 3261
   * §12.2.1.1: the remote target, i.e. the far end's Contact).
   */
  private static NextHop flow(OutgoingCallRequest request, URI target, String transport) {
    if (request.nextHop() != null) return request.nextHop();
    if ("tcp".equals(transport) && target instanceof SipURI s) {
      return new NextHop(s.getHost(), s.getPort() > 0 ? s.getPort() : 5060, "tcp");
    }
    return null;
  }
}
