package dev.parley.server.call;

import dev.parley.media.audio.Prompt;
import dev.parley.media.audio.Tones;
import dev.parley.media.record.RecordingFormat;
import dev.parley.server.conference.DurationLimit;
import dev.parley.server.conference.RecordingPolicy;
import dev.parley.media.engine.RoomMediaSpec;
import dev.parley.server.conference.Pins;
import dev.parley.server.conference.RoomProfile;
import dev.parley.server.conference.RoomPrompts;
import dev.parley.server.conference.controls.ControlMap;
import dev.parley.server.config.ControlGroups;
import dev.parley.server.config.ProfileConfig;
import dev.parley.server.config.Sounds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns configured profiles (with route parameters applied) into room profiles: sounds loaded,
 * control groups resolved into keypad maps.
 */
public final class RoomProfiles {
  private final PromptLibrary prompts;
  private final ControlGroups controls;
  private final Path dataDir;
  private final ConcurrentHashMap<ProfileConfig, RoomProfile> cache = new ConcurrentHashMap<>();

  public RoomProfiles(PromptLibrary prompts, ControlGroups controls) {
    this(prompts, controls, Path.of(""));
  }

  /** @param dataDir relative recording paths are resolved against it ({@code storage.data-dir}) */
  public RoomProfiles(PromptLibrary prompts, ControlGroups controls, Path dataDir) {
    this.prompts = prompts;
    this.controls = controls;
    this.dataDir = dataDir;
  }

  /** A sound ({@code builtin:NAME} or a WAV path) at a room's rate; null for a null reference. */
  Prompt sound(String reference, int rateHz) throws IOException {
    return prompts.get(reference, rateHz);
  }

  public RoomProfile forConfig(ProfileConfig p) {
    // SRTP is for the calls placed into the profile's rooms (OutgoingLeg); dialled-in calls read their route's.
    return cache.computeIfAbsent(p, q -> build(q).withSrtp(q.srtp()));
  }

  private RoomProfile build(ProfileConfig p) {
    try {
      int rate = p.rateHz();
      ControlMap member = ControlMap.of(controls.group(p.controls()));
      ControlMap moderator = ControlMap.of(controls.group(p.controls()), controls.group(p.moderatorControls()));
      return new RoomProfile(
          p.name(),
          new RoomMediaSpec(p.name(), rate, p.intervalMs(), p.energyLevel(), p.comfortNoiseLevel(),
              p.comfortNoiseSend()),
          p.maxMembers(),
          p.lonely(),
          p.lonelyGrace(),
          prompts(p.sounds(), rate),
          new Pins(p.pin(), p.moderatorPin(), p.pinTries()),
          p.flags(),
          member,
          moderator,
          p.digitTimeout(),
          p.announceCount(),
          p.endWithModerator(),
          p.autoDial(),
          p.invitePolicy(),
          p.external(),
          p.externalDigits(),
          new RecordingPolicy(p.record(), dataDir.resolve(recordPath(p)).toString(),
              p.recordWarning() ? recordingWarning(rate) : null, format(p),
              p.recordOnModerator()),
          p.billing(),
          new DurationLimit(p.maxDuration(), p.warnBefore(), endingWarning(p, rate)));
    } catch (IOException e) {
      throw new UncheckedIOException("profile " + p.name() + ": " + e.getMessage(), e);
    }
  }

  private static RecordingFormat format(ProfileConfig p) {
    return p.recordFormat().equals("opus") ? RecordingFormat.OPUS : RecordingFormat.WAV;
  }

  /** The path template with the extension of the profile's format. */
  private static String recordPath(ProfileConfig p) {
    String path = p.recordPath();
    String stem = path.substring(0, path.lastIndexOf('.'));
    return stem + format(p).extension();
  }

  /**
   * Three falling beeps, then "this conference ends in N minutes" ({@link EndingWarning}): the beeps
   * catch the ear over whoever is talking, the words say how long is left.
   */
  private Prompt endingWarning(ProfileConfig p, int rate) throws IOException {
    Prompt gap = Tones.silence(200, rate);
    Prompt beeps = Tones.sequence("ending-beeps", Tones.sine(988, 250, -12, rate), gap, Tones.sine(784, 250, -12, rate), gap,
        Tones.sine(587, 400, -12, rate));
    if (!p.warnBefore().isPositive()) return beeps;
    return Tones.sequence("ending-warning", beeps, Tones.silence(300, rate), EndingWarning.compose(prompts, p.warnBefore(), rate));
  }

  /** Two short high beeps: the room is now being recorded. */
  private static Prompt recordingWarning(int rate) {
    Prompt beep = Tones.sine(1400, 150, -14, rate);
    return Tones.sequence("recording-warning", beep, Tones.silence(150, rate), beep);
  }

  private RoomPrompts prompts(Sounds s, int rate) throws IOException {
    if (s == null) return RoomPrompts.NONE;
    return new RoomPrompts(
        prompts.get(s.enter(), rate),
        prompts.get(s.exit(), rate),
        prompts.get(s.alone(), rate),
        prompts.get(s.music(), rate),
        prompts.get(s.muted(), rate),
        prompts.get(s.unmuted(), rate),
        prompts.get(s.kicked(), rate),
        prompts.get(s.pin(), rate),
        prompts.get(s.badPin(), rate),
        prompts.get(s.enterNumber(), rate),
        prompts.get(s.trying(), rate),
        prompts.get(s.recordName(), rate),
        prompts.get(s.hasJoined(), rate),
        numbers(rate, prompts.get("builtin:alone", rate)));
  }

  /**
   * The built-in spoken numbers; the member count is said with them whatever the other sounds are
   * ("you are the only person" for one, even in a room whose alone sound is off).
   */
  private RoomPrompts.SpokenNumbers numbers(int rate, Prompt onlyOne) throws IOException {
    List<Prompt> units = new ArrayList<>();
    for (int n = 0; n < 20; n++) units.add(prompts.get("builtin:numbers/" + n, rate));
    List<Prompt> tens = new ArrayList<>();
    tens.add(null);
    tens.add(units.get(10));
    for (int n = 2; n < 10; n++) tens.add(prompts.get("builtin:numbers/" + n + "0", rate));
    return new RoomPrompts.SpokenNumbers(
        prompts.get("builtin:numbers/there-are", rate),
        prompts.get("builtin:numbers/people", rate),
        onlyOne,
        units,
        tens,
        prompts.get("builtin:numbers/hundred", rate));
  }
}
