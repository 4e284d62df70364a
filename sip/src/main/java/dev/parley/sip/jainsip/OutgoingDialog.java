package dev.parley.sip.jainsip;

import dev.parley.sip.EndReason;
import dev.parley.sip.OutgoingCall;
import dev.parley.sip.OutgoingCallListener;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call we placed (RFC 3261 §13.2): the state machine between the application's operations (any
 * thread), the INVITE's responses and the far end's in-dialog requests (the stack's thread). Two
 * clocks again, as in {@link JainSipCall}: {@link Sip} is where the exchange is, {@link Told} what
 * the application has heard. They part when the ring timeout fails the call while the INVITE is still
 * pending: a 2xx arriving after that must still be acknowledged and ended with BYE (§15).
 *
 * <p>Decisions under this object's monitor, messages sent after it is released.
 */
final class OutgoingDialog implements OutgoingCall, DialogParty, ResponseSink {
  private static final Logger log = LoggerFactory.getLogger(OutgoingDialog.class);

  private enum Sip { CALLING, EARLY, ANSWERED, DONE }

  private enum Told { NOTHING, FAILED, ANSWERED, ENDED }

  private final String callId;
  private final String offerSdp;
  private final OutgoingSignalling signalling;
  private final UacMessages uac;
  private final Responder responder;
  private final ChallengeResponder challenges;
  private final CallEvents<OutgoingCallListener> events;
  private final Consumer<OutgoingDialog> onFinished;

  private Sip sip = Sip.CALLING;
  private Told told = Told.NOTHING;
  private boolean cancelWanted;
  private boolean cancelSent;
  private Request invite;
  private ClientTransaction inviteTx;
  private Dialog dialog;
  private Request ack;
  private ScheduledFuture<?> ringTimer;

  OutgoingDialog(String callId, String offerSdp, OutgoingSignalling signalling, UacMessages uac, Responder responder,
      ChallengeResponder challenges, OutgoingCallListener listener, Consumer<OutgoingDialog> onFinished) {
    this.callId = callId;
    this.offerSdp = offerSdp;
    this.signalling = signalling;
    this.uac = uac;
    this.responder = responder;
    this.challenges = challenges;
    this.onFinished = onFinished;
    this.events = new CallEvents<>("call " + callId);
    events.setListener(listener);
  }

  /** Sends the first INVITE; {@code ringTimer} is armed by the caller right after. */
  void start(Request first) {
    send(first);
  }

  void ringTimer(ScheduledFuture<?> timer) {
    synchronized (this) {
      ringTimer = timer;
    }
  }

  private void send(Request request) {
    synchronized (this) {
      invite = request;
    }
    try {
      ClientTransaction ct = signalling.invite(request, this);
      synchronized (this) {
        inviteTx = ct;
      }
      log.info("call {}: INVITE sent to {}", callId, request.getRequestURI());
    } catch (Exception e) {
      log.warn("call {}: could not send the INVITE: {}", callId, e.toString());
      finish(503, "Service Unavailable");
    }
  }

  @Override
  public String callId() {
    return callId;
  }

  // ---- operations of the application -------------------------------------------------------

  @Override
  public void cancel() {
    ClientTransaction toCancel = null;
    synchronized (this) {
      if (sip == Sip.ANSWERED || sip == Sip.DONE || cancelWanted) return;
      cancelWanted = true;
      // §9.1: no CANCEL before a provisional response; the first one will trigger it.
      if (sip == Sip.EARLY && !cancelSent) {
        cancelSent = true;
        toCancel = inviteTx;
      }
    }
    if (toCancel != null) signalling.cancel(toCancel);
  }

  @Override
  public void hangup() {
    Dialog byeOn = null;
    synchronized (this) {
      if (sip == Sip.ANSWERED) {
        sip = Sip.DONE;
        byeOn = dialog;
      }
    }
    if (byeOn == null) {
      cancel();
      return;
    }
    signalling.bye(byeOn);
    tell(Told.ENDED, l -> l.onEnded(EndReason.LOCAL_HANGUP));
    onFinished.accept(this);
  }

  @Override
  public void sendInfo(String contentType, String body) {
    Dialog on;
    synchronized (this) {
      on = sip == Sip.ANSWERED ? dialog : null;
    }
    if (on != null) signalling.info(on, contentType, body);
    else log.debug("call {}: sendInfo ignored, call is {}", callId, sip);
  }

  @Override
  public synchronized boolean isTerminated() {
    return told == Told.FAILED || told == Told.ENDED;
  }

  /** The ring timeout: give up with 408 (CANCEL if something is ringing). */
  void onRingTimeout() {
    ClientTransaction toCancel = null;
    synchronized (this) {
      if (sip == Sip.ANSWERED || sip == Sip.DONE || told != Told.NOTHING) return;
      cancelWanted = true;
      if (sip == Sip.EARLY && !cancelSent) {
        cancelSent = true;
        toCancel = inviteTx;
      }
    }
    log.info("call {}: no answer within the ring timeout", callId);
    tell(Told.FAILED, l -> l.onFailed(408, "Request Timeout"));
    if (toCancel != null) signalling.cancel(toCancel);
  }

  // ---- responses to our INVITE (the stack's thread) ---------------------------------------

  @Override
  public void onResponse(ResponseEvent event) {
    Response r = event.getResponse();
    int status = r.getStatusCode();
    if (status < 200) provisional(r);
    else if (status < 300) answered(event.getDialog() != null ? event.getDialog() : event.getClientTransaction().getDialog(), r);
    else if ((status == 401 || status == 407) && retryWithCredentials(r)) return;
    else finish(status, r.getReasonPhrase());
  }

  private void provisional(Response r) {
    ClientTransaction toCancel = null;
    boolean quiet;
    synchronized (this) {
      if (sip == Sip.CALLING) sip = Sip.EARLY;
      if (sip != Sip.EARLY) return;
      if (cancelWanted && !cancelSent) {
        cancelSent = true;
        toCancel = inviteTx;
      }
      quiet = cancelWanted || told != Told.NOTHING;
    }
    if (toCancel != null) signalling.cancel(toCancel);
    if (quiet) return;
    int status = r.getStatusCode();
    String sdp = status > 100 ? Messages.body(r) : null;
    log.info("call {}: {} {}{}", callId, status, r.getReasonPhrase(), sdp == null ? "" : " with SDP");
    if (sdp != null) events.post(l -> l.onEarlyMedia(sdp));
    else events.post(l -> l.onProgress(status));
  }

  /** A 2xx: ACK it; then either the call is on, or it was abandoned meanwhile and ends with BYE. */
  private void answered(Dialog d, Response ok) {
    Request previousAck;
    synchronized (this) {
      previousAck = sip == Sip.ANSWERED || sip == Sip.DONE ? ack : null;
    }
    if (previousAck != null) {
      signalling.reAck(d, previousAck);
      return;
    }
    Request sent;
    try {
      sent = signalling.ack(d, ok);
    } catch (Exception e) {
      log.warn("call {}: could not ACK the 2xx: {}", callId, e.toString());
      finish(500, "Server Internal Error");
      return;
    }
    boolean abandon;
    synchronized (this) {
      ack = sent;
      dialog = d;
      d.setApplicationData(this);
      abandon = cancelWanted || told != Told.NOTHING;
      sip = abandon ? Sip.DONE : Sip.ANSWERED;
      if (ringTimer != null) ringTimer.cancel(false);
    }
    challenges.reset();
    if (abandon) {
      log.info("call {}: 2xx after we gave up: ACK and BYE", callId);
      signalling.bye(d);
      tell(Told.FAILED, l -> l.onFailed(487, "Request Terminated"));
      onFinished.accept(this);
      return;
    }
    String sdp = Messages.body(ok);
    log.info("call {}: answered {}", callId, ok.getStatusCode());
    tell(Told.ANSWERED, l -> l.onAnswered(sdp));
  }

  /** 401/407: the same INVITE with credentials and CSeq + 1 (RFC 3261 §22.2), if we may. */
  private boolean retryWithCredentials(Response challenge) {
    Request previous;
    synchronized (this) {
      if (cancelWanted || told != Told.NOTHING) return false;
      previous = invite;
    }
    Optional<ChallengeResponder.Answer> answer = challenges.answer(previous, challenge);
    if (answer.isEmpty()) return false;
    try {
      Request retry = uac.retryWithCredentials(previous, answer.get().headerName(), answer.get().value());
      synchronized (this) {
        sip = Sip.CALLING;
      }
      log.info("call {}: {} challenge answered", callId, challenge.getStatusCode());
      send(retry);
      return true;
    } catch (Exception e) {
      log.warn("call {}: cannot answer the challenge: {}", callId, e.toString());
      return false;
    }
  }

  @Override
  public void onTimeout() {
    log.info("call {}: no final response to the INVITE", callId);
    finish(408, "Request Timeout");
  }

  /** A final non-2xx (or no response at all): the call never happened. */
  private void finish(int status, String reason) {
    synchronized (this) {
      if (sip == Sip.ANSWERED || sip == Sip.DONE) return;
      sip = Sip.DONE;
      if (ringTimer != null) ringTimer.cancel(false);
    }
    log.info("call {}: failed {} {}", callId, status, reason);
    tell(Told.FAILED, l -> l.onFailed(status, reason));
    onFinished.accept(this);
  }

  /** A 2xx retransmission that reached no transaction (the INVITE's has ended). */
  void onStray2xx(Dialog d, Response ok) {
    answered(d, ok);
  }

  // ---- requests from the far end (the stack's thread) --------------------------------------

  @Override
  public void onAck(Request ack) {
    // The ACK for our 200 to a re-INVITE; the session stays as answered.
  }

  @Override
  public void onBye(ServerTransaction st) {
    boolean live;
    synchronized (this) {
      live = sip == Sip.ANSWERED;
      if (live) sip = Sip.DONE;
    }
    if (!live) {
      responder.reply(st, 481, "Call/Transaction Does Not Exist");
      return;
    }
    log.info("call {}: BYE received", callId);
    responder.reply(st, 200, null);
    tell(Told.ENDED, l -> l.onEnded(EndReason.REMOTE_BYE));
    onFinished.accept(this);
  }

  @Override
  public void onReinvite(ServerTransaction st) {
    boolean live;
    synchronized (this) {
      live = sip == Sip.ANSWERED;
    }
    if (!live) {
      responder.reply(st, 491, "Request Pending");
      return;
    }
    String offer = Messages.body(st.getRequest());
    log.info("call {}: re-INVITE {}", callId, offer == null ? "without SDP" : "with SDP offer");
    events.post(l -> {
      String sdp;
      try {
        sdp = l.onReinvite(offer);
      } catch (RuntimeException e) {
        log.error("call {}: onReinvite failed, answering 500", callId, e);
        responder.reply(st, 500, null);
        return;
      }
      signalling.answerReinvite(st, sdp != null ? sdp : offerSdp, responder);
    });
  }

  @Override
  public void onInfo(ServerTransaction st) {
    responder.reply(st, 200, null);
    javax.sip.header.ContentTypeHeader ct = (javax.sip.header.ContentTypeHeader) st.getRequest().getHeader("Content-Type");
    String type = ct == null ? null : ct.getContentType() + "/" + ct.getContentSubType();
    String body = Messages.body(st.getRequest());
    events.post(l -> l.onInfo(type, body == null ? "" : body));
  }

  /** The stack ended a dialog of ours: if it is the answered one and we did not end it, an error. */
  void onDialogTerminated(Dialog d) {
    synchronized (this) {
      if (d != dialog || sip != Sip.ANSWERED) return;
      sip = Sip.DONE;
    }
    tell(Told.ENDED, l -> l.onEnded(EndReason.ERROR));
    onFinished.accept(this);
  }

  @Override
  public void onServerClosed() {
    Sip before;
    synchronized (this) {
      before = sip;
      sip = Sip.DONE;
    }
    if (before == Sip.ANSWERED) tell(Told.ENDED, l -> l.onEnded(EndReason.ERROR));
    else tell(Told.FAILED, l -> l.onFailed(503, "Service Unavailable"));
  }

  /**
   * Tells the application, if it fits what it knows: one of failed or answered, and ended only after
   * answered.
   */
  private void tell(Told next, Consumer<OutgoingCallListener> event) {
    synchronized (this) {
      boolean fits = switch (next) {
        case FAILED, ANSWERED -> told == Told.NOTHING;
        case ENDED -> told == Told.ANSWERED;
        case NOTHING -> false;
      };
      if (!fits) return;
      told = next;
    }
    events.post(event);
  }
}
