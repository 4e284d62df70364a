package dev.parley.server.call;

import dev.parley.media.engine.MemberListener;
import dev.parley.media.engine.MemberMedia;
import dev.parley.media.engine.RemoteMedia;
import dev.parley.server.conference.CallDetails;
import dev.parley.server.conference.Conference;
import dev.parley.server.conference.LeaveReason;
import dev.parley.server.conference.Leg;
import dev.parley.server.conference.Member;
import dev.parley.server.conference.Pins;
import dev.parley.server.conference.Room;
import dev.parley.server.conference.controls.DigitCollector;
import dev.parley.server.conference.controls.Keypad;
import dev.parley.sip.CallListener;
import dev.parley.sip.EndReason;
import dev.parley.sip.IncomingCall;
import dev.parley.sip.sdp.Direction;
import dev.parley.sip.sdp.NegotiatedAudio;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One answered call in a room: ties the SIP dialog to the member's media and to the room, asks for the
 * PIN, and turns the caller's keys into conference controls.
 *
 * <p>SIP events arrive in order on the call's virtual thread; media events (RTP timeout, digits,
 * talking) on a media thread, which only hands them to this call's key thread. Digits from every
 * source (RFC 4733, in-band, SIP INFO) go through that one thread, in arrival order. State changes
 * are guarded by this object's monitor.
 */
public final class CallSession implements Leg, CallListener, MemberListener {
  private static final Logger log = LoggerFactory.getLogger(CallSession.class);
  /** How long the caller has to key a PIN before it counts as a wrong one. */
  private static final long PIN_TIMEOUT_MILLIS = 10_000;

  private enum Phase { ANSWERING, PIN, IN_ROOM, ENDED }

  private final IncomingCall call;
  private final Conference conference;
  private volatile Room room;
  private volatile MemberMedia media;
  private final SdpNegotiation sdp;
  private final ActiveCalls active;
  private volatile JoinRequest request;
  private final PinLockout lockout;
  private final KeypadActions actions;
  private final Mover mover;
  private final Dialer dialer;
  /** How long the keypad waits for each digit of a number to invite (seed 001: 5 s). */
  private static final long INVITE_DIGIT_TIMEOUT_MILLIS = 5_000;

  /** Sends a call to where a number routes (the route key, the API's move). */
  interface Mover {
    /** @return false when the number routes nowhere or the room there refuses the member */
    boolean move(CallSession call, String number);
  }
  private final ExecutorService keys = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("keys-", 0).factory());
  private Phase phase = Phase.ANSWERING;
  private Member member;
  private boolean awaitingAnswerInAck;
  /** The negotiated codec for billing records, e.g. PCMU/8000. */
  private volatile String codec = "";
  // Key-thread state.
  private DigitCollector pinDigits;
  private int pinFailures;
  private ScheduledFuture<?> keyTimer;
  private Keypad keypad;
  private DigitCollector inviteDigits;
  private Dialer.Invite lastInvite;

  CallSession(IncomingCall call, Conference conference, Room room, MemberMedia media, SdpNegotiation sdp, ActiveCalls active,
      JoinRequest request, PinLockout lockout, KeypadActions actions, Mover mover, Dialer dialer) {
    this.call = call;
    this.conference = conference;
    this.room = room;
    this.media = media;
    this.sdp = sdp;
    this.active = active;
    this.request = request;
    this.lockout = lockout;
    this.actions = actions;
    this.mover = mover;
    this.dialer = dialer;
  }

  @Override
  public String id() {
    return call.callId();
  }

  @Override
  public String caller() {
    return call.fromUri();
  }

  public Room room() {
    return room;
  }

  JoinRequest request() {
    return request;
  }

  @Override
  public CallDetails details() {
    var route = request.route();
    String number = call.fromUser() != null && !call.fromUser().isEmpty() ? call.fromUser() : call.fromUri();
    return new CallDetails(number, orEmpty(call.fromDisplayName()), orEmpty(call.requestUser()).replaceAll("\\*\\d+$", "") /* never the PIN of 3000*1234 */,
        SipNames.displayName(call.header("To")), codec, CallDetails.Direction.DIALLED_IN, "", route.billing(),
        route.recording().onJoin());
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  /** The member this call is in its room, or null before it joined. */
  public synchronized Member member() {
    return member;
  }

  /** Answers the call: with our answer to its offer, or with our offer when the INVITE had none. */
  void answer(String answerSdp, NegotiatedAudio negotiated) {
    active.add(this);
    // Until the caller has joined (PIN entered, ACK in), it neither hears the room nor is heard.
    media.setMuted(true);
    media.setDeaf(true);
    if (negotiated != null) {
      media.configure(remoteMedia(negotiated));
      codec = negotiated.encodingName() + "/" + negotiated.clockRateHz();
      log.info("call {}: answering with {}/{} ptime {}", id(), negotiated.encodingName(), negotiated.clockRateHz(), negotiated.ptimeMillis());
    } else {
      awaitingAnswerInAck = true;
      log.info("call {}: delayed offer, offering our codecs in 200", id());
    }
    call.setListener(this);
    call.ringing();
    call.answer(answerSdp);
  }

  @Override
  public void onAck(String answerSdp) {
    synchronized (this) {
      if (phase == Phase.ENDED) return;
      if (awaitingAnswerInAck) {
        awaitingAnswerInAck = false;
        NegotiatedAudio n = answerSdp == null ? null : sdp.applyAnswer(answerSdp);
        if (n == null) {
          log.warn("call {}: ACK carried no usable SDP answer, hanging up", id());
          endLocally(LeaveReason.ERROR);
          return;
        }
        media.configure(remoteMedia(n));
        codec = n.encodingName() + "/" + n.clockRateHz();
        log.info("call {}: answer in ACK: {}/{}", id(), n.encodingName(), n.clockRateHz());
      }
      if (phase != Phase.ANSWERING) return; // the ACK of a re-INVITE
    }
    Pins pins = request.route().pins();
    if (!pins.required()) {
      joinRoom(false);
    } else if (request.dialledPin() != null) {
      onKeys(() -> checkPin(request.dialledPin()));
    } else {
      onKeys(this::askForPin);
    }
  }

  private void joinRoom(boolean moderator) {
    synchronized (this) {
      if (phase == Phase.ENDED || phase == Phase.IN_ROOM) return;
      phase = Phase.IN_ROOM;
      member = room.join(this, media, request.route().flags(), moderator);
    }
    var p = request.route();
    onKeys(() -> keypad = new Keypad(member.state().moderator() ? p.moderatorControls() : p.controls(), p.digitTimeout().toMillis()));
  }

  // ---------------------------------------------------------------- PIN (key thread)

  private void askForPin() {
    synchronized (this) {
      if (phase == Phase.ENDED) return;
      phase = Phase.PIN;
    }
    pinDigits = new DigitCollector(16, '#');
    var prompt = request.route().prompts().pin();
    if (prompt != null) media.play("pin", false, prompt);
    armTimer(PIN_TIMEOUT_MILLIS, () -> checkPin(pinDigits == null ? "" : pinDigits.soFar()));
  }

  private void checkPin(String entered) {
    cancelTimer();
    pinDigits = null;
    Pins pins = request.route().pins();
    Pins.Result r = pins.check(entered);
    if (r != Pins.Result.WRONG) {
      log.info("call {}: PIN accepted{}", id(), r == Pins.Result.MODERATOR ? " (moderator)" : "");
      media.stopPlayback();
      joinRoom(r == Pins.Result.MODERATOR);
      return;
    }
    pinFailures++;
    boolean locked = lockout.failed(request.source());
    log.info("call {}: wrong PIN ({} of {}){}", id(), pinFailures, pins.tries(), locked ? ", source locked out" : "");
    var bad = request.route().prompts().badPin();
    if (pinFailures >= pins.tries() || locked) {
      hangUpAfter(bad);
      return;
    }
    var ask = request.route().prompts().pin();
    if (bad != null && ask != null) media.play("pin", false, bad, ask);
    else if (ask != null) media.play("pin", false, ask);
    pinDigits = new DigitCollector(16, '#');
    armTimer(PIN_TIMEOUT_MILLIS, () -> checkPin(pinDigits == null ? "" : pinDigits.soFar()));
  }

  /** Plays the sound, then hangs up (the caller hears why before the BYE). */
  private void hangUpAfter(dev.parley.media.audio.Prompt sound) {
    synchronized (this) {
      if (phase == Phase.ENDED) return;
    }
    if (sound == null) {
      endLocally(LeaveReason.HUNG_UP);
      return;
    }
    media.play("bye", false, sound);
    long millis = (long) sound.length() * 1000 / sound.rateHz() + 300;
    armTimer(millis, () -> endLocally(LeaveReason.HUNG_UP));
  }

  // ---------------------------------------------------------------- keys (key thread)

  private void onDigit(char digit, int durationMillis, String source) {
    Phase p;
    synchronized (this) {
      p = phase;
    }
    if (p == Phase.PIN && pinDigits != null) {
      log.info("call {}: PIN digit ({})", id(), source); // never the digit itself
      String done = pinDigits.press(digit);
      if (done != null) checkPin(done);
      return;
    }
    if (p != Phase.IN_ROOM || keypad == null) return;
    log.info("call {}: digit '{}' ({} ms, {})", id(), digit, durationMillis, source);
    room.dtmf(member, digit, durationMillis, source);
    if (inviteDigits != null) {
      String number = inviteDigits.press(digit);
      if (number != null) invitationNumber(number);
      else armTimer(INVITE_DIGIT_TIMEOUT_MILLIS, () -> invitationNumber(null));
      return;
    }
    long now = System.currentTimeMillis();
    handle(keypad.press(digit, now));
    Keypad.Outcome.Run extra = keypad.takePending();
    if (extra != null) handle(extra);
  }

  private void handle(Keypad.Outcome o) {
    switch (o) {
      case Keypad.Outcome.Run run -> {
        cancelTimer();
        actions.run(room, member, run.sequence(), run.target(), callSide);
      }
      case Keypad.Outcome.Waiting w -> armTimer(Math.max(1, w.deadlineMillis() - System.currentTimeMillis()),
          () -> handle(keypad.timeout(System.currentTimeMillis())));
      case Keypad.Outcome.Idle i -> cancelTimer();
    }
  }

  // ---------------------------------------------------------------- inviting (key thread)

  /** {@link KeypadActions.CallSide#invite}: checks the room's policy, then collects the number. */
  private boolean startInvite(boolean prompt) {
    if (!mayInvite()) {
      log.info("call {}: may not invite in room {} ({})", id(), room.name(), request.route().invitePolicy().key());
      return false;
    }
    inviteDigits = new DigitCollector(11, '#');
    var ask = request.route().prompts().enterNumber();
    if (prompt && ask != null) media.play("enter-number", false, ask);
    armTimer(INVITE_DIGIT_TIMEOUT_MILLIS, () -> invitationNumber(null));
    return true;
  }

  private boolean mayInvite() {
    Member m = member;
    if (m == null) return false;
    boolean moderator = m.state().moderator();
    return switch (request.route().invitePolicy()) {
      case MODERATORS -> moderator;
      case EXTENSIONS -> moderator || (request.extension() != null && !request.fromTrunk());
      case ANYONE -> moderator || !request.fromTrunk();
      case NOBODY -> false;
    };
  }

  /** The number is complete (or the digits timed out: {@code null}). */
  private void invitationNumber(String number) {
    cancelTimer();
    inviteDigits = null;
    if (number == null || number.length() < 4) {
      log.info("call {}: invite abandoned ({})", id(), number == null ? "no digits in time" : "too short");
      room.playTo(member, "beep", actions.tones().error);
      return;
    }
    String dial = dialer.forKeyedNumber(number);
    if (dial == null) {
      log.info("call {}: {} digits lead nowhere (no gateway)", id(), number.length());
      room.playTo(member, "beep", actions.tones().error);
      return;
    }
    var trying = request.route().prompts().trying();
    if (trying != null) media.play("trying", false, trying);
    Member inviter = member;
    try {
      lastInvite = dialer.dial(room, dial, room.name(), java.util.Set.of(), new Dialer.Outcome() {
        @Override
        public void answered() {
          log.info("call {}: invited {} answered", id(), dial);
        }

        @Override
        public void failed(int status, String reason) {
          log.info("call {}: invite of {} failed: {} {}", id(), dial, status, reason);
          room.playTo(inviter, "beep", actions.tones().error);
        }
      });
      log.info("call {}: inviting {} into room {}", id(), dial, room.name());
    } catch (IllegalArgumentException | IllegalStateException e) {
      log.info("call {}: cannot invite {}: {}", id(), dial, e.getMessage());
      room.playTo(member, "beep", actions.tones().error);
    }
  }

  private boolean cancelLastInvite() {
    Dialer.Invite i = lastInvite;
    if (i == null) return false;
    lastInvite = null;
    log.info("call {}: ends its invite of {}", id(), i.dialString());
    i.end();
    return true;
  }

  private boolean routeTo(String number) {
    return mover.move(this, number);
  }

  /**
   * Moves this call's member into {@code target}, which has already reserved a place for it: the same
   * sockets, a new place in the other mix. It keeps its moderator role; flags, PINs and keys become
   * those of the new route. Key thread or a control thread.
   *
   * @return false if the call ended meanwhile (the reservation is then given back)
   */
  boolean moveTo(Room target, JoinRequest newRequest) {
    Room old;
    Member was;
    synchronized (this) {
      if (phase != Phase.IN_ROOM) {
        target.release();
        conference.removeIfIdle(target);
        return false;
      }
      old = room;
      was = member;
      MemberMedia moved = media.moveTo(target.media(), this);
      old.leave(was, LeaveReason.MOVED);
      room = target;
      media = moved;
      request = newRequest;
      member = target.join(this, moved, newRequest.route().flags(), was.state().moderator());
    }
    conference.removeIfIdle(old);
    log.info("call {}: moved from room {} to room {}", id(), old.name(), target.name());
    var p = newRequest.route();
    onKeys(() -> keypad = new Keypad(member.state().moderator() ? p.moderatorControls() : p.controls(), p.digitTimeout().toMillis()));
    return true;
  }

  /** Runs on the key thread; dropped once the call is over (late digits, timers). */
  private void onKeys(Runnable r) {
    try {
      keys.execute(r);
    } catch (java.util.concurrent.RejectedExecutionException ended) {
      // The call ended; nothing is left to do with a digit or a timer.
    }
  }

  private final KeypadActions.CallSide callSide = new KeypadActions.CallSide() {
    @Override
    public boolean route(String number) {
      return routeTo(number);
    }

    @Override
    public boolean invite(boolean prompt) {
      return startInvite(prompt);
    }

    @Override
    public boolean cancelInvite() {
      return cancelLastInvite();
    }
  };

  private void armTimer(long millis, Runnable onKeyThread) {
    cancelTimer();
    keyTimer = conference.timers().schedule(() -> onKeys(onKeyThread), millis, TimeUnit.MILLISECONDS);
  }

  private void cancelTimer() {
    if (keyTimer != null) {
      keyTimer.cancel(false);
      keyTimer = null;
    }
  }

  // ---------------------------------------------------------------- SIP and media events

  @Override
  public String onReinvite(String offerSdp) {
    synchronized (this) {
      if (phase == Phase.ENDED) return null;
      if (offerSdp == null) {
        awaitingAnswerInAck = true;
        return sdp.offer(media.localRtpPort());
      }
      SdpNegotiation.Result r = sdp.answer(offerSdp, media.localRtpPort());
      if (r.answer() == null) {
        log.info("call {}: re-INVITE refused: {}", id(), r.problem());
        return null;
      }
      media.configure(remoteMedia(r.negotiated()));
      log.info("call {}: re-INVITE, now {}", id(), r.negotiated().direction());
      return r.answer();
    }
  }

  @Override
  public void onInfo(String contentType, String body) {
    DtmfInfo.Digit d = DtmfInfo.parse(contentType, body);
    if (d == null) {
      log.info("call {}: INFO {} without a digit, ignored", id(), contentType);
      return;
    }
    onKeys(() -> onDigit(d.digit(), d.durationMillis(), "info"));
  }

  @Override
  public void onDtmf(char digit, int durationMillis, boolean inBand) {
    // Media thread: hand over at once.
    onKeys(() -> onDigit(digit, durationMillis, inBand ? "inband" : "rfc4733"));
  }

  @Override
  public void onTalking(boolean talking) {
    // Media thread: the event goes out from the key thread, never from the mixer.
    onKeys(() -> {
      Member m = member();
      if (m != null) room.onTalking(m, talking);
    });
  }

  @Override
  public void onEnded(EndReason reason) {
    LeaveReason why =
        switch (reason) {
          case REMOTE_BYE, CANCELLED -> LeaveReason.HUNG_UP;
          case LOCAL_HANGUP -> LeaveReason.HUNG_UP;
          case ACK_TIMEOUT, ERROR -> LeaveReason.ERROR;
        };
    log.info("call {}: ended ({})", id(), reason);
    cleanUp(why);
  }

  @Override
  public void onRtpTimeout() {
    // Media thread: hand over at once.
    Thread.ofVirtual().start(() -> {
      log.info("call {}: no RTP for the timeout, hanging up with BYE", id());
      endLocally(LeaveReason.RTP_TIMEOUT);
    });
  }

  @Override
  public void hangup(LeaveReason reason) {
    endLocally(reason);
  }

  private void endLocally(LeaveReason reason) {
    // Leave first: the stack may report LOCAL_HANGUP (as HUNG_UP) before call.hangup() returns, and
    // the room must record why we ended the call (kicked, lonely...), not that it ended.
    cleanUp(reason);
    call.hangup();
  }

  private void cleanUp(LeaveReason reason) {
    Member m;
    synchronized (this) {
      if (phase == Phase.ENDED) return;
      phase = Phase.ENDED;
      m = member;
    }
    if (m != null) {
      room.leave(m, reason);
    } else {
      media.remove();
      room.release();
    }
    conference.removeIfIdle(room);
    active.remove(this);
    onKeys(this::cancelTimer);
    keys.shutdown();
  }

  private static RemoteMedia remoteMedia(NegotiatedAudio n) {
    Direction d = n.direction();
    // Our direction: SENDRECV normal; RECVONLY means the phone holds us (a=sendonly from it):
    // stop sending the mix and stop mixing whatever it plays (music on hold must not reach the room).
    boolean send = d == Direction.SENDRECV || d == Direction.SENDONLY;
    boolean receive = d == Direction.SENDRECV;
    InetSocketAddress target =
        n.remotePort() > 0 && !"0.0.0.0".equals(n.remoteAddress())
            ? new InetSocketAddress(n.remoteAddress(), n.remotePort())
            : null;
    return new RemoteMedia(
        target, n.payloadType(), n.encodingName(), n.ptimeMillis(), n.telephoneEventPayloadType(), send, receive, n.fmtp(),
        n.clockRateHz(), n.comfortNoisePayloadType());
  }
}
