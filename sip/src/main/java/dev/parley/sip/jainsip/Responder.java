package dev.parley.sip.jainsip;

import java.text.ParseException;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends responses. A response that cannot be sent (the transaction ended meanwhile, the connection
 * closed) is logged at DEBUG and otherwise ignored: the transaction layer retransmits or times out,
 * and nothing the caller of this class could do would help.
 */
final class Responder {
  private static final Logger log = LoggerFactory.getLogger(Responder.class);

  private final Messages messages;
  private final SipProvider provider;

  Responder(Messages messages, SipProvider provider) {
    this.messages = messages;
    this.provider = provider;
  }

  Messages messages() {
    return messages;
  }

  /** Sends a prepared response on its transaction; false if it could not be sent. */
  boolean send(ServerTransaction st, Response response) {
    try {
      st.sendResponse(response);
      return true;
    } catch (SipException | InvalidArgumentException | RuntimeException e) {
      log.debug("could not send {} {}: {}", response.getStatusCode(), response.getReasonPhrase(), e.toString());
      return false;
    }
  }

  /** A plain response with a fresh To tag. */
  boolean reply(ServerTransaction st, int status, String reason) {
    try {
      return send(st, messages.response(st.getRequest(), status, reason));
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The response a {@link Rejection} describes. */
  boolean reply(ServerTransaction st, Rejection r) {
    try {
      Response response = messages.response(st.getRequest(), r.status(), r.reason());
      if (r.headerName() != null) messages.addHeader(response, r.headerName(), r.headerValue());
      if (r.status() == 405 || r.status() == 501) messages.addAllow(response);
      return send(st, response);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Answers without a transaction (RFC 3261 §8.2.7), for requests that must not create state, such
   * as an INVITE naming a dialog we do not know (the RI would create a dialog for its transaction).
   */
  void replyStateless(Request request, int status, String reason) {
    replyStateless(request, new Rejection(status, reason));
  }

  /** {@link #replyStateless(Request, int, String)} for a {@link Rejection}. */
  void replyStateless(Request request, Rejection r) {
    try {
      Response response = messages.response(request, r.status(), r.reason());
      if (r.headerName() != null) messages.addHeader(response, r.headerName(), r.headerValue());
      if (r.status() == 405 || r.status() == 501) messages.addAllow(response);
      provider.sendResponse(response);
    } catch (SipException | ParseException | RuntimeException e) {
      log.debug("could not send {} statelessly: {}", r.status(), e.toString());
    }
  }
}
