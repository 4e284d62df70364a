package dev.parley.sip.jainsip;

import dev.parley.sip.CallHandler;
import gov.nist.javax.sip.DialogTimeoutEvent;
import gov.nist.javax.sip.SipListenerExt;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.SIPServerTransaction;
import gov.nist.javax.sip.stack.SIPTransaction;
import java.util.Locale;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionAlreadyExistsException;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.TransactionUnavailableException;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's listener: sorts each request out (RFC 3261 §8.2 checks, then dialog matching §12.2.2)
 * and either answers it at once or hands it to its call. Runs on the stack's event thread, so it never
 * waits for an application: new calls go to {@link CallHandler} on a fresh virtual thread, call events
 * through the call's {@link CallEvents}.
 */
final class RequestDispatcher implements SipListenerExt {
  private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);

  private final SipProvider provider;
  private final Responder responder;
  private final OutOfDialogRequests outOfDialog;
  private final CallHandler handler;
  private final Consumer<DialogParty> onCallStarted;
  private final Consumer<DialogParty> onCallFinished;
  private final RegistrarService registrar;
  private final InviteGate gate;
  private final RequestGuard guard;

  /** @param registrar null: REGISTER is answered 405 */
  RequestDispatcher(
      SipProvider provider,
      Responder responder,
      CallHandler handler,
      Consumer<DialogParty> onCallStarted,
      Consumer<DialogParty> onCallFinished,
      RegistrarService registrar,
      InviteGate gate,
      RequestGuard guard) {
    this.provider = provider;
    this.responder = responder;
    this.outOfDialog = new OutOfDialogRequests(responder);
    this.handler = handler;
    this.onCallStarted = onCallStarted;
    this.onCallFinished = onCallFinished;
    this.registrar = registrar;
    this.gate = gate;
    this.guard = guard;
  }

  @Override
  public void processRequest(RequestEvent event) {
    Request request = event.getRequest();
    try {
      dispatch(event, request);
    } catch (RuntimeException e) {
      log.warn("failed to handle {} {}", request.getMethod(), request.getRequestURI(), e);
    }
  }

  private void dispatch(RequestEvent event, Request request) {
    String method = request.getMethod();
    if (Request.ACK.equals(method)) {
      // An ACK for a 2xx (the stack absorbs those for non-2xx); never answered (RFC 3261 §17.2.3).
      DialogParty party = partyOf(event.getDialog());
      if (party != null) party.onAck(request);
      return;
    }
    boolean inDialog = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
    Rejection screened = guard.screen(request, inDialog);
    if (screened != null) {
      // Stateless (RFC 3261 §8.2.7): a flood must cost us neither a transaction nor a thread.
      log.debug("{} from {} refused with {}", method, RequestGuard.source(request), screened.status());
      responder.replyStateless(request, screened);
      return;
    }
    if (Request.INVITE.equals(method) && inDialog && partyOf(event.getDialog()) == null) {
      // §12.2.2: no such dialog. Stateless, or the RI would create a dialog for the transaction.
      responder.replyStateless(request, 481, "Call/Transaction Does Not Exist");
      return;
    }
    Rejection bad = RequestChecks.check(request);
    if (bad == null && Request.INVITE.equals(method) && !inDialog) bad = RequestChecks.contact(request);
    ServerTransaction st;
    try {
      st = serverTransaction(event);
    } catch (TransactionAlreadyExistsException retransmission) {
      return; // the original is being handled; its transaction answers the copies
    } catch (TransactionUnavailableException e) {
      log.debug("no transaction for {}: {}", method, e.getMessage());
      if (bad == null) bad = new Rejection(500, "Server Internal Error");
      responder.replyStateless(request, bad);
      return;
    }
    if (bad != null) {
      log.debug("{} refused with {} {}", method, bad.status(), bad.reason());
      responder.reply(st, bad);
      return;
    }
    DialogParty call = partyOf(event.getDialog() != null ? event.getDialog() : st.getDialog());
    switch (method) {
      case Request.INVITE -> {
        if (inDialog) call.onReinvite(st);
        else newCall(st);
      }
      case Request.BYE -> {
        if (call != null) call.onBye(st);
        else noDialog(st);
      }
      case Request.CANCEL -> {
        JainSipCall cancelled = call instanceof JainSipCall c ? c : callOf(cancelledInvite(st));
        if (cancelled != null) cancelled.onCancel(st);
        else noDialog(st);
      }
      case Request.INFO -> {
        if (call != null) call.onInfo(st);
        else noDialog(st);
      }
      case Request.OPTIONS -> {
        if (inDialog && call == null) noDialog(st);
        else outOfDialog.options(st, transport(st), responder.messages().localHost(request));
      }
      case Request.REGISTER -> {
        if (registrar != null) registrar.onRegister(st);
        else outOfDialog.register(st);
      }
      default -> outOfDialog.unsupported(st, method);
    }
  }

  private void newCall(ServerTransaction st) {
    // 100 at once (RFC 3261 §8.2.6.1 allows it; it stops INVITE retransmissions over UDP), rather
    // than the RI's 200 ms timer.
    responder.reply(st, 100, null);
    JainSipCall call = new JainSipCall(st, provider, responder, onCallFinished::accept);
    st.getDialog().setApplicationData(call);
    onCallStarted.accept(call);
    // DEBUG: the application logs the INVITE at INFO once it knows what the number means (a dialled
    // number may carry a PIN, 3000*1234, that must not reach the log).
    log.debug(
        "call {}: INVITE for '{}' from {} via {} {}:{}{}",
        call.callId(), call.requestUser(), call.fromUri(), call.transport(), call.remoteHost(), call.remotePort(),
        call.offerSdp() == null ? ", no SDP (delayed offer)" : "");
    Thread.ofVirtual().name("sip-invite " + call.callId()).start(() -> {
      try {
        if (!gate.admit(call, st.getRequest())) return;
        handler.onInvite(call);
      } catch (Throwable t) {
        log.error("call {}: the call handler failed", call.callId(), t);
        call.onHandlerFailed();
        if (t instanceof VirtualMachineError fatal) throw fatal;
      }
    });
  }

  /** §12.2.2: a request within a dialog we do not have. */
  private void noDialog(ServerTransaction st) {
    log.debug("{} for an unknown dialog, 481", st.getRequest().getMethod());
    responder.reply(st, 481, "Call/Transaction Does Not Exist");
  }

  /** The request's server transaction: the stack's if it made one (in-dialog requests, CANCEL), else a new one. */
  private ServerTransaction serverTransaction(RequestEvent event)
      throws TransactionAlreadyExistsException, TransactionUnavailableException {
    ServerTransaction st = event.getServerTransaction();
    return st != null ? st : provider.getNewServerTransaction(event.getRequest());
  }

  private static Dialog cancelledInvite(ServerTransaction cancel) {
    SIPServerTransaction invite = ((SIPServerTransaction) cancel).getCanceledInviteTransaction();
    return invite == null ? null : invite.getDialog();
  }

  private static String transport(ServerTransaction st) {
    return ((SIPTransaction) st).getTransport().toLowerCase(Locale.ROOT);
  }

  private static JainSipCall callOf(Dialog dialog) {
    return dialog != null && dialog.getApplicationData() instanceof JainSipCall c ? c : null;
  }

  private static DialogParty partyOf(Dialog dialog) {
    return dialog != null && dialog.getApplicationData() instanceof DialogParty p ? p : null;
  }

  // ---- the rest of the stack's events ------------------------------------------------------

  @Override
  public void processDialogTimeout(DialogTimeoutEvent event) {
    JainSipCall call = callOf(event.getDialog());
    if (call == null) return; // our own calls' dialogs: the INVITE transaction and BYE cover them
    switch (event.getReason()) {
      case AckNotReceived -> call.onAckTimeout();
      case EarlyStateTimeout -> call.onEarlyTimeout();
      default -> log.debug("call {}: dialog timeout {}", call.callId(), event.getReason());
    }
  }

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {
    switch (partyOf(event.getDialog())) {
      case JainSipCall call when !call.isTerminated() -> call.onDialogTerminated();
      case OutgoingDialog call -> call.onDialogTerminated(event.getDialog());
      case null, default -> {}
    }
  }

  /**
   * Responses go to whoever started the client transaction ({@link ResponseSink}). A 2xx that finds
   * no transaction is a retransmission after the INVITE transaction ended (RFC 3261 §13.2.2.4: it
   * must be acknowledged again); it goes to the call of its dialog.
   */
  @Override
  public void processResponse(ResponseEvent event) {
    ClientTransaction ct = event.getClientTransaction();
    Response r = event.getResponse();
    try {
      if (ct != null && ct.getApplicationData() instanceof ResponseSink sink) {
        sink.onResponse(event);
      } else if (r.getStatusCode() / 100 == 2 && partyOf(event.getDialog()) instanceof OutgoingDialog call) {
        call.onStray2xx(event.getDialog(), r);
      } else {
        log.debug("response {} to {} for nothing of ours", r.getStatusCode(), ((SIPMessage) r).getCSeq().getMethod());
      }
    } catch (RuntimeException e) {
      log.warn("failed to handle response {}", r.getStatusCode(), e);
    }
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    ClientTransaction ct = event.isServerTransaction() ? null : event.getClientTransaction();
    if (ct != null && ct.getApplicationData() instanceof ResponseSink sink) sink.onTimeout();
    else log.debug("transaction timeout ({})", event.getTimeout());
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    log.debug("I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {}
}
