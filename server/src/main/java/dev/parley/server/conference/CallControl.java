package dev.parley.server.conference;

import dev.parley.server.config.MemberFlag;
import java.util.Set;

/**
 * The call-side actions the control plane asks for, owned here and implemented by the call layer, so
 * the API drives calls without knowing SIP: move a member's call, place and cancel invites, look up a
 * profile for a room created empty.
 *
 * <p>Every method may be called from any thread and never blocks on the network: progress of an
 * invite is published as {@link ConferenceEvent.InviteProgress} events.
 */
public interface CallControl {
  /** What became of a move. */
  enum MoveOutcome {
    MOVED,
    /** The member is a call Parley placed (an invite, an auto-dial); those stay where they were dialled. */
    NOT_MOVABLE,
    /** The number routes nowhere, or no room has that name. */
    NO_SUCH_TARGET,
    /** It is in that room already. */
    SAME_ROOM,
    /** The target room is full, locked or ending, or the call ended meanwhile. */
    REFUSED
  }

  /**
   * Moves the member's call to where {@code number} routes (as the {@code route} key does), or into
   * the existing room {@code roomName} (with that room's profile); exactly one of the two is non-null.
   */
  MoveOutcome move(Room from, Member member, String number, String roomName);

  /**
   * Dials {@code dialString} into {@code room}.
   *
   * @param callerIdNumber shown to the called party unless the dial string or trunk says otherwise;
   *     null for the room's name
   * @param callerIdName the display name, or null
   * @return the invite's id, for {@link #cancel} and in its events
   * @throws IllegalArgumentException for a malformed dial string or an unknown gateway or extension
   */
  String dial(Room room, String dialString, String callerIdNumber, String callerIdName, Set<MemberFlag> flags);

  /** What cancelling found. */
  enum CancelOutcome {
    /** Still ringing: CANCEL sent, {@code invite.cancelled} published. */
    CANCELLED,
    /** Answered already: the party is hung up (BYE) and leaves the room. */
    HUNG_UP,
    /** No such invite in that room, or it is over. */
    UNKNOWN
  }

  CancelOutcome cancel(String room, String inviteId);

  /** The resolved profile named {@code name}, or null when the configuration has none. */
  RoomProfile profile(String name);
}
