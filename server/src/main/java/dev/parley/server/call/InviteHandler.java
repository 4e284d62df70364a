package dev.parley.server.call;

import dev.parley.media.engine.MemberMedia;
import dev.parley.server.conference.Conference;
import dev.parley.server.conference.Room;
import dev.parley.server.routing.RoomTarget;
import dev.parley.server.routing.Router;
import dev.parley.sip.CallHandler;
import dev.parley.sip.IncomingCall;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to a new INVITE: route the dialled number to a room, check there is space,
 * negotiate media and answer; or refuse with the status that says why.
 */
public final class InviteHandler implements CallHandler {
  private static final Logger log = LoggerFactory.getLogger(InviteHandler.class);

  private final Router router;
  private final RoomProfiles profiles;
  private final Conference conference;
  private final ActiveCalls active;
  private final String mediaAddress;

  public InviteHandler(Router router, RoomProfiles profiles, Conference conference, ActiveCalls active, String mediaAddress) {
    this.router = router;
    this.profiles = profiles;
    this.conference = conference;
    this.active = active;
    this.mediaAddress = mediaAddress;
  }

  @Override
  public void onInvite(IncomingCall call) {
    String number = call.requestUser();
    log.info("call {}: INVITE for '{}' from {} via {} {}:{}", call.callId(), number, call.fromUri(), call.transport(), call.remoteHost(), call.remotePort());
    Optional<RoomTarget> target = router.resolve(number == null ? "" : number);
    if (target.isEmpty()) {
      log.info("call {}: no route for '{}', 404", call.callId(), number);
      call.reject(404, "No route for " + number);
      return;
    }
    RoomTarget t = target.get();
    Room room;
    switch (conference.admit(t.room(), profiles.forConfig(t.profile()))) {
      case Conference.Admission.Full full -> {
        log.info("call {}: room {} is full ({} members), 486", call.callId(), full.room(), full.maxMembers());
        call.reject(486, "Room full");
        return;
      }
      case Conference.Admission.Admitted admitted -> room = admitted.room();
    }
    SdpNegotiation sdp = new SdpNegotiation(mediaAddress);
    CallSession session = null;
    MemberMedia media = null;
    try {
      // The session is the media listener, so create the media with a forwarding listener first.
      ListenerRelay relay = new ListenerRelay();
      media = room.media().addMember(relay);
      session = new CallSession(call, conference, room, media, sdp, active);
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
      if (session != null) session.hangup(dev.parley.server.conference.LeaveReason.ERROR);
      else release(room, media);
    }
  }

  private void release(Room room, MemberMedia media) {
    if (media != null) media.remove();
    room.release();
    conference.removeIfIdle(room);
  }

  /** Lets the media be created before the session that listens to it. */
  private static final class ListenerRelay implements dev.parley.media.engine.MemberListener {
    volatile dev.parley.media.engine.MemberListener target;

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
  }
}
