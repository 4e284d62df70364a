package dev.parley.server.call;

import dev.parley.server.conference.Pins;
import dev.parley.server.conference.RoomProfile;
import dev.parley.server.config.ExtensionConfig;
import dev.parley.server.config.InvitePolicy;
import dev.parley.server.config.MemberFlag;
import dev.parley.server.config.ProfileConfig;
import dev.parley.server.config.SrtpMode;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seed 004's ad-hoc rooms, owned by a phone: an extension dials {@code *8} and its own number to open
 * its room ({@code adhoc-NUMBER}, the default profile); other extensions dial the same while it is
 * open. The owner joins as moderator and is the only one who may invite ({@link InvitePolicy#OWNER});
 * the owner's extension options set the joiners' PIN, whether the owner leaving ends the room, and
 * whether joiners' names are announced.
 */
final class AdhocRooms {
  private static final Pattern DIALLED = Pattern.compile("\\*8(\\d{1,16})");

  private final Map<String, ExtensionConfig> extensions;
  private final RoomProfiles profiles;
  private final ProfileConfig base;

  AdhocRooms(Map<String, ExtensionConfig> extensions, RoomProfiles profiles, ProfileConfig base) {
    this.extensions = extensions;
    this.profiles = profiles;
    this.base = base;
  }

  /** How a caller enters an ad-hoc room. */
  sealed interface Entry {}

  /**
   * @param room the owner's room
   * @param profile the caller's route profile: the owner's moderator and end-on-exit flags, or the
   *     joiners' PIN
   * @param owner the caller opens (or comes back to) its own room
   * @param announceName the caller records its name first (joiners only)
   */
  record Enter(String room, String ownerNumber, RoomProfile profile, boolean owner, boolean announceName) implements Entry {}

  /** The caller may not use the room: the status and the reason phrase say why. */
  record Refuse(int status, String reason) implements Entry {}

  static String roomName(String owner) {
    return "adhoc-" + owner;
  }

  /**
   * What {@code *8NUMBER} means for this caller, or null when the dialled number is not {@code *8}
   * followed by a configured extension (then the routes decide).
   *
   * @param caller the extension the caller authenticated as, or null
   */
  Entry entry(String dialled, String caller) {
    Matcher m = DIALLED.matcher(dialled);
    if (!m.matches()) return null;
    ExtensionConfig owner = extensions.get(m.group(1));
    if (owner == null) return null;
    if (caller == null || !extensions.containsKey(caller)) {
      return new Refuse(403, "Ad-hoc rooms are for registered extensions");
    }
    RoomProfile room = profiles.forConfig(base).withInvitePolicy(InvitePolicy.OWNER);
    ExtensionConfig.AdhocOptions o = owner.adhoc();
    if (caller.equals(owner.number())) {
      Set<MemberFlag> flags = EnumSet.of(MemberFlag.MODERATOR);
      flags.addAll(room.flags());
      if (o.endOnExit()) flags.add(MemberFlag.END_CONFERENCE);
      return new Enter(roomName(owner.number()), owner.number(),
          room.withPolicies(Pins.NONE, flags, room.announceCount(), room.endWithModerator()), true, false);
    }
    Pins pins = o.pin() == null ? Pins.NONE : new Pins(o.pin(), null, room.pins().tries());
    return new Enter(roomName(owner.number()), owner.number(),
        room.withPolicies(pins, room.flags(), room.announceCount(), room.endWithModerator()), false, o.announceName());
  }

  /** SRTP for ad-hoc rooms: the default profile's. */
  SrtpMode srtp() {
    return base.srtp();
  }
}
