package dev.parley.server.call;

import dev.parley.media.engine.MemberListener;
import dev.parley.media.engine.MemberMedia;
import dev.parley.server.conference.Admission;
import dev.parley.server.conference.Conference;
import dev.parley.server.conference.LeaveReason;
import dev.parley.server.conference.Room;
import dev.parley.server.conference.RoomProfile;
import dev.parley.media.audio.Prompt;
import dev.parley.server.config.InvitePolicy;
import dev.parley.server.config.MemberFlag;
import dev.parley.server.config.SrtpMode;
import dev.parley.server.config.ServerConfig;
import dev.parley.server.config.RouteAsk;
import dev.parley.server.routing.RoomTarget;
import dev.parley.server.routing.Router;
import dev.parley.sip.CallHandler;
import dev.parley.sip.IncomingCall;
import dev.parley.sip.sdp.Sdes;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to a new INVITE: route the dialled number to a room, check the caller may join
 * (lockout, lock, size, join-only), negotiate media and answer; or refuse with the status that says why.
 */
public final class InviteHandler implements CallHandler {
  private static final Logger log = LoggerFactory.getLogger(InviteHandler.class);

  private final Router router;
  private final RoomProfiles profiles;
  private final Conference conference;
  private final ActiveCalls active;
  private final String mediaAddress;
  private final PinLockout lockout;
  private final KeypadActions actions;
  private final Dialer dialer;
  private volatile ScheduledConferences schedules;
  private final AdhocRooms adhoc;
  private final RoutingWebhook webhook = new RoutingWebhook(java.time.Clock.systemUTC());

  public InviteHandler(Router router, RoomProfiles profiles, Conference conference, ActiveCalls active, String mediaAddress,
      PinLockout lockout, Dialer dialer, ServerConfig config) {
    this.router = router;
    this.profiles = profiles;
    this.conference = conference;
    this.active = active;
    this.mediaAddress = mediaAddress;
    this.lockout = lockout;
    this.dialer = dialer;
    this.actions = new KeypadActions(new FeedbackTones(8000));
    this.adhoc = new AdhocRooms(config.extensions(), profiles, config.profiles().get("default"));
    RoutingWebhook.warnUnsigned(config.routes());
  }

  /** Scheduled rooms admit only the people listed (seed 002); set before SIP starts. */
  public void scheduledBy(ScheduledConferences s) {
    this.schedules = s;
  }

  /** Where a dialled number goes, and a PIN that came in it. */
  private record Routed(RoomTarget target, String pin) {}

  /**
   * Routes the number as dialled; failing that, {@code ROOM*PIN} routes ROOM with the PIN (FreeSWITCH
   * callers dial {@code 3000*1234} to skip the PIN prompt).
   */
  private Optional<Routed> route(String number) {
    Optional<RoomTarget> t = router.resolve(number);
    if (t.isPresent()) return Optional.of(new Routed(t.get(), null));
    int star = number.indexOf('*');
    if (star <= 0) return Optional.empty();
    String pin = number.substring(star + 1);
    if (!pin.matches("\\d{1,16}")) return Optional.empty();
    return router.resolve(number.substring(0, star)).map(r -> new Routed(r, pin));
  }

  @Override
  public void onInvite(IncomingCall call) {
    String number = call.requestUser() == null ? "" : call.requestUser();
    // The PIN part of a dialled number never goes into the log.
    log.info("call {}: INVITE for '{}' from {} via {} {}:{}{}", call.callId(), number.replaceAll("\\*\\d+$", "*…"),
        call.fromUri(), call.transport(), call.remoteHost(), call.remotePort(),
        call.offerSdp() == null ? ", no SDP (delayed offer)" : "");
    if (lockout.lockedOut(call.remoteHost())) {
      log.info("call {}: {} is locked out after too many wrong PINs, 403", call.callId(), call.remoteHost());
      call.reject(403, "Too many wrong PINs");
      return;
    }
    boolean fromTrunk = dialer.fromTrunk(call.remoteHost(), call.remotePort());
    String roomName;
    RoomProfile profile;
    JoinRequest request;
    boolean joinOnly;
    SrtpMode srtp;
    String farewellSound = null;
    switch (adhoc.entry(number, call.authenticatedUser())) {
      case AdhocRooms.Refuse no -> {
        log.info("call {}: '{}' is an ad-hoc room, {} {}", call.callId(), number, no.status(), no.reason());
        call.reject(no.status(), no.reason());
        return;
      }
      case AdhocRooms.Enter a -> {
        log.info("call {}: {} the ad-hoc room of {}", call.callId(), a.owner() ? "opens" : "joins", a.ownerNumber());
        roomName = a.room();
        profile = a.profile();
        joinOnly = !a.owner(); // only the owner opens it
        srtp = adhoc.srtp();
        request = new JoinRequest(profile, null, call.remoteHost(), call.authenticatedUser(), fromTrunk, a.owner(),
            a.announceName());
      }
      case null -> {
        Optional<Routed> routed = route(number);
        if (routed.isEmpty()) {
          log.info("call {}: no route for '{}', 404", call.callId(), number.replaceAll("\\*\\d+$", "*…"));
          call.reject(404, "No route for " + number);
          return;
        }
        RoomTarget t = routed.get().target();
        RouteAsk ask = t.route().ask();
        if (ask != null) {
          RoutingWebhook.Decision d = webhook.ask(ask, call, number.replaceAll("\\*\\d+$", ""), t.route().line(), t.room());
          RoomTarget asked = switch (d) {
            case RoutingWebhook.Decision.Join j -> joinTarget(call, t, j);
            case RoutingWebhook.Decision.Play p -> {
              farewellSound = p.sound();
              yield t;
            }
            case RoutingWebhook.Decision.Reject r -> {
              log.info("call {}: the routing webhook rejects it: {} {}", call.callId(), r.status(), r.reason());
              call.reject(r.status(), r.reason());
              yield null;
            }
            case RoutingWebhook.Decision.NoAnswer n -> {
              RoutingWebhook.logNoAnswer(call, ask, n);
              if (ask.fallback() == RouteAsk.Fallback.REJECT) {
                call.reject(503, "Routing webhook unavailable");
                yield null;
              }
              yield t;
            }
          };
          if (asked == null) return;
          t = asked;
        }
        roomName = t.room();
        profile = profiles.forConfig(t.profile());
        joinOnly = profile.flags().contains(MemberFlag.JOIN_ONLY);
        srtp = t.profile().srtp();
        request = new JoinRequest(profile, routed.get().pin(), call.remoteHost(), call.authenticatedUser(), fromTrunk);
      }
    }
    Room room;
    InvitePolicy invitePolicy = request.route().invitePolicy();
    switch (conference.admit(roomName, profile, joinOnly)) {
      case Admission.Refused r when invitePolicy == InvitePolicy.OWNER
          && r.why() == Admission.Refusal.NO_SUCH_ROOM -> {
        String owner = roomName.substring(roomName.indexOf('-') + 1);
        log.info("call {}: the ad-hoc room of {} is not open, 480", call.callId(), owner);
        call.reject(480, "Ad-hoc room of " + owner + " is not open");
        return;
      }
      case Admission.Refused r -> {
        refuse(call, r);
        return;
      }
      case Admission.Admitted admitted -> room = admitted.room();
    }
    Prompt farewell = null;
    if (farewellSound != null) {
      try {
        farewell = profiles.sound(farewellSound, room.profile().media().rateHz());
      } catch (IOException | RuntimeException e) {
        // The caller was to be sent away anyway: without the prompt it is refused plainly.
        log.warn("call {}: the routing webhook's sound {} cannot be played: {}; 480", call.callId(), farewellSound, e.toString());
        call.reject(480, "Temporarily Unavailable");
        release(room, null);
        return;
      }
    }
    if (farewell != null) request = request.withFarewell(farewell);
    ScheduledConferences sc = schedules;
    var schedule = sc == null ? null : sc.gating(room.name());
    if (schedule != null) request = sc.entry(schedule, request, call.fromUser());
    // SRTP follows the route the caller came through, like its PINs: one room may have a TLS-only route.
    SdpNegotiation sdp = new SdpNegotiation(mediaAddress, room.media().spec(), new Sdes(SrtpMedia.policy(srtp)));
    CallSession session = null;
    MemberMedia media = null;
    try {
      // The session is the media listener, so create the media with a forwarding listener first.
      ListenerRelay relay = new ListenerRelay();
      media = room.media().addMember(relay);
      session = new CallSession(call, conference, room, media, sdp, active, request, lockout, actions, this::move, dialer);
      relay.target = session;
      String offer = call.offerSdp();
      if (offer != null && !offer.isBlank()) {
        SdpNegotiation.Result r = sdp.answer(offer, media.localRtpPort());
        if (r.answer() == null) {
          log.info("call {}: {} -> {}", call.callId(), r.problem(), r.status());
          call.reject(r.status(), r.status() == 488 ? "Not Acceptable Here" : "Bad Request");
          release(room, media);
          return;
        }
        session.answer(r.answer(), r.negotiated());
      } else {
        session.answer(sdp.offer(media.localRtpPort()), null);
      }
    } catch (IOException e) {
      log.warn("call {}: cannot allocate media: {}", call.callId(), e.getMessage());
      call.reject(503, "No media ports");
      release(room, media);
    } catch (RuntimeException e) {
      log.error("call {}: failed while answering", call.callId(), e);
      call.reject(500, "Server error");
      if (session != null) session.hangup(LeaveReason.ERROR);
      else release(room, media);
    }
  }

  /**
   * Sends a call in a room to where {@code number} routes, as if it had dialled it, but without the
   * PIN (a key or the API asked for it). The dialled number's own PIN part is not accepted here.
   */
  boolean move(CallSession session, String number) {
    Optional<RoomTarget> target = router.resolve(number);
    if (target.isEmpty()) {
      log.info("call {}: move to '{}': no route", session.id(), number);
      return false;
    }
    RoomTarget t = target.get();
    if (t.room().equals(session.room().name())) return false;
    ScheduledConferences sc = schedules;
    if (sc != null && sc.gating(t.room()) != null) {
      log.info("call {}: move to room {} refused (scheduled: dial it to be looked up)", session.id(), t.room());
      return false;
    }
    RoomProfile profile = profiles.forConfig(t.profile());
    switch (conference.admit(t.room(), profile, profile.flags().contains(MemberFlag.JOIN_ONLY))) {
      case Admission.Refused r -> {
        log.info("call {}: move to room {} refused ({})", session.id(), r.room(), r.why());
        return false;
      }
      case Admission.Admitted a -> {
        return session.moveTo(a.room(), session.request().moved(profile));
      }
    }
  }

  /**
   * Where a routing webhook's {@code join} sends the call: its room (the route's when it names none),
   * the route's profile with the answer's flags added and its PIN required.
   */
  private RoomTarget joinTarget(IncomingCall call, RoomTarget t, RoutingWebhook.Decision.Join j) {
    java.util.Map<String, String> params = new java.util.LinkedHashMap<>();
    if (!j.flags().isEmpty()) {
      java.util.Set<String> names = new java.util.TreeSet<>();
      for (MemberFlag f : t.profile().flags()) names.add(f.key());
      for (MemberFlag f : j.flags()) names.add(f.key());
      params.put("flags", String.join("|", names));
    }
    if (j.pin() != null) params.put("pin", j.pin());
    String room = j.room() != null ? j.room() : t.room();
    log.info("call {}: the routing webhook sends it to room {}{}{}", call.callId(), room,
        j.flags().isEmpty() ? "" : " with flags " + params.get("flags"), j.pin() != null ? " behind a PIN" : "");
    return new RoomTarget(room, params.isEmpty() ? t.profile() : t.profile().withParams(params), t.route());
  }

  /** The room {@code number} routes to, or null. */
  String routeOf(String number) {
    return router.resolve(number).map(RoomTarget::room).orElse(null);
  }

  /**
   * Sends a call into an existing room by name (the API's move), with the room's own profile as its
   * route: its flags and keys apply, no PIN is asked.
   */
  boolean moveInto(CallSession session, Room target) {
    if (target == session.room()) return false;
    switch (conference.admit(target.name(), target.profile(), true)) {
      case Admission.Refused r -> {
        log.info("call {}: move to room {} refused ({})", session.id(), r.room(), r.why());
        return false;
      }
      case Admission.Admitted a -> {
        return session.moveTo(a.room(), session.request().moved(target.profile()));
      }
    }
  }

  private static void refuse(IncomingCall call, Admission.Refused r) {
    switch (r.why()) {
      case FULL -> {
        log.info("call {}: room {} is full ({} members), 486", call.callId(), r.room(), r.maxMembers());
        call.reject(486, "Room full");
      }
      case LOCKED -> {
        log.info("call {}: room {} is locked, 403", call.callId(), r.room());
        call.reject(403, "Room locked");
      }
      case CLOSED -> {
        log.info("call {}: room {} is ending, 480", call.callId(), r.room());
        call.reject(480, "Room ending");
      }
      case NO_SUCH_ROOM -> {
        log.info("call {}: join-only and room {} does not exist, 404", call.callId(), r.room());
        call.reject(404, "No such room");
      }
    }
  }

  private void release(Room room, MemberMedia media) {
    if (media != null) media.remove();
    room.release();
    conference.removeIfIdle(room);
  }

  /** Lets the media be created before the session that listens to it. */
  private static final class ListenerRelay implements MemberListener {
    volatile MemberListener target;

    @Override
    public void onRtpTimeout() {
      var t = target;
      if (t != null) t.onRtpTimeout();
    }

    @Override
    public void onPlaybackDone(String tag) {
      var t = target;
      if (t != null) t.onPlaybackDone(tag);
    }

    @Override
    public void onTalking(boolean talking) {
      var t = target;
      if (t != null) t.onTalking(talking);
    }

    @Override
    public void onDtmf(char digit, int durationMillis, boolean inBand) {
      var t = target;
      if (t != null) t.onDtmf(digit, durationMillis, inBand);
    }
  }
}
