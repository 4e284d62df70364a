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

  private enum Phase { ANSWERING, PIN, IN_ROOM, FAREWELL, ENDED }
  private static final String FAREWELL_TAG = "farewell";

  private final IncomingCall call;
  private final Conference conference;
  private volatile Room room;
  /** Set just before the join: whether this caller joins as a moderator ({@code record: moderator}). */
  private volatile boolean joiningAsModerator;
  private volatile MemberMedia media;
  private final SdpNegotiation sdp;
  private final ActiveCalls active;
  private volatile JoinRequest request;
  private final PinLockout lockout;
  private final KeypadActions actions;
  private final Mover mover;
  /** How long a joiner's name is recorded when the ad-hoc room announces names. */
  private static final long NAME_MILLIS = 3_000;

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
  private final MemberKeys memberKeys;

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
    this.memberKeys = new MemberKeys(keypadSide, conference, actions, dialer, this::onKeys);
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
        route.recording().onJoin() || (route.recording().onModerator() && joiningAsModerator));
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
    if (request.farewell() != null) {
      playFarewell();
      return;
    }
    ScheduleGate gate = request.gate();
    Pins pins = request.route().pins();
    if (gate != null) {
      // A scheduled room, and the caller is not listed by number: a PIN of a listed person, or the refusal.
      if (gate.lookup() == null) onKeys(() -> hangUpAfter(gate.refusal()));
      else if (request.dialledPin() != null) onKeys(() -> checkPin(request.dialledPin())); // counts as one try
      else onKeys(this::askForPin);
    } else if (!pins.required()) {
      onKeys(() -> admitted(false));
    } else if (request.dialledPin() != null) {
      onKeys(() -> checkPin(request.dialledPin()));
    } else {
      onKeys(this::askForPin);
    }
  }

  /** The caller may join (no PIN, or the right one): it joins, after saying its name where the room announces names. */
  private void admitted(boolean moderator) {
    if (!request.announceName()) {
      joinRoom(moderator);
      return;
    }
    var ask = request.route().prompts().recordName();
    if (ask != null) media.play("record-name", false, ask);
    // The name is recorded once the request has been heard; what the caller says meanwhile is not kept.
    armTimer(ask == null ? 0 : promptMillis(ask) + 200, () -> recordName(moderator));
  }

  private void recordName(boolean moderator) {
    int rate = room.media().spec().rateHz();
    short[] name = new short[(int) (NAME_MILLIS * rate / 1000)];
    log.info("call {}: recording its name ({} ms)", id(), NAME_MILLIS);
    media.capture(name, () -> onKeys(() -> announce(name, rate, moderator)));
  }

  /** The room hears the recorded name and "has joined"; the caller joins once that has played. */
  private void announce(short[] name, int rate, boolean moderator) {
    synchronized (this) {
      if (phase == Phase.ENDED) return;
    }
    var recorded = new dev.parley.media.audio.Prompt("name of " + id(), rate, name);
    var hasJoined = request.route().prompts().hasJoined();
    long millis = promptMillis(recorded);
    if (hasJoined != null) {
      room.media().play("announce", recorded, hasJoined);
      millis += promptMillis(hasJoined);
    } else {
      room.media().play("announce", recorded);
    }
    log.info("call {}: announcing its name to room {}", id(), room.name());
    armTimer(millis + 100, () -> joinRoom(moderator));
  }

  private static long promptMillis(dev.parley.media.audio.Prompt p) {
    return (long) p.length() * 1000 / p.rateHz();
  }

  private void joinRoom(boolean moderator) {
    synchronized (this) {
      if (phase == Phase.ENDED || phase == Phase.IN_ROOM) return;
      phase = Phase.IN_ROOM;
      joiningAsModerator = moderator || request.route().flags().contains(dev.parley.server.config.MemberFlag.MODERATOR);
      member = room.join(this, media, request.route().flags(), moderator);
    }
    startKeys();
  }

  /** The member's keys are those of its route: the moderator map when it is one. */
  private void startKeys() {
    var p = request.route();
    Member m = member();
    onKeys(() -> memberKeys.start(m.state().moderator() ? p.moderatorControls() : p.controls(), p.digitTimeout().toMillis()));
  }

  /** Plays the routing webhook's prompt without joining the room; the end of it hangs up. */
  private void playFarewell() {
    synchronized (this) {
      if (phase != Phase.ANSWERING) return;
      phase = Phase.FAREWELL;
    }
    log.info("call {}: plays the routing webhook's prompt, then hangs up", id());
    media.play(FAREWELL_TAG, false, request.farewell());
  }

  @Override
  public void onPlaybackDone(String tag) {
    if (FAREWELL_TAG.equals(tag)) onKeys(() -> hangup(LeaveReason.HUNG_UP));
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
    ScheduleGate gate = request.gate();
    JoinRequest listed = gate == null ? null : gate.lookup().apply(entered);
    Pins.Result r = gate != null ? (listed != null ? Pins.Result.MEMBER : Pins.Result.WRONG) : pins.check(entered);
    if (r != Pins.Result.WRONG) {
      log.info("call {}: PIN accepted{}", id(), r == Pins.Result.MODERATOR ? " (moderator)" : "");
      if (listed != null) request = listed; // its role's flags and no gate
      media.stopPlayback();
      admitted(r == Pins.Result.MODERATOR);
      return;
    }
    pinFailures++;
    boolean locked = lockout.failed(request.source());
    log.info("call {}: wrong PIN ({} of {}){}", id(), pinFailures, pins.tries(), locked ? ", source locked out" : "");
    var bad = request.route().prompts().badPin();
    if (pinFailures >= pins.tries() || locked) {
      hangUpAfter(gate != null ? gate.refusal() : bad);
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
    if (p == Phase.IN_ROOM) memberKeys.digit(digit, durationMillis, source);
  }

  private boolean mayInvite() {
    Member m = member;
    if (m == null) return false;
    return InviteRights.may(request.route().invitePolicy(), m.state().moderator(), request.extension() != null,
        request.fromTrunk(), request.owner());
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
    startKeys();
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

  private final MemberKeys.Call keypadSide = new MemberKeys.Call() {
    @Override
    public String id() {
      return CallSession.this.id();
    }

    @Override
    public Room room() {
      return room;
    }

    @Override
    public Member member() {
      return CallSession.this.member();
    }

    @Override
    public MemberMedia media() {
      return media;
    }

    @Override
    public dev.parley.server.conference.RoomPrompts prompts() {
      return request.route().prompts();
    }

    @Override
    public String number() {
      return details().callerNumber();
    }

    @Override
    public boolean mayInvite() {
      return CallSession.this.mayInvite();
    }

    @Override
    public boolean route(String number) {
      return routeTo(number);
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
    // A BYE that arrived just before (a server stop, a kick) ended the call already: its onEnded is on
    // the way and records why (the caller hung up), which this reason must not overwrite.
    if (call.isTerminated()) return;
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
    onKeys(() -> {
      cancelTimer();
      memberKeys.stop();
    });
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
        SrtpMedia.keys(n.srtp()), n.clockRateHz(), n.comfortNoisePayloadType());
  }
}
