package dev.parley.server.conference;

import java.time.Instant;
import java.util.Set;

/**
 * What happens in the conference, for observers (the event stream, webhooks, billing records,
 * metrics). Every event names its room and the time it happened.
 */
public sealed interface ConferenceEvent {
  Instant at();

  String room();

  /** The event's name on the wire, e.g. {@code member.joined}. */
  String type();

  record RoomCreated(Instant at, String room, String profile) implements ConferenceEvent {
    public String type() {
      return "room.created";
    }
  }

  record RoomEnded(Instant at, String room) implements ConferenceEvent {
    public String type() {
      return "room.ended";
    }
  }

  /**
   * @param flags the member's flags as their config names
   * @param details numbers, names, codec, direction and billing of the member's call
   */
  record MemberJoined(Instant at, String room, int member, String callId, String caller, boolean moderator, Set<String> flags,
      CallDetails details) implements ConferenceEvent {
    public MemberJoined(Instant at, String room, int member, String callId, String caller, boolean moderator, Set<String> flags) {
      this(at, room, member, callId, caller, moderator, flags, CallDetails.dialIn(caller));
    }

    public String type() {
      return "member.joined";
    }
  }

  record MemberLeft(Instant at, String room, int member, String callId, LeaveReason reason) implements ConferenceEvent {
    public String type() {
      return "member.left";
    }
  }

  record TalkingChanged(Instant at, String room, int member, boolean talking) implements ConferenceEvent {
    public String type() {
      return talking ? "member.talking.started" : "member.talking.stopped";
    }
  }

  /** @param source {@code rfc4733}, {@code info} or {@code inband} */
  record DtmfReceived(Instant at, String room, int member, char digit, int durationMillis, String source)
      implements ConferenceEvent {
    public String type() {
      return "member.dtmf";
    }
  }

  /** The member's controls changed: mute, deaf, volumes (steps -4..+4), energy level (-1 = room's). */
  record MemberUpdated(Instant at, String room, int member, MemberState state) implements ConferenceEvent {
    public String type() {
      return "member.updated";
    }
  }

  record LockChanged(Instant at, String room, boolean locked) implements ConferenceEvent {
    public String type() {
      return locked ? "room.locked" : "room.unlocked";
    }
  }

  /** The room's recording started, or resumed after a pause ({@code resumed}). */
  record RecordingStarted(Instant at, String room, String path, boolean resumed) implements ConferenceEvent {
    public String type() {
      return resumed ? "recording.resumed" : "recording.started";
    }
  }

  record RecordingPaused(Instant at, String room, String path) implements ConferenceEvent {
    public String type() {
      return "recording.paused";
    }
  }

  /**
   * The recording ended and its file is complete.
   *
   * @param startedAt when it started
   * @param durationMillis the audio in the file (pauses are not in it)
   * @param sizeBytes the file's size
   */
  record RecordingStopped(Instant at, String room, String path, Instant startedAt, long durationMillis, long sizeBytes)
      implements ConferenceEvent {
    public String type() {
      return "recording.stopped";
    }
  }

  /**
   * An announcement started to play, to the room ({@code member} 0) or to one member.
   *
   * @param id the id the play request answered with, unique within the room
   * @param tag what plays, e.g. {@code builtin:enter} or {@code tone:350+440/500,0/500}
   */
  record PlaybackStarted(Instant at, String room, int member, long id, String tag) implements ConferenceEvent {
    public String type() {
      return "playback.started";
    }
  }

  /**
   * An announcement ended (Yate's "ended announcements"): played to its end, or {@code interrupted}
   * (by an interrupting one, a stop, or its room or member going).
   */
  record PlaybackEnded(Instant at, String room, int member, long id, String tag, boolean interrupted)
      implements ConferenceEvent {
    public String type() {
      return "playback.ended";
    }
  }

  /** How far an invite placed into a room has come. */
  enum InviteState {
    /** 180 (or 181/182): the far end alerts. */
    RINGING,
    /** 183 or 180 with SDP: its media (ringback, announcements) is heard in the room. */
    EARLY_MEDIA,
    ANSWERED,
    FAILED,
    CANCELLED;

    String key() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * Progress of an invite the API (or a keypad) placed: {@code invite.ringing}, {@code invite.early-media},
   * {@code invite.answered}, {@code invite.failed}, {@code invite.cancelled}.
   *
   * @param invite the invite's id
   * @param stage how far it has come (named so as not to clash with member.updated's {@code state})
   * @param status the SIP status of a failure (0 otherwise)
   * @param statusText the failure's reason phrase, or empty
   */
  record InviteProgress(Instant at, String room, String invite, String dialString, InviteState stage, int status,
      String statusText) implements ConferenceEvent {
    public String type() {
      return "invite." + stage.key();
    }
  }

  /** The room has {@code remainingSeconds} left before it ends at its profile's {@code max-duration}. */
  record EndingSoon(Instant at, String room, long remainingSeconds) implements ConferenceEvent {
    public String type() {
      return "room.ending-soon";
    }
  }
}
