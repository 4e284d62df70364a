package dev.parley.server.call;

import dev.parley.media.engine.MemberListener;
import dev.parley.media.engine.MemberMedia;
import dev.parley.media.engine.RemoteMedia;
import dev.parley.server.conference.Conference;
import dev.parley.server.conference.LeaveReason;
import dev.parley.server.conference.Leg;
import dev.parley.server.conference.Member;
import dev.parley.server.conference.Room;
import dev.parley.server.config.MemberFlag;
import dev.parley.sip.EndReason;
import dev.parley.sip.OutgoingCall;
import dev.parley.sip.OutgoingCallListener;
import dev.parley.sip.OutgoingCallRequest;
import dev.parley.sip.SipServer;
import dev.parley.sip.sdp.NegotiatedAudio;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call Parley places into a room (an invite, an auto-dial). The room has reserved its place; the
 * member's media exists from the start, so early media (RFC 3960: ringback, "the number you dialled")
 * is mixed into the room as it arrives, while the party hears nothing yet. On answer it joins as a
 * member; on failure its place is given back.
 *
 * <p>SIP events come in order on the call's virtual thread; state is guarded by this object.
 */
final class OutgoingLeg implements Leg, OutgoingCallListener, MemberListener {
  private static final Logger log = LoggerFactory.getLogger(OutgoingLeg.class);

  /** What the inviter learns about its invite. */
  interface Progress {
    default void answered(OutgoingLeg leg) {}

    default void failed(OutgoingLeg leg, int status, String reason) {}

    default void ended(OutgoingLeg leg) {}
  }

  private enum State { DIALLING, EARLY, ANSWERED, ENDED }

  private final String label;
  private final Conference conference;
  private final Room room;
  private final Set<MemberFlag> flags;
  private final SdpNegotiation sdp;
  private final Progress progress;
  private MemberMedia media;
  private OutgoingCall call;
  private State state = State.DIALLING;
  private Member member;

  OutgoingLeg(String label, Conference conference, Room room, Set<MemberFlag> flags, String mediaAddress, Progress progress) {
    this.label = label;
    this.conference = conference;
    this.room = room;
    this.flags = flags;
    this.sdp = new SdpNegotiation(mediaAddress);
    this.progress = progress;
  }

  /** Allocates the media and sends the INVITE. @return false if no media port was free */
  boolean start(SipServer sip, OutgoingCallRequest request) {
    try {
      media = room.media().addMember(this);
    } catch (IOException e) {
      log.warn("dial {}: no media ports: {}", label, e.getMessage());
      giveBack();
      return false;
    }
    media.setDeaf(true);
    media.setMuted(true);
    OutgoingCallRequest withOffer = new OutgoingCallRequest(request.requestUri(), request.nextHop(), request.fromUser(),
        request.fromDisplayName(), request.headers(), sdp.offer(media.localRtpPort()), request.credentials(),
        request.ringTimeout());
    try {
      OutgoingCall c = sip.dial(withOffer, this);
      synchronized (this) {
        call = c;
        if (state == State.ENDED) c.cancel(); // cancelled before the dial returned
      }
    } catch (IllegalArgumentException e) {
      log.warn("dial {}: {}", label, e.getMessage());
      endBeforeAnswer(400, e.getMessage());
      return false;
    }
    log.info("dial {}: INVITE {} into room {}", label, request.requestUri(), room.name());
    return true;
  }

  @Override
  public String id() {
    OutgoingCall c = call;
    return c == null ? label : c.callId();
  }

  @Override
  public String caller() {
    return label;
  }

  public synchronized boolean answered() {
    return state == State.ANSWERED;
  }

  // ---------------------------------------------------------------- SIP events

  @Override
  public void onEarlyMedia(String answerSdp) {
    synchronized (this) {
      if (state != State.DIALLING) return;
      NegotiatedAudio n = sdp.applyAnswer(answerSdp);
      if (n == null) return;
      state = State.EARLY;
      // Heard in the room, hearing nothing: the far end has not answered.
      media.configure(remote(n, false));
      media.setMuted(false);
    }
    log.info("dial {}: early media into room {}", label, room.name());
  }

  @Override
  public void onAnswered(String answerSdp) {
    synchronized (this) {
      if (state == State.ENDED || state == State.ANSWERED) return;
      NegotiatedAudio n = sdp.applyAnswer(answerSdp);
      if (n == null) {
        log.warn("dial {}: 200 without a usable SDP answer, hanging up", label);
        call.hangup();
        endBeforeAnswer(488, "no usable answer");
        return;
      }
      media.configure(remote(n, true));
      state = State.ANSWERED;
      member = room.join(this, media, flags, false);
    }
    log.info("dial {}: answered, member {} of room {}", label, member.id(), room.name());
    progress.answered(this);
  }

  @Override
  public void onFailed(int status, String reason) {
    log.info("dial {}: failed {} {}", label, status, reason);
    endBeforeAnswer(status, reason);
  }

  @Override
  public void onEnded(EndReason reason) {
    Member m;
    synchronized (this) {
      if (state == State.ENDED) return;
      boolean wasAnswered = state == State.ANSWERED;
      state = State.ENDED;
      m = member;
      if (!wasAnswered) {
        giveBackLocked();
        return;
      }
    }
    log.info("dial {}: ended ({})", label, reason);
    room.leave(m, reason == EndReason.REMOTE_BYE ? LeaveReason.HUNG_UP : LeaveReason.ERROR);
    conference.removeIfIdle(room);
    progress.ended(this);
  }

  /** Cancels while ringing, hangs up once answered. Idempotent. */
  @Override
  public void hangup(LeaveReason reason) {
    OutgoingCall c;
    Member m;
    boolean wasAnswered;
    synchronized (this) {
      if (state == State.ENDED) return;
      wasAnswered = state == State.ANSWERED;
      state = State.ENDED;
      c = call;
      m = member;
    }
    if (wasAnswered) {
      if (c != null) c.hangup();
      room.leave(m, reason);
      conference.removeIfIdle(room);
      progress.ended(this);
    } else {
      if (c != null) c.cancel();
      synchronized (this) {
        giveBackLocked();
      }
      log.info("dial {}: cancelled", label);
    }
  }

  /** Digits to the far end (the external participant enters a remote conference). */
  void sendDtmf(String digits) {
    MemberMedia m = media;
    if (m != null) m.sendDtmf(digits);
  }

  @Override
  public void onRtpTimeout() {
    Thread.ofVirtual().start(() -> {
      log.info("dial {}: no RTP for the timeout, hanging up", label);
      hangup(LeaveReason.RTP_TIMEOUT);
    });
  }

  @Override
  public void onTalking(boolean talking) {
    Thread.ofVirtual().start(() -> {
      Member m;
      synchronized (this) {
        m = member;
      }
      if (m != null) room.onTalking(m, talking);
    });
  }

  // ---------------------------------------------------------------- inside

  private void endBeforeAnswer(int status, String reason) {
    synchronized (this) {
      if (state == State.ENDED) return;
      state = State.ENDED;
      giveBackLocked();
    }
    progress.failed(this, status, reason);
  }

  private void giveBackLocked() {
    if (media != null) media.remove();
    giveBack();
  }

  private void giveBack() {
    room.release();
    conference.removeIfIdle(room);
  }

  private static RemoteMedia remote(NegotiatedAudio n, boolean send) {
    InetSocketAddress target = n.remotePort() > 0 && !"0.0.0.0".equals(n.remoteAddress())
        ? new InetSocketAddress(n.remoteAddress(), n.remotePort()) : null;
    return new RemoteMedia(target, n.payloadType(), n.encodingName(), n.ptimeMillis(), n.telephoneEventPayloadType(),
        send, true, n.fmtp(), n.clockRateHz(), n.comfortNoisePayloadType());
  }
}
