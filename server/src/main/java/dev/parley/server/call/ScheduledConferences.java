package dev.parley.server.call;

import dev.parley.media.audio.Prompt;
import dev.parley.media.audio.Tones;
import dev.parley.server.conference.Admission;
import dev.parley.server.conference.Conference;
import dev.parley.server.conference.LeaveReason;
import dev.parley.server.conference.Member;
import dev.parley.server.conference.Pins;
import dev.parley.server.conference.RecordingPolicy;
import dev.parley.server.conference.CallDetails;
import dev.parley.server.conference.Room;
import dev.parley.server.conference.RoomProfile;
import dev.parley.server.config.MemberFlag;
import dev.parley.server.schedule.CallerLookup;
import dev.parley.server.schedule.Participant;
import dev.parley.server.schedule.Role;
import dev.parley.server.schedule.Schedule;
import dev.parley.server.schedule.ScheduleActions;
import dev.parley.server.schedule.ScheduleBook;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed 002's scheduler, without an external script: at a schedule's start every listed person with a
 * dial string is called into the room at once, and called again after {@link Schedule#retryDelay} up
 * to {@link Schedule#retries} times while they have not answered (and have not dialled in); the
 * organiser's answer starts the recording when the schedule says so. Before the end the room hears
 * the warning, and at the end everybody is hung up.
 *
 * <p>It also decides who may enter a scheduled room ({@link #entry}): the timer thread and call
 * threads call in; the state of running schedules is in concurrent maps.
 */
public final class ScheduledConferences implements ScheduleActions {
  private static final Logger log = LoggerFactory.getLogger(ScheduledConferences.class);
  /** The built-in sounds (scripts/make-prompts.sh). */
  static final String NOT_SCHEDULED = "builtin:not-scheduled", ENDS_SOON = "builtin:ends-soon";

  private final Conference conference;
  private final Dialer dialer;
  private final ScheduleBook book;
  private final Function<String, RoomProfile> profileFor;
  private final PromptLibrary prompts;
  private final Clock clock;
  private final Map<String, Run> running = new ConcurrentHashMap<>();

  /** The dial-out of one started schedule: what is ringing and what is waiting to be retried. */
  private static final class Run {
    final List<Dialer.Invite> invites = new CopyOnWriteArrayList<>();
    final List<ScheduledFuture<?>> retries = new CopyOnWriteArrayList<>();
    volatile boolean over;
  }

  /** @param profileFor the profile a room is created with: its route's, or the default profile */
  public ScheduledConferences(Conference conference, Dialer dialer, ScheduleBook book,
      Function<String, RoomProfile> profileFor, PromptLibrary prompts, Clock clock) {
    this.conference = conference;
    this.dialer = dialer;
    this.book = book;
    this.profileFor = profileFor;
    this.prompts = prompts;
    this.clock = clock;
  }

  /** The schedule holding {@code room} now, or null. */
  Schedule gating(String room) {
    return book.gating(room);
  }

  // ---------------------------------------------------------------- who may enter

  /**
   * What a caller to {@code s}'s room becomes: a listed person (by number, extension or a dialled
   * PIN) joins with its role and no further PIN; anybody else is gated (a PIN to key, or the refusal).
   */
  JoinRequest entry(Schedule s, JoinRequest request, String callerNumber) {
    Participant p = CallerLookup.find(s, callerNumber, request.extension(), request.dialledPin());
    if (p != null) {
      log.info("schedule {}: caller is {} ({})", s.id(), p.label(), p.role().key());
      return request.admitted(asListed(request.route(), p, s));
    }
    int rate = request.route().media().rateHz();
    Prompt refusal = prompt(NOT_SCHEDULED, rate);
    if (!CallerLookup.hasPins(s)) {
      log.info("schedule {}: caller {} is not listed", s.id(), callerNumber);
      return request.gated(new ScheduleGate(refusal, null));
    }
    log.info("schedule {}: caller {} is not listed by number, asking for a PIN", s.id(), callerNumber);
    return request.gated(new ScheduleGate(refusal, pin -> {
      Participant byPin = CallerLookup.find(s, null, null, pin);
      if (byPin == null) return null;
      log.info("schedule {}: PIN of {} ({})", s.id(), byPin.label(), byPin.role().key());
      return request.admitted(asListed(request.route(), byPin, s));
    }));
  }

  /** The route's profile as a listed person gets it: no PIN, the role's flags, the organiser's recording. */
  static RoomProfile asListed(RoomProfile route, Participant p, Schedule s) {
    Set<MemberFlag> flags = EnumSet.noneOf(MemberFlag.class);
    flags.addAll(route.flags());
    flags.addAll(flagsOf(p.role()));
    RecordingPolicy r = route.recording();
    boolean record = r.onJoin() || (p.role() == Role.ORGANISER && s.record());
    return route.withPolicies(Pins.NONE, flags, route.announceCount(), route.endWithModerator())
        .withRecording(new RecordingPolicy(record, r.pathTemplate(), r.warning()), route.billing());
  }

  static Set<MemberFlag> flagsOf(Role role) {
    return switch (role) {
      case ORGANISER, MODERATOR -> Set.of(MemberFlag.MODERATOR);
      case LISTENER -> Set.of(MemberFlag.MUTED);
      case PARTICIPANT -> Set.of();
    };
  }

  // ---------------------------------------------------------------- the timer's moments

  @Override
  public void start(Schedule s) {
    Run run = new Run();
    Run before = running.put(s.id(), run);
    if (before != null) stop(before);
    for (Participant p : s.participants()) {
      if (p.dial() != null) Thread.ofVirtual().name("schedule-dial").start(() -> dial(s, run, p, 0));
    }
  }

  @Override
  public void warn(Schedule s) {
    Room room = conference.room(s.room());
    if (room == null) return;
    int rate = room.profile().media().rateHz();
    // What is really left: the timer may fire late, or the server may have started after the warning time.
    Duration left = Duration.between(clock.instant(), s.end());
    Prompt warning;
    try {
      warning = EndingWarning.compose(prompts, left.isPositive() ? left : Duration.ofSeconds(1), rate);
    } catch (IOException e) {
      log.warn("cannot compose the spoken warning: {}; playing {}", e.getMessage(), ENDS_SOON);
      warning = prompt(ENDS_SOON, rate);
    }
    room.media().play("schedule-warning", warning);
    log.info("schedule {}: room {} warned that it ends at {} (in {} s)", s.id(), s.room(), s.end(), left.toSeconds());
  }

  @Override
  public void end(Schedule s) {
    Run run = running.remove(s.id());
    if (run != null) stop(run);
    Room room = conference.room(s.room());
    if (room == null) return;
    log.info("schedule {}: room {} ends ({} members)", s.id(), s.room(), room.size());
    Thread.ofVirtual().name("schedule-end").start(() -> room.end(LeaveReason.ROOM_ENDED));
  }

  private static void stop(Run run) {
    run.over = true;
    for (ScheduledFuture<?> f : run.retries) f.cancel(false);
    for (Dialer.Invite i : run.invites) if (!i.answered()) i.end();
  }

  // ---------------------------------------------------------------- dialling

  /** One attempt to call {@code p}; a failure plans the next one while retries are left. */
  private void dial(Schedule s, Run run, Participant p, int attempt) {
    if (run.over || !clock.instant().isBefore(s.end())) return;
    withRoom(s, room -> {
      if (present(room, p)) {
        log.info("schedule {}: {} is already in room {}, not dialled", s.id(), p.label(), s.room());
        return;
      }
      try {
        Dialer.Invite invite = dialer.dial(room, p.dial(), s.room(), flagsOf(p.role()),
            new Placement(CallDetails.Direction.AUTO_DIALLED, "schedule " + s.id()), new Dialer.Outcome() {
          @Override
          public void answered() {
            log.info("schedule {}: {} answered", s.id(), p.label());
            if (p.role() == Role.ORGANISER && s.record()) Thread.ofVirtual().start(() -> room.startRecording(null));
          }

          @Override
          public void failed(int status, String reason) {
            retry(s, run, p, attempt, status + " " + reason);
          }
        });
        run.invites.add(invite);
        log.info("schedule {}: dialling {} ({}), attempt {} of {}", s.id(), p.label(), p.dial(), attempt + 1, s.retries() + 1);
      } catch (IllegalArgumentException | IllegalStateException e) {
        retry(s, run, p, attempt, e.getMessage());
      }
    });
  }

  private void retry(Schedule s, Run run, Participant p, int attempt, String why) {
    if (run.over || attempt >= s.retries()) {
      log.info("schedule {}: {} not reached ({}), no retries left", s.id(), p.label(), why);
      return;
    }
    log.info("schedule {}: {} not reached ({}), dialling again in {} s", s.id(), p.label(), why, s.retryDelay().toSeconds());
    run.retries.add(conference.timers().schedule(
        () -> Thread.ofVirtual().start(() -> dial(s, run, p, attempt + 1)), s.retryDelay().toMillis(), TimeUnit.MILLISECONDS));
  }

  /**
   * Runs {@code work} with the room of {@code s}, creating it when it does not exist yet. The place
   * reserved for that is given back afterwards: the legs dialled hold their own.
   */
  private void withRoom(Schedule s, Consumer<Room> work) {
    switch (conference.admit(s.room(), profileFor.apply(s.room()))) {
      case Admission.Refused r -> log.info("schedule {}: room {} takes nobody now ({})", s.id(), s.room(), r.why());
      case Admission.Admitted a -> {
        try {
          work.accept(a.room());
        } finally {
          a.room().release();
          conference.removeIfIdle(a.room());
        }
      }
    }
  }

  /** Whether {@code p} is in the room already (dialled in, or answered an earlier attempt). */
  private static boolean present(Room room, Participant p) {
    for (Member m : room.members()) {
      if (p.dial() != null && p.dial().equals(m.leg().caller())) return true;
      if (p.number() != null && p.number().equals(m.leg().details().callerNumber())) return true;
    }
    return false;
  }

  /** A built-in prompt at the room's rate; two low beeps if it cannot be loaded (never no sound at all). */
  private Prompt prompt(String reference, int rateHz) {
    try {
      return prompts.get(reference, rateHz);
    } catch (IOException e) {
      log.warn("cannot load {}: {}; beeping instead", reference, e.getMessage());
      Prompt beep = Tones.sine(480, 300, -14, rateHz);
      return Tones.sequence(reference, beep, Tones.silence(200, rateHz), beep);
    }
  }
}
