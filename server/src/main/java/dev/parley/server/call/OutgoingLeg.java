package dev.parley.server.call;

import dev.parley.media.engine.MemberListener;
import dev.parley.media.engine.MemberMedia;
import dev.parley.media.engine.RemoteMedia;
import dev.parley.server.conference.CallDetails;
import dev.parley.server.conference.Conference;
import dev.parley.server.conference.LeaveReason;
import dev.parley.server.conference.Leg;
import dev.parley.server.conference.Member;
import dev.parley.server.conference.Room;
import dev.parley.server.conference.RoomProfile;
import dev.parley.server.conference.RoomPrompts;
import dev.parley.server.config.MemberFlag;
import dev.parley.sip.EndReason;
import dev.parley.sip.OutgoingCall;
import dev.parley.sip.OutgoingCallListener;
import dev.parley.sip.OutgoingCallRequest;
import dev.parley.sip.SipServer;
import dev.parley.sip.sdp.NegotiatedAudio;
import dev.parley.sip.sdp.Sdes;
import dev.parley.sip.sdp.SrtpPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
    /** 180/181/182: the far end alerts. */
    default void ringing(OutgoingLeg leg) {}

    /** Its early media is heard in the room from now on. */
    default void earlyMedia(OutgoingLeg leg) {}

    default void answered(OutgoingLeg leg) {}

    default void failed(OutgoingLeg leg, int status, String reason) {}

    default void ended(OutgoingLeg leg) {}
  }

  private enum State { DIALLING, EARLY, ANSWERED, ENDED }

  /**
   * Whom the leg calls.
   *
   * @param number the extension's number, the number sent to the trunk, or the URI's user part
   * @param name the extension's display name; empty when none
   * @param extension the leg rings a registered extension
   * @param trunk the leg goes out through a gateway (a trunk leg never invites unless a moderator)
   */
  record Called(String number, String name, boolean extension, boolean trunk) {}

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
  private final Placement placement;
  private final Called called;
  /** What the INVITE's From showed the called party; set before the INVITE is sent. */
  private volatile String fromNumber = "", fromName = "";
  /** The negotiated codec, e.g. PCMU/8000; empty before an answer or early media. */
  private volatile String codec = "";
  /** Keys of the answered party, in order, on one virtual thread (as for calls that dialled in). */
  private final ExecutorService keys = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("keys-out-", 0).factory());
  private final MemberKeys memberKeys;

  /** @param srtp what the offer asks: {@code REQUIRED} refuses an answer without an SDES key we offered */
  OutgoingLeg(String label, Conference conference, Room room, Set<MemberFlag> flags, String mediaAddress, SrtpPolicy srtp,
      Placement placement, Called called, Progress progress, Dialer dialer, KeypadActions actions) {
    this.memberKeys = new MemberKeys(keypadSide, conference, actions, dialer, this::onKeys);
    this.label = label;
    this.placement = placement;
    this.called = called;
    this.conference = conference;
    this.room = room;
    this.flags = flags;
    // Keys of its own for every leg: two streams under one master key risk a two-time pad (RFC 3711 §9.1).
    this.sdp = new SdpNegotiation(mediaAddress, new Sdes(srtp));
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
    room.addRinging(this);
    fromNumber = request.fromUser() == null ? "" : request.fromUser();
    fromName = request.fromDisplayName() == null ? "" : request.fromDisplayName();
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

  /**
   * The billing record's view of a placed call: the caller is what we showed the called party, the
   * called number is the one dialled, with why and by whom it was placed.
   */
  @Override
  public CallDetails details() {
    return new CallDetails(fromNumber, fromName, called.number(), called.name(), codec, placement.direction(),
        placement.invitedBy(), room.profile().billing(), false);
  }

  public synchronized boolean answered() {
    return state == State.ANSWERED;
  }

  // ---------------------------------------------------------------- SIP events

  @Override
  public void onProgress(int status) {
    if (status < 180 || status > 182) return;
    synchronized (this) {
      if (state != State.DIALLING) return;
    }
    progress.ringing(this);
  }

  @Override
  public void onEarlyMedia(String answerSdp) {
    synchronized (this) {
      if (state != State.DIALLING) return;
      SdpNegotiation.Applied a = sdp.apply(answerSdp);
      NegotiatedAudio n = a.negotiated();
      if (n == null) {
        // Not heard in the room; the final answer decides whether the call goes on.
        log.info("dial {}: early media not taken: {}", label, a.problem());
        return;
      }
      state = State.EARLY;
      codec = n.encodingName() + "/" + n.clockRateHz();
      // Heard in the room, hearing nothing: the far end has not answered.
      media.configure(remote(n, false));
      media.setMuted(false);
    }
    log.info("dial {}: early media into room {}", label, room.name());
    progress.earlyMedia(this);
  }

  @Override
  public void onAnswered(String answerSdp) {
    synchronized (this) {
      if (state == State.ENDED || state == State.ANSWERED) return;
      if (room.closing()) {
        // The room ended while this leg rang (its owner left, say): nobody is left to talk to.
        log.info("dial {}: answered after room {} ended, hanging up", label, room.name());
        call.hangup();
        endBeforeAnswer(487, "room ended");
        return;
      }
      SdpNegotiation.Applied a = sdp.apply(answerSdp);
      NegotiatedAudio n = a.negotiated();
      if (n == null) {
        // Never a silent fallback: an SRTP offer answered in the clear ends here, with the reason.
        log.warn("dial {}: 200 without a usable SDP answer ({}), hanging up: {}", label, sdp.srtp() == SrtpPolicy.OFF
            ? "plain RTP" : "SRTP " + sdp.srtp().name().toLowerCase(Locale.ROOT), a.problem());
        call.hangup();
        endBeforeAnswer(488, "unusable answer: " + a.problem());
        return;
      }
      media.configure(remote(n, true));
      codec = n.encodingName() + "/" + n.clockRateHz();
      state = State.ANSWERED;
      room.removeRinging(this);
      member = room.join(this, media, flags, false);
    }
    log.info("dial {}: answered, member {} of room {}", label, member.id(), room.name());
    // The room's keys, by the member's flags: the moderator map for a moderator.
    RoomProfile p = room.profile();
    boolean moderator = member.state().moderator();
    onKeys(() -> memberKeys.start(moderator ? p.moderatorControls() : p.controls(), p.digitTimeout().toMillis()));
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
    closeKeys();
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
      closeKeys();
      progress.ended(this);
    } else {
      if (c != null) c.cancel();
      synchronized (this) {
        giveBackLocked();
      }
      log.info("dial {}: cancelled ({})", label, reason);
      // An inviter's cancel (HUNG_UP) is reported by whoever cancelled; anything else (the room
      // ended, early media stopped) fails the invite here, so its owner learns and forgets it.
      if (reason != LeaveReason.HUNG_UP) progress.failed(this, 487, "cancelled: " + reason.name().toLowerCase(Locale.ROOT));
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
    room.removeRinging(this);
    room.release();
    conference.removeIfIdle(room);
    closeKeys();
  }

  // ---------------------------------------------------------------- keys (key thread)

  @Override
  public void onDtmf(char digit, int durationMillis, boolean inBand) {
    // Media thread: hand over at once; before the answer there is no member to act for.
    onKeys(() -> {
      if (answered()) memberKeys.digit(digit, durationMillis, inBand ? "inband" : "rfc4733");
    });
  }

  private void onKeys(Runnable r) {
    try {
      keys.execute(r);
    } catch (java.util.concurrent.RejectedExecutionException ended) {
      // The call ended; a late digit or timer has nothing left to act on.
    }
  }

  private void closeKeys() {
    onKeys(memberKeys::stop);
    keys.shutdown();
  }

  private final MemberKeys.Call keypadSide = new MemberKeys.Call() {
    @Override
    public String id() {
      return OutgoingLeg.this.id();
    }

    @Override
    public Room room() {
      return room;
    }

    @Override
    public Member member() {
      synchronized (OutgoingLeg.this) {
        return member;
      }
    }

    @Override
    public MemberMedia media() {
      return media;
    }

    @Override
    public RoomPrompts prompts() {
      return room.profile().prompts();
    }

    @Override
    public String number() {
      return called.number();
    }

    @Override
    public boolean mayInvite() {
      Member m = member();
      // A leg placed into a room is never its owner; a trunk leg invites only as a moderator.
      return m != null && InviteRights.may(room.profile().invitePolicy(), m.state().moderator(), called.extension(),
          called.trunk(), false);
    }

    @Override
    public boolean route(String number) {
      log.info("dial {}: a placed call does not move by key (route {})", label, number);
      return false;
    }
  };

  private static RemoteMedia remote(NegotiatedAudio n, boolean send) {
    InetSocketAddress target = n.remotePort() > 0 && !"0.0.0.0".equals(n.remoteAddress())
        ? new InetSocketAddress(n.remoteAddress(), n.remotePort()) : null;
    return new RemoteMedia(target, n.payloadType(), n.encodingName(), n.ptimeMillis(), n.telephoneEventPayloadType(),
        send, true, n.fmtp(), SrtpMedia.keys(n.srtp()), n.clockRateHz(), n.comfortNoisePayloadType());
  }
}
