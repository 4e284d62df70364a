package dev.parley.sip.jainsip;

import dev.parley.sip.NextHop;
import java.text.ParseException;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages of one call we placed: its INVITEs, the ACK for the 2xx, CANCEL, BYE, INFO and the
 * answers to in-dialog requests. Decides nothing; {@link OutgoingDialog} does.
 *
 * <p>Every request of the call goes to {@code flow} when there is one: the next hop the application
 * named (a registered contact's source address: behind NAT the Contact is unreachable), or for TCP
 * the connection the INVITE opened (see {@link FlowRouter}).
 */
final class OutgoingSignalling {
  private static final Logger log = LoggerFactory.getLogger(OutgoingSignalling.class);

  private final SipProvider provider;
  private final Messages messages;
  private final String callId;
  private final String transport;
  private final NextHop flow;

  OutgoingSignalling(SipProvider provider, Messages messages, String callId, String transport, NextHop flow) {
    this.provider = provider;
    this.messages = messages;
    this.callId = callId;
    this.transport = transport;
    this.flow = flow;
  }

  /** Sends an INVITE on a new client transaction whose responses go to {@code sink}. */
  ClientTransaction invite(Request invite, ResponseSink sink) throws SipException {
    UacMessages.routeVia(invite, flow);
    ClientTransaction ct = provider.getNewClientTransaction(invite);
    ct.setApplicationData(sink);
    if (ct.getDialog() != null) ct.getDialog().setApplicationData(sink);
    ct.sendRequest();
    return ct;
  }

  /** ACK for a 2xx (RFC 3261 §13.2.2.4): a request of its own, built from the dialog. */
  Request ack(Dialog dialog, Response ok) throws SipException, InvalidArgumentException {
    long cseq = ((CSeqHeader) ok.getHeader(CSeqHeader.NAME)).getSeqNumber();
    Request ack = dialog.createAck(cseq);
    prepare(ack);
    dialog.sendAck(ack);
    return ack;
  }

  /** The same ACK again, for a retransmitted 2xx (RFC 3261 §13.2.2.4: the UAC re-sends its ACK). */
  void reAck(Dialog dialog, Request ack) {
    try {
      dialog.sendAck(ack);
      log.debug("call {}: 2xx retransmitted, ACK re-sent", callId);
    } catch (SipException | RuntimeException e) {
      log.debug("call {}: could not re-send the ACK: {}", callId, e.toString());
    }
  }

  /** CANCEL for the INVITE (RFC 3261 §9.1): same Request-URI, Call-ID, CSeq number, Via branch. */
  void cancel(ClientTransaction inviteTx) {
    try {
      Request cancel = inviteTx.createCancel();
      UacMessages.routeVia(cancel, flow);
      ClientTransaction ct = provider.getNewClientTransaction(cancel);
      ct.setApplicationData(ResponseSink.IGNORE);
      ct.sendRequest();
      log.info("call {}: CANCEL sent", callId);
    } catch (SipException | RuntimeException e) {
      log.warn("call {}: could not send CANCEL: {}", callId, e.toString());
    }
  }

  void bye(Dialog dialog) {
    inDialog(dialog, Request.BYE, null, null);
  }

  void info(Dialog dialog, String contentType, String body) {
    inDialog(dialog, Request.INFO, contentType, body);
  }

  private void inDialog(Dialog dialog, String method, String contentType, String body) {
    try {
      Request r = dialog.createRequest(method);
      prepare(r);
      if (body != null) messages.setBody(r, contentType, body);
      ClientTransaction ct = provider.getNewClientTransaction(r);
      ct.setApplicationData(ResponseSink.IGNORE);
      dialog.sendRequest(ct);
      log.info("call {}: {} sent", callId, method);
    } catch (SipException | ParseException | RuntimeException e) {
      log.warn("call {}: could not send {}: {}", callId, method, e.toString());
    }
  }

  private void prepare(Request r) throws SipException {
    try {
      messages.stampUserAgent(r);
      ((ViaHeader) r.getHeader(ViaHeader.NAME)).setHost(messages.originHost());
    } catch (ParseException e) {
      throw new SipException("cannot prepare " + r.getMethod(), e);
    }
    UacMessages.routeVia(r, flow);
  }

  /** 200 with our SDP for the far end's re-INVITE (RFC 3261 §14.2), with a Contact for the target refresh. */
  void answerReinvite(ServerTransaction st, String sdp, Responder responder) {
    try {
      Response ok = messages.response(st.getRequest(), 200, null, null);
      ok.setHeader(messages.contact(transport, messages.originHost()));
      messages.addAllow(ok);
      messages.setBody(ok, "application/sdp", sdp);
      responder.send(st, ok);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
