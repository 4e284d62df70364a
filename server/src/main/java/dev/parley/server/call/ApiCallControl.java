package dev.parley.server.call;

import dev.parley.server.conference.CallDetails;
import dev.parley.server.conference.CallControl;
import dev.parley.server.conference.Conference;
import dev.parley.server.conference.ConferenceEvent;
import dev.parley.server.conference.ConferenceEvent.InviteState;
import dev.parley.server.conference.Member;
import dev.parley.server.conference.Room;
import dev.parley.server.conference.RoomProfile;
import dev.parley.server.config.MemberFlag;
import dev.parley.server.config.ProfileConfig;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call layer's side of {@link CallControl}: moves go through the {@link InviteHandler} (as the
 * {@code route} key does), invites through the {@link Dialer}. Invites are kept by id while they ring
 * or are answered, and forgotten once they fail, are cancelled or the answered party leaves, so the
 * map holds only live invites. Thread-safe.
 */
public final class ApiCallControl implements CallControl {
  private static final Logger log = LoggerFactory.getLogger(ApiCallControl.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** An invite by id; {@code invite} is set once the dialer returns (a failure may come before). */
  private static final class Live {
    final String room;
    volatile Dialer.Invite invite;

    Live(String room) {
      this.room = room;
    }
  }

  private final Conference conference;
  private final InviteHandler handler;
  private final Dialer dialer;
  private final RoomProfiles profiles;
  private final Map<String, ProfileConfig> profileConfigs;
  private final ConcurrentHashMap<String, Live> invites = new ConcurrentHashMap<>();

  public ApiCallControl(Conference conference, InviteHandler handler, Dialer dialer, RoomProfiles profiles,
      Map<String, ProfileConfig> profileConfigs) {
    this.conference = conference;
    this.handler = handler;
    this.dialer = dialer;
    this.profiles = profiles;
    this.profileConfigs = profileConfigs;
  }

  @Override
  public MoveOutcome move(Room from, Member member, String number, String roomName) {
    if (!(member.leg() instanceof CallSession session)) return MoveOutcome.NOT_MOVABLE;
    if (roomName != null) {
      Room target = conference.room(roomName);
      if (target == null) return MoveOutcome.NO_SUCH_TARGET;
      if (target == from) return MoveOutcome.SAME_ROOM;
      return handler.moveInto(session, target) ? MoveOutcome.MOVED : MoveOutcome.REFUSED;
    }
    // The keypad's route action answers only yes or no; the API says which of the two it was.
    var routed = handler.routeOf(number);
    if (routed == null) return MoveOutcome.NO_SUCH_TARGET;
    if (routed.equals(from.name())) return MoveOutcome.SAME_ROOM;
    return handler.move(session, number) ? MoveOutcome.MOVED : MoveOutcome.REFUSED;
  }

  @Override
  public String dial(Room room, String dialString, String callerIdNumber, String callerIdName, Set<MemberFlag> flags) {
    String id = newId();
    String number = callerIdNumber != null ? callerIdNumber : room.name();
    Live live = new Live(room.name());
    invites.put(id, live);
    Dialer.Invite invite;
    try {
      invite = dialer.dial(room, dialString, number, callerIdName, flags,
          new Placement(CallDetails.Direction.INVITED, "api"), new Dialer.Outcome() {
      @Override
      public void ringing() {
        publish(room, id, dialString, InviteState.RINGING, 0, "");
      }

      @Override
      public void earlyMedia() {
        publish(room, id, dialString, InviteState.EARLY_MEDIA, 0, "");
      }

      @Override
      public void answered() {
        publish(room, id, dialString, InviteState.ANSWERED, 0, "");
      }

      @Override
      public void failed(int status, String reason) {
        invites.remove(id);
        publish(room, id, dialString, InviteState.FAILED, status, reason == null ? "" : reason);
      }

      @Override
      public void ended() {
        invites.remove(id);
      }
    });
    } catch (RuntimeException e) {
      invites.remove(id);
      throw e;
    }
    live.invite = invite;
    log.info("room {}: invite {} of {} placed", room.name(), id, dialString);
    return id;
  }

  @Override
  public CancelOutcome cancel(String room, String inviteId) {
    Live live = invites.get(inviteId);
    if (live == null || !live.room.equals(room) || live.invite == null || !invites.remove(inviteId, live)) {
      return CancelOutcome.UNKNOWN;
    }
    Dialer.Invite invite = live.invite;
    boolean answered = invite.answered();
    invite.end();
    log.info("room {}: invite {} {}", room, inviteId, answered ? "hung up" : "cancelled");
    if (answered) return CancelOutcome.HUNG_UP;
    publish(room, inviteId, invite.dialString(), InviteState.CANCELLED, 0, "");
    return CancelOutcome.CANCELLED;
  }

  @Override
  public RoomProfile profile(String name) {
    ProfileConfig p = profileConfigs.get(name);
    return p == null ? null : profiles.forConfig(p);
  }

  private void publish(Room room, String id, String dialString, InviteState state, int status, String reason) {
    publish(room.name(), id, dialString, state, status, reason);
  }

  private void publish(String room, String id, String dialString, InviteState state, int status, String reason) {
    conference.events().publish(new ConferenceEvent.InviteProgress(conference.clock().instant(), room, id,
        dialString, state, status, reason));
  }

  /** Not guessable, so one API client cannot cancel another's invite by counting. */
  private static String newId() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return "inv-" + HexFormat.of().formatHex(b);
  }
}
