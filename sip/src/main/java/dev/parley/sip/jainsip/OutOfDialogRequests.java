package dev.parley.sip.jainsip;

import java.text.ParseException;
import javax.sip.ServerTransaction;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests the server answers without a call: OPTIONS (in or out of a dialog, the answer is the
 * same), REGISTER, and methods we do not implement.
 *
 * <p>REGISTER comes here only when the server has no registrar ({@link RegistrarService} otherwise):
 * it is refused with 405 like any method we know but do not implement.
 */
final class OutOfDialogRequests {
  private static final Logger log = LoggerFactory.getLogger(OutOfDialogRequests.class);
  private final Responder responder;

  OutOfDialogRequests(Responder responder) {
    this.responder = responder;
  }

  /** RFC 3261 §11.2: 200 with Allow and Accept (plus Contact, which §11.2 allows). */
  void options(ServerTransaction st, String transport, String localHost) {
    try {
      Messages m = responder.messages();
      Response ok = m.response(st.getRequest(), 200, null);
      m.addCapabilities(ok);
      ok.setHeader(m.contact(transport, localHost));
      responder.send(st, ok);
      log.debug("OPTIONS answered 200");
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** REGISTER without a registrar: 405. */
  void register(ServerTransaction st) {
    responder.reply(st, new Rejection(405, "Method Not Allowed"));
    log.debug("REGISTER refused with 405");
  }

  /** RFC 3261 §8.2.1: 405 with Allow for a method we know but do not implement, else 501. */
  void unsupported(ServerTransaction st, String method) {
    int status = Methods.isKnownButUnsupported(method) ? 405 : 501;
    responder.reply(st, new Rejection(status, status == 405 ? "Method Not Allowed" : "Not Implemented"));
    log.debug("{} refused with {}", method, status);
  }
}
