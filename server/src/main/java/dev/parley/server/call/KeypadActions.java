package dev.parley.server.call;

import dev.parley.server.conference.LeaveReason;
import dev.parley.server.conference.Member;
import dev.parley.server.conference.MemberState;
import dev.parley.server.conference.Room;
import dev.parley.server.config.ControlBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs what a member's key sequence is bound to, and gives the member feedback: the muted and
 * unmuted sounds, a tone per volume or energy step.
 */
final class KeypadActions {
  private static final Logger log = LoggerFactory.getLogger(KeypadActions.class);
  private static final int ENERGY_STEP = 100;

  /** What the call layer does for actions that leave the room or place calls. */
  interface CallSide {
    /** Sends the member to where {@code number} routes; false if that is not possible. */
    boolean route(String number);

    /** Starts an invite: asks for the number ({@code prompt}) or just collects it up to {@code #}. */
    boolean invite(boolean prompt);

    /** Ends the member's own last invite: CANCEL while ringing, BYE once answered. */
    boolean cancelInvite();
  }

  private final FeedbackTones tones;

  KeypadActions(FeedbackTones tones) {
    this.tones = tones;
  }

  FeedbackTones tones() {
    return tones;
  }

  void run(Room room, Member m, String sequence, ControlBinding.Target t, CallSide call) {
    MemberState s = m.state();
    log.info("call {}: keys '{}' -> {}{}", m.leg().id(), sequence, t.action().key(),
        t.argument() == null ? "" : " " + t.argument());
    switch (t.action()) {
      case MUTE -> room.setMuted(m, !s.muted());
      case DEAF -> {
        room.setDeaf(m, !s.deaf());
        room.playTo(m, "beep", s.deaf() ? tones.up : tones.down);
      }
      case DEAF_MUTE -> room.setDeafMuted(m, !(s.muted() && s.deaf()));
      case ENERGY_UP -> {
        room.setEnergyLevel(m, room.effectiveEnergyLevel(m) + ENERGY_STEP);
        room.playTo(m, "beep", tones.up);
      }
      case ENERGY_DOWN -> {
        room.setEnergyLevel(m, Math.max(0, room.effectiveEnergyLevel(m) - ENERGY_STEP));
        room.playTo(m, "beep", tones.down);
      }
      case ENERGY_RESET -> {
        room.setEnergyLevel(m, -1);
        room.playTo(m, "beep", tones.reset);
      }
      case TALK_UP -> step(room, m, room.setTalkStep(m, s.talkStep() + 1) != s.talkStep(), true);
      case TALK_DOWN -> step(room, m, room.setTalkStep(m, s.talkStep() - 1) != s.talkStep(), false);
      case TALK_ZERO -> {
        room.setTalkStep(m, 0);
        room.playTo(m, "beep", tones.reset);
      }
      case LISTEN_UP -> step(room, m, room.setListenStep(m, s.listenStep() + 1) != s.listenStep(), true);
      case LISTEN_DOWN -> step(room, m, room.setListenStep(m, s.listenStep() - 1) != s.listenStep(), false);
      case LISTEN_ZERO -> {
        room.setListenStep(m, 0);
        room.playTo(m, "beep", tones.reset);
      }
      case HANGUP -> m.leg().hangup(LeaveReason.HUNG_UP);
      case LOCK -> room.setLocked(true);
      case UNLOCK -> room.setLocked(false);
      case TOGGLE_LOCK -> {
        boolean now = !room.locked();
        room.setLocked(now);
        room.playTo(m, "beep", now ? tones.down : tones.up);
      }
      case MUTE_ALL -> room.muteAllButModerators();
      case UNMUTE_ALL -> room.unmuteAll();
      case KICK_LAST -> {
        if (room.kickLast(m) == null) room.playTo(m, "beep", tones.error);
      }
      case SAY_COUNT -> room.sayCount(m);
      case END_CONFERENCE -> room.end(LeaveReason.ROOM_ENDED);
      case RECORD_TOGGLE -> {
        // Stopping is a posted operation; starting creates the file, which the key thread may wait for.
        boolean started = room.recording() == null && room.startRecording(null);
        if (!started && !room.stopRecording()) room.playTo(m, "beep", tones.error);
        else room.playTo(m, "beep", started ? tones.up : tones.down);
      }
      case ROUTE -> {
        if (!call.route(t.argument())) room.playTo(m, "beep", tones.error);
      }
      case INVITE -> {
        if (!call.invite(true)) room.playTo(m, "beep", tones.error);
      }
      case INVITE_NUMBER -> {
        if (!call.invite(false)) room.playTo(m, "beep", tones.error);
      }
      case CANCEL_INVITE -> {
        if (!call.cancelInvite()) room.playTo(m, "beep", tones.error);
      }
    }
  }

  /** One tone per step; the error tone when the level is already at its end. */
  private void step(Room room, Member m, boolean moved, boolean up) {
    room.playTo(m, "beep", !moved ? tones.error : up ? tones.up : tones.down);
  }
}
