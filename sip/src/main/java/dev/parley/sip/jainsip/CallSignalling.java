package dev.parley.sip.jainsip;

import gov.nist.javax.sip.SipProviderImpl;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.HopImpl;
import gov.nist.javax.sip.stack.SIPDialog;
import java.text.ParseException;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages one call puts on the wire: responses to its INVITE, 200s to its re-INVITEs, its BYE.
 * Decides nothing; {@link JainSipCall} says what to send and when.
 */
final class CallSignalling {
  private static final Logger log = LoggerFactory.getLogger(CallSignalling.class);

  private final ServerTransaction inviteTx;
  private final Dialog dialog;
  private final SipProvider provider;
  private final Responder responder;
  private final Messages messages;
  private final String callId;
  private final String transport;
  private final String localHost;
  /** Our To tag: one dialog, one tag, on every response (RFC 3261 §12.1.1). */
  private final String toTag = Messages.newTag();
  /** The caller's TCP connection, for our in-dialog requests (see {@link FlowRouter}); null for UDP. */
  private final Hop flow;

  CallSignalling(ServerTransaction inviteTx, SipProvider provider, Responder responder, InviteFacts facts) {
    this.inviteTx = inviteTx;
    this.dialog = inviteTx.getDialog();
    this.provider = provider;
    this.responder = responder;
    this.messages = responder.messages();
    this.callId = facts.callId();
    this.transport = facts.transport();
    this.localHost = messages.localHost(inviteTx.getRequest());
    this.flow = "udp".equals(transport) ? null : new HopImpl(facts.remoteHost(), facts.remotePort(), transport);
    // The RI tells the provider about a dialog's timeouts (no ACK for our 2xx) only once the dialog
    // has been early; a call answered without a 1xx never is. Register it from the start.
    ((SIPDialog) dialog).addEventListener((SipProviderImpl) provider);
  }

  /**
   * A response to the INVITE: Contact on 1xx and 2xx (RFC 3261 §12.1.1), Allow and the SDP on 2xx.
   *
   * @return whether it was sent
   */
  boolean respondToInvite(int status, String reason, String sdp) {
    return respondToInvite(status, reason, sdp, r -> {});
  }

  /** {@link #respondToInvite(int, String, String)}, with headers added by {@code decorate}. */
  boolean respondToInvite(int status, String reason, String sdp, java.util.function.Consumer<Response> decorate) {
    try {
      Response r = messages.response(inviteTx.getRequest(), status, reason, status == 100 ? null : toTag);
      if (status < 300) r.setHeader(messages.contact(transport, localHost));
      if (status / 100 == 2) messages.addAllow(r);
      if (sdp != null) messages.setBody(r, "application/sdp", sdp);
      decorate.accept(r);
      return responder.send(inviteTx, r);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 200 with SDP for an in-dialog INVITE (its Contact refreshes the target, RFC 3261 §14.2). */
  void answerReinvite(ServerTransaction st, String sdp) {
    try {
      Response ok = messages.response(st.getRequest(), 200, null, null);
      ok.setHeader(messages.contact(transport, localHost));
      messages.addAllow(ok);
      messages.setBody(ok, "application/sdp", sdp);
      responder.send(st, ok);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A plain response to an in-dialog request. */
  void reply(ServerTransaction st, int status, String reason) {
    responder.reply(st, status, reason);
  }

  /**
   * BYE, to the remote target (the peer's Contact, RFC 3261 §12.2.1.1) or, for TCP, over the
   * caller's connection. A failure is logged: the call is over for us either way.
   */
  void bye() {
    try {
      Request bye = dialog.createRequest(Request.BYE);
      messages.stampUserAgent(bye);
      ((ViaHeader) bye.getHeader(ViaHeader.NAME)).setHost(localHost);
      if (flow != null) ((SIPMessage) bye).setApplicationData(flow);
      ClientTransaction ct = provider.getNewClientTransaction(bye);
      dialog.sendRequest(ct);
      log.info("call {}: BYE sent to {} over {}", callId, target(bye), transport);
    } catch (SipException | ParseException | RuntimeException e) {
      log.warn("call {}: could not send BYE: {}", callId, e.toString());
    }
  }

  private String target(Request r) {
    if (flow != null) return flow.getHost() + ":" + flow.getPort();
    return r.getRequestURI() instanceof SipURI u ? u.getHost() + ":" + u.getPort() : r.getRequestURI().toString();
  }
}
