package dev.parley.server.conference;

import dev.parley.media.engine.RoomMediaSpec;
import dev.parley.server.conference.controls.ControlMap;
import dev.parley.server.config.InvitePolicy;
import dev.parley.server.config.MemberFlag;
import dev.parley.server.config.SrtpMode;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Everything a room needs from its profile, resolved: the mix settings, the loaded sounds, the PINs,
 * the keypad maps and the policies.
 *
 * @param maxMembers 0 = unlimited
 * @param lonely when false, a member left alone is hung up after {@code lonelyGrace}
 * @param pins the room and moderator PINs
 * @param flags the flags every member joining through this profile gets
 * @param controls what the keypad does for every member
 * @param moderatorControls what it does for moderators (the member map with the moderator group on top)
 * @param digitTimeout how long the keypad waits for the next digit of a longer sequence
 * @param announceCount say the member count to a member who joins
 * @param endWithModerator end the room when its last moderator leaves
 * @param autoDial dial strings called when the room's first member joins
 * @param invitePolicy who may invite by keypad
 * @param external the permanent external participant's dial string, or null
 * @param externalDigits DTMF it is sent once it answers
 * @param recording how rooms of this profile are recorded, and whether joining through it starts that
 * @param billing whether members joining through this profile have billing on (Yate's billing=true)
 * @param limit how long its rooms may last, and the warning before the end
 * @param srtp what calls Parley places into its rooms offer and accept (calls that dial in follow
 *     their route's policy instead)
 */
public record RoomProfile(
    String name,
    RoomMediaSpec media,
    int maxMembers,
    boolean lonely,
    Duration lonelyGrace,
    RoomPrompts prompts,
    Pins pins,
    Set<MemberFlag> flags,
    ControlMap controls,
    ControlMap moderatorControls,
    Duration digitTimeout,
    boolean announceCount,
    boolean endWithModerator,
    List<String> autoDial,
    InvitePolicy invitePolicy,
    String external,
    String externalDigits,
    RecordingPolicy recording,
    boolean billing,
    DurationLimit limit,
    SrtpMode srtp) {

  /** A profile whose placed calls follow the default SRTP policy ({@code optional}). */
  public RoomProfile(String name, RoomMediaSpec media, int maxMembers, boolean lonely, Duration lonelyGrace,
      RoomPrompts prompts, Pins pins, Set<MemberFlag> flags, ControlMap controls, ControlMap moderatorControls,
      Duration digitTimeout, boolean announceCount, boolean endWithModerator, List<String> autoDial,
      InvitePolicy invitePolicy, String external, String externalDigits, RecordingPolicy recording, boolean billing,
      DurationLimit limit) {
    this(name, media, maxMembers, lonely, lonelyGrace, prompts, pins, flags, controls, moderatorControls, digitTimeout,
        announceCount, endWithModerator, autoDial, invitePolicy, external, externalDigits, recording, billing, limit,
        SrtpMode.OPTIONAL);
  }

  /** A profile without a duration limit. */
  public RoomProfile(String name, RoomMediaSpec media, int maxMembers, boolean lonely, Duration lonelyGrace,
      RoomPrompts prompts, Pins pins, Set<MemberFlag> flags, ControlMap controls, ControlMap moderatorControls,
      Duration digitTimeout, boolean announceCount, boolean endWithModerator, List<String> autoDial,
      InvitePolicy invitePolicy, String external, String externalDigits, RecordingPolicy recording, boolean billing) {
    this(name, media, maxMembers, lonely, lonelyGrace, prompts, pins, flags, controls, moderatorControls, digitTimeout,
        announceCount, endWithModerator, autoDial, invitePolicy, external, externalDigits, recording, billing,
        DurationLimit.NONE);
  }

  /** A profile that does not record and has billing on. */
  public RoomProfile(String name, RoomMediaSpec media, int maxMembers, boolean lonely, Duration lonelyGrace,
      RoomPrompts prompts, Pins pins, Set<MemberFlag> flags, ControlMap controls, ControlMap moderatorControls,
      Duration digitTimeout, boolean announceCount, boolean endWithModerator) {
    this(name, media, maxMembers, lonely, lonelyGrace, prompts, pins, flags, controls, moderatorControls, digitTimeout,
        announceCount, endWithModerator, List.of(), InvitePolicy.MODERATORS, null, "", RecordingPolicy.OFF, true);
  }

  /** A profile with no PINs, flags, controls or prompts: for tests and rooms made by the API. */
  public static RoomProfile plain(String name, RoomMediaSpec media, int maxMembers, boolean lonely, Duration lonelyGrace) {
    return new RoomProfile(name, media, maxMembers, lonely, lonelyGrace, RoomPrompts.NONE, Pins.NONE, Set.of(),
        ControlMap.EMPTY, ControlMap.EMPTY, Duration.ofMillis(1500), false, false, List.of(), InvitePolicy.MODERATORS, null, "",
        RecordingPolicy.OFF, true);
  }

  public RoomProfile withControls(ControlMap member, ControlMap moderator) {
    return new RoomProfile(name, media, maxMembers, lonely, lonelyGrace, prompts, pins, flags, member, moderator,
        digitTimeout, announceCount, endWithModerator, autoDial, invitePolicy, external, externalDigits, recording, billing, limit, srtp);
  }

  public RoomProfile withPolicies(Pins pins, Set<MemberFlag> flags, boolean announceCount, boolean endWithModerator) {
    return new RoomProfile(name, media, maxMembers, lonely, lonelyGrace, prompts, pins, flags, controls,
        moderatorControls, digitTimeout, announceCount, endWithModerator, autoDial, invitePolicy, external, externalDigits, recording, billing, limit, srtp);
  }

  /** The same profile with another invite policy (ad-hoc rooms: the owner's). */
  public RoomProfile withInvitePolicy(InvitePolicy policy) {
    return new RoomProfile(name, media, maxMembers, lonely, lonelyGrace, prompts, pins, flags, controls,
        moderatorControls, digitTimeout, announceCount, endWithModerator, autoDial, policy, external, externalDigits,
        recording, billing, DurationLimit.NONE, srtp);
  }

  public RoomProfile withRecording(RecordingPolicy recording, boolean billing) {
    return new RoomProfile(name, media, maxMembers, lonely, lonelyGrace, prompts, pins, flags, controls,
        moderatorControls, digitTimeout, announceCount, endWithModerator, autoDial, invitePolicy, external, externalDigits,
        recording, billing, limit);
  }

  public RoomProfile withLimit(DurationLimit limit) {
    return new RoomProfile(name, media, maxMembers, lonely, lonelyGrace, prompts, pins, flags, controls,
        moderatorControls, digitTimeout, announceCount, endWithModerator, autoDial, invitePolicy, external, externalDigits,
        recording, billing, limit, srtp);
  }

  /** The same profile with another SRTP policy for the calls placed into its rooms. */
  public RoomProfile withSrtp(SrtpMode srtp) {
    return new RoomProfile(name, media, maxMembers, lonely, lonelyGrace, prompts, pins, flags, controls,
        moderatorControls, digitTimeout, announceCount, endWithModerator, autoDial, invitePolicy, external, externalDigits,
        recording, billing, limit, srtp);
  }
}
