package dev.parley.sip.jainsip;

import dev.parley.sip.CallListener;
import dev.parley.sip.EndReason;
import dev.parley.sip.IncomingCall;
import gov.nist.javax.sip.header.SIPHeader;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sip.ServerTransaction;
import javax.sip.SipProvider;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One incoming call: the state machine between the application's operations (any thread) and the
 * stack's events (its event thread). {@link InviteFacts} holds what the INVITE said, {@link
 * CallSignalling} sends what this class decides.
 *
 * <p>Decisions are taken under this object's monitor; messages are sent after it is released, so the
 * stack's locks and ours are never held together in opposite orders. Two clocks run here: {@link
 * Signal} (where the SIP exchange is) and the end reason (whether the application was told the call
 * is over). They differ when the application hangs up while our 2xx still waits for its ACK: the
 * call is over for it, but the BYE must wait (RFC 3261 §15).
 */
final class JainSipCall implements IncomingCall, DialogParty {
  private static final Logger log = LoggerFactory.getLogger(JainSipCall.class);

  /** Where the SIP exchange is. */
  private enum Signal {
    /** INVITE received, no final response yet. */
    INVITED,
    /** 2xx sent, waiting for the ACK. */
    ANSWERED,
    /** ACK received. */
    CONFIRMED,
    /** Nothing more to send or expect. */
    DONE
  }

  private final Request invite;
  private final InviteFacts facts;
  private final CallSignalling signalling;
  private final Consumer<JainSipCall> onFinished;
  private final CallEvents<CallListener> events;

  private Signal signal = Signal.INVITED;
  /** Set by {@link InviteGate} before the handler runs; read by the handler's thread after. */
  private volatile String authenticatedUser;
  private EndReason ended;
  private boolean byeOnAck;
  /** CSeq of the re-INVITE whose 200 carried our offer, so its ACK carries the answer; else -1. */
  private long reinviteOfferCSeq = -1;

  JainSipCall(
      ServerTransaction inviteTx, SipProvider provider, Responder responder, Consumer<JainSipCall> onFinished) {
    this.invite = inviteTx.getRequest();
    this.facts = InviteFacts.of(inviteTx);
    this.signalling = new CallSignalling(inviteTx, provider, responder, facts);
    this.onFinished = onFinished;
    this.events = new CallEvents<>("call " + facts.callId());
  }

  // ---- what the INVITE said ----------------------------------------------------------------

  @Override
  public String callId() {
    return facts.callId();
  }

  @Override
  public String requestUser() {
    return facts.requestUser();
  }

  @Override
  public String fromUri() {
    return facts.fromUri();
  }

  @Override
  public String fromUser() {
    return facts.fromUser();
  }

  @Override
  public String fromDisplayName() {
    return facts.fromDisplayName();
  }

  @Override
  public String toUri() {
    return facts.toUri();
  }

  @Override
  public String remoteHost() {
    return facts.remoteHost();
  }

  @Override
  public int remotePort() {
    return facts.remotePort();
  }

  @Override
  public String transport() {
    return facts.transport();
  }

  @Override
  public String offerSdp() {
    return facts.offerSdp();
  }

  @Override
  public String authenticatedUser() {
    return authenticatedUser;
  }

  @Override
  public String header(String name) {
    Header h = invite.getHeader(name);
    return h == null ? null : ((SIPHeader) h).getHeaderValue();
  }

  // ---- operations of the application -------------------------------------------------------

  @Override
  public void setListener(CallListener listener) {
    events.setListener(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void ringing() {
    synchronized (this) {
      if (signal != Signal.INVITED) {
        log.debug("call {}: ringing() ignored, call is {}", callId(), signal);
        return;
      }
    }
    if (signalling.respondToInvite(180, null, null)) log.info("call {}: 180 Ringing", callId());
  }

  @Override
  public void reject(int status, String reason) {
    if (status < 300 || status > 699) throw new IllegalArgumentException("not a final non-2xx status: " + status);
    synchronized (this) {
      if (signal != Signal.INVITED) {
        log.debug("call {}: reject({}) ignored, call is {}", callId(), status, signal);
        return;
      }
      signal = Signal.DONE;
    }
    log.info("call {}: rejecting with {}", callId(), status);
    end(EndReason.LOCAL_HANGUP);
    signalling.respondToInvite(status, reason, null);
  }

  @Override
  public void answer(String sdp) {
    Objects.requireNonNull(sdp, "sdp");
    synchronized (this) {
      if (signal != Signal.INVITED) {
        log.debug("call {}: answer() ignored, call is {}", callId(), signal);
        return;
      }
      signal = Signal.ANSWERED;
    }
    if (signalling.respondToInvite(200, null, sdp)) {
      log.info("call {}: answered 200", callId());
    } else {
      onDialogTerminated(); // the 200 could not be sent: nothing will follow
    }
  }

  @Override
  public void hangup() {
    boolean sendBye = false;
    boolean send480 = false;
    synchronized (this) {
      switch (signal) {
        case INVITED -> {
          signal = Signal.DONE;
          send480 = true;
        }
        case ANSWERED -> byeOnAck = true; // RFC 3261 §15: no BYE before the ACK (or its timeout)
        case CONFIRMED -> {
          signal = Signal.DONE;
          sendBye = true;
        }
        case DONE -> {}
      }
    }
    end(EndReason.LOCAL_HANGUP);
    if (send480) signalling.respondToInvite(480, "Temporarily Unavailable", null);
    if (sendBye) signalling.bye();
  }

  @Override
  public synchronized boolean isTerminated() {
    return ended != null;
  }

  // ---- events from the stack (its event thread: never block) -------------------------------

  /** The ACK for one of our 2xx responses. */
  @Override
  public void onAck(Request ack) {
    long cseq = ((CSeqHeader) ack.getHeader(CSeqHeader.NAME)).getSeqNumber();
    boolean deliver = false;
    boolean sendBye = false;
    synchronized (this) {
      if (signal == Signal.ANSWERED) {
        if (byeOnAck) {
          signal = Signal.DONE;
          sendBye = true;
        } else {
          signal = Signal.CONFIRMED;
          deliver = true;
        }
      } else if (signal == Signal.CONFIRMED && cseq == reinviteOfferCSeq) {
        reinviteOfferCSeq = -1;
        deliver = ended == null;
      }
    }
    if (sendBye) {
      signalling.bye();
      return;
    }
    if (!deliver) {
      log.debug("call {}: ACK {} ignored", callId(), cseq);
      return;
    }
    String sdp = Messages.body(ack);
    log.info("call {}: ACK{}", callId(), sdp == null ? "" : " with SDP");
    events.post(l -> l.onAck(sdp));
  }

  /**
   * BYE from the peer: 200, and 487 for the INVITE if it was still pending (RFC 3261 §15.1.2). A BYE
   * after the dialog ended (ours crossed it, or a second one) finds no dialog: 481.
   */
  @Override
  public void onBye(ServerTransaction st) {
    Signal before;
    synchronized (this) {
      before = signal;
      signal = Signal.DONE;
    }
    if (before == Signal.DONE) {
      signalling.reply(st, 481, "Call/Transaction Does Not Exist");
      return;
    }
    log.info("call {}: BYE received", callId());
    end(EndReason.REMOTE_BYE);
    signalling.reply(st, 200, null);
    if (before == Signal.INVITED) signalling.respondToInvite(487, "Request Terminated", null);
  }

  /** CANCEL: 200 for it; if we had not answered, 487 for the INVITE (RFC 3261 §9.2). */
  void onCancel(ServerTransaction cancelTx) {
    boolean pending;
    synchronized (this) {
      pending = signal == Signal.INVITED;
      if (pending) signal = Signal.DONE;
    }
    if (pending) {
      log.info("call {}: CANCEL, INVITE answered 487", callId());
      end(EndReason.CANCELLED);
    } else {
      log.debug("call {}: CANCEL after the final response, nothing to cancel", callId());
    }
    signalling.reply(cancelTx, 200, null);
    if (pending) signalling.respondToInvite(487, "Request Terminated", null);
  }

  /** An in-dialog INVITE: the listener decides (RFC 3261 §14.2). */
  @Override
  public void onReinvite(ServerTransaction st) {
    Request request = st.getRequest();
    Signal now;
    boolean over;
    synchronized (this) {
      now = signal;
      over = ended != null;
    }
    if (now == Signal.DONE || over) {
      signalling.reply(st, 481, "Call Does Not Exist");
      return;
    }
    if (now != Signal.CONFIRMED) {
      // Our 2xx is not acknowledged yet: the peer must wait (RFC 3261 §14.2, 491 Request Pending).
      signalling.reply(st, 491, "Request Pending");
      return;
    }
    String offer = Messages.body(request);
    long cseq = ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
    log.info("call {}: re-INVITE {}", callId(), offer == null ? "without SDP" : "with SDP offer");
    events.post(l -> answerReinvite(st, l, offer, cseq));
  }

  private void answerReinvite(ServerTransaction st, CallListener listener, String offer, long cseq) {
    String sdp;
    try {
      sdp = listener.onReinvite(offer);
    } catch (RuntimeException e) {
      log.error("call {}: onReinvite failed, answering 500", callId(), e);
      signalling.reply(st, 500, null);
      return;
    }
    if (sdp == null) {
      log.info("call {}: re-INVITE refused with 488", callId());
      signalling.reply(st, 488, "Not Acceptable Here");
      return;
    }
    if (offer == null) {
      synchronized (this) {
        reinviteOfferCSeq = cseq; // before the 200 goes out: its ACK may come at once
      }
    }
    signalling.answerReinvite(st, sdp);
  }

  /** An in-dialog INFO: 200 at once, then the listener (RFC 6086 §4.2.2). */
  @Override
  public void onInfo(ServerTransaction st) {
    boolean over;
    synchronized (this) {
      over = signal == Signal.DONE || ended != null;
    }
    if (over) {
      signalling.reply(st, 481, "Call Does Not Exist");
      return;
    }
    Request info = st.getRequest();
    signalling.reply(st, 200, null);
    ContentTypeHeader ct = (ContentTypeHeader) info.getHeader(ContentTypeHeader.NAME);
    String type = ct == null ? null : ct.getContentType() + "/" + ct.getContentSubType();
    String body = Messages.body(info);
    log.info("call {}: INFO {}", callId(), type);
    events.post(l -> l.onInfo(type, body == null ? "" : body));
  }

  /** Our 2xx was retransmitted for 64*T1 without an ACK (RFC 3261 §13.3.1.4): BYE and end. */
  void onAckTimeout() {
    synchronized (this) {
      if (signal != Signal.ANSWERED) return;
      signal = Signal.DONE;
    }
    log.info("call {}: no ACK for our 200, sending BYE", callId());
    end(EndReason.ACK_TIMEOUT);
    signalling.bye();
  }

  /** The dialog stayed early too long (the stack's early-dialog timer): give up with 480. */
  void onEarlyTimeout() {
    synchronized (this) {
      if (signal != Signal.INVITED) return;
      signal = Signal.DONE;
    }
    log.info("call {}: never answered, giving up with 480", callId());
    end(EndReason.ERROR);
    signalling.respondToInvite(480, "Temporarily Unavailable", null);
  }

  /** The stack ended the dialog; if we did not, something went wrong underneath. */
  void onDialogTerminated() {
    synchronized (this) {
      if (signal == Signal.DONE) return;
      signal = Signal.DONE;
    }
    log.info("call {}: the stack terminated the dialog", callId());
    end(EndReason.ERROR);
  }

  /** The handler threw from onInvite: 500 if nothing final was sent yet. */
  void onHandlerFailed() {
    synchronized (this) {
      if (signal != Signal.INVITED) return;
      signal = Signal.DONE;
    }
    end(EndReason.ERROR);
    signalling.respondToInvite(500, "Server Internal Error", null);
  }

  /** {@link InviteGate} accepted the INVITE's Proxy-Authorization for {@code user}. */
  void authenticatedAs(String user) {
    this.authenticatedUser = user;
  }

  /**
   * {@link InviteGate} refused the INVITE before any handler saw it (403, or 407 with a challenge
   * that {@code decorate} adds). Nobody listens yet, and nobody will.
   */
  void refuseBeforeHandler(int status, String reason, Consumer<Response> decorate) {
    synchronized (this) {
      if (signal != Signal.INVITED) return;
      signal = Signal.DONE;
    }
    log.info("call {}: refused with {} before the handler", callId(), status);
    end(EndReason.LOCAL_HANGUP);
    signalling.respondToInvite(status, reason, null, decorate);
  }

  /** The server is closing: end without signalling. */
  @Override
  public void onServerClosed() {
    synchronized (this) {
      signal = Signal.DONE;
    }
    end(EndReason.ERROR);
  }

  /** Tells the application, once; the call leaves the server's list of live calls. */
  private void end(EndReason reason) {
    synchronized (this) {
      if (ended != null) return;
      ended = reason;
    }
    log.info("call {}: ended ({})", callId(), reason);
    events.post(l -> l.onEnded(reason));
    onFinished.accept(this);
  }
}
