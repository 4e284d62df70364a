package dev.parley.server.conference;

import dev.parley.media.audio.Prompt;
import dev.parley.media.engine.MemberMedia;
import dev.parley.media.engine.RoomMedia;
import dev.parley.server.config.MemberFlag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One conference room: its members, its policies (max members, lock, lonely, moderators, sounds) and
 * its media.
 *
 * <p>Control-plane only: calls arrive on virtual threads and synchronise on the room. The media path
 * never takes this monitor; changes reach it as posted operations on {@link RoomMedia}.
 */
public final class Room {
  private static final Logger log = LoggerFactory.getLogger(Room.class);

  private final String name;
  private final RoomProfile profile;
  private final RoomMedia media;
  private final Clock clock;
  private final ScheduledExecutorService timers;
  private final ConferenceEvents events;
  private final List<Member> members = new ArrayList<>();
  private int reserved;
  /** Calls placed into the room that have not answered: cancelled if the room ends first. */
  private final java.util.Set<Leg> ringing = new java.util.LinkedHashSet<>();
  private int nextMemberId = 1;
  private boolean closed;
  private boolean locked;
  private boolean ending;
  /** Created by the API to stay while empty, until it is ended. */
  private boolean heldOpen;
  private ScheduledFuture<?> lonelyTimer;
  private final RoomRecording recording;
  private final RoomAnnouncements announcements;
  private final List<ScheduledFuture<?>> limitTimers = new ArrayList<>();

  Room(String name, RoomProfile profile, RoomMedia media, Clock clock, ScheduledExecutorService timers, ConferenceEvents events) {
    this.name = name;
    this.profile = profile;
    this.media = media;
    this.clock = clock;
    this.timers = timers;
    this.events = events;
    this.recording = new RoomRecording(name, media, profile, clock, events);
    this.announcements = new RoomAnnouncements(name, clock, events);
    scheduleLimit();
  }

  public String name() {
    return name;
  }

  public RoomProfile profile() {
    return profile;
  }

  public RoomMedia media() {
    return media;
  }

  /**
   * Holds a place for a caller who is being answered, so the max-members check and the join are one
   * decision even when callers arrive together.
   */
  synchronized Admission.Refusal tryReserve() {
    if (closed || ending) return Admission.Refusal.CLOSED;
    if (locked) return Admission.Refusal.LOCKED;
    if (profile.maxMembers() > 0 && members.size() + reserved >= profile.maxMembers()) return Admission.Refusal.FULL;
    reserved++;
    return null;
  }

  /** Gives back a reservation of a caller who never joined (cancelled, failed negotiation, bad PIN). */
  public synchronized void release() {
    if (reserved > 0) reserved--;
  }

  /** A call placed into the room rings (its place is reserved); {@link #end} cancels it. */
  public synchronized void addRinging(Leg leg) {
    ringing.add(leg);
  }

  /** The placed call answered (it is a member now) or is over. */
  public synchronized void removeRinging(Leg leg) {
    ringing.remove(leg);
  }

  synchronized boolean idle() {
    return members.isEmpty() && reserved == 0 && !heldOpen;
  }

  /** Keeps the room while it is empty (a room created by the API), until {@link #end}. */
  synchronized void holdOpen() {
    heldOpen = true;
  }

  /** Whether the room stays while empty. */
  public synchronized boolean heldOpen() {
    return heldOpen;
  }

  synchronized void markClosed() {
    closed = true;
    cancelLonelyTimer();
    for (ScheduledFuture<?> t : limitTimers) t.cancel(false);
    recording.close();
    media.close();
  }

  public synchronized List<Member> members() {
    return List.copyOf(members);
  }

  public synchronized int size() {
    return members.size();
  }

  /** Members who count (not ghosts). */
  public synchronized int countedSize() {
    int n = 0;
    for (Member m : members) if (m.counted()) n++;
    return n;
  }

  /** Whether the room is ending or gone: a call placed into it that answers now must not join. */
  public synchronized boolean closing() {
    return closed || ending;
  }

  public synchronized boolean locked() {
    return locked;
  }

  public synchronized Member member(int id) {
    for (Member m : members) if (m.id() == id) return m;
    return null;
  }

  /**
   * Turns a reservation into a member. The member hears the room from now on, unless it waits for a
   * moderator.
   *
   * @param flags the member's flags (the route's and any given by PIN or API)
   * @param moderator whether the member is a moderator (moderator PIN or flag)
   */
  public synchronized Member join(Leg leg, MemberMedia memberMedia, Set<MemberFlag> flags, boolean moderator) {
    if (reserved > 0) reserved--;
    Member m = new Member(nextMemberId++, leg, memberMedia, clock.instant(), flags, moderator);
    boolean moderatorPresent = hasModerator();
    members.add(m);
    log.info("call {}: joined room {} as member {}{} ({} in room)", leg.id(), name, m.id(),
        m.moderator() ? " (moderator)" : "", members.size());
    CallDetails details = leg.details();
    events.publish(new ConferenceEvent.MemberJoined(clock.instant(), name, m.id(), leg.id(), leg.caller(), m.moderator(),
        flagNames(m.flags()), details));
    // Creating the file is I/O: not under this monitor, and the join does not wait for it.
    if (details.recordOnJoin() && recording.state() == null) Thread.ofVirtual().start(() -> recording.start(null));
    if (m.has(MemberFlag.WAIT_FOR_MODERATOR) && !m.moderator() && !moderatorPresent) {
      m.setWaiting(true);
      if (profile.prompts().music() != null) m.media().play("wait", true, profile.prompts().music());
      log.info("call {}: waits for a moderator in room {}", leg.id(), name);
    }
    m.applyToMedia();
    if (m.moderator() && !moderatorPresent) releaseWaiting();
    if (!m.counted()) return m;
    int counted = countedSize();
    if (counted == 1) {
      if (!m.waiting()) startAlone(m);
    } else {
      if (counted == 2) {
        for (Member other : members) {
          if (other != m && other.counted() && !other.waiting()) other.media().stopPlayback();
        }
        cancelLonelyTimer();
      }
      if (profile.prompts().enter() != null) media.play("enter", profile.prompts().enter());
    }
    if (profile.announceCount() && !m.waiting()) sayCount(m);
    return m;
  }

  /** Removes a member (idempotent). The caller then asks the conference to drop the room if idle. */
  public void leave(Member m, LeaveReason reason) {
    boolean endAll;
    synchronized (this) {
      if (!members.remove(m)) return;
      m.media().remove();
      log.info("call {}: left room {} ({}), {} remain", m.leg().id(), name, reason, members.size());
      events.publish(new ConferenceEvent.MemberLeft(clock.instant(), name, m.id(), m.leg().id(), reason));
      endAll = !members.isEmpty() && !ending
          && (m.has(MemberFlag.END_CONFERENCE) || (profile.endWithModerator() && m.moderator() && !hasModerator()));
      if (!endAll && m.counted()) {
        int counted = countedSize();
        if (counted == 1) {
          for (Member last : members) if (last.counted() && !last.waiting()) startAlone(last);
        }
        if (counted > 0 && profile.prompts().exit() != null) media.play("exit", profile.prompts().exit());
      }
    }
    if (endAll) {
      log.info("room {}: {} left and ends the conference", name, m);
      end(LeaveReason.ROOM_ENDED);
    }
  }

  /** Hangs everybody up. New callers are refused until the room is gone. */
  public void end(LeaveReason reason) {
    List<Member> all;
    List<Leg> pending;
    synchronized (this) {
      ending = true;
      heldOpen = false;
      all = List.copyOf(members);
      pending = List.copyOf(ringing);
      ringing.clear();
    }
    log.info("room {}: ending, hanging up {} members{}", name, all.size(),
        pending.isEmpty() ? "" : " and cancelling " + pending.size() + " calls that ring");
    for (Member m : all) m.leg().hangup(reason);
    // Nobody is left to talk to: a phone still ringing for this room stops now, not when answered.
    for (Leg l : pending) l.hangup(reason);
  }

  // ---------------------------------------------------------------- recording

  /**
   * Starts recording the room's mix into the profile's {@code record-path}, or into {@code file} when
   * given. Blocks for the file's creation; call it outside the room's monitor.
   *
   * @return false when a recording runs already, the room is gone, or the file cannot be created
   */
  public boolean startRecording(java.nio.file.Path file) {
    return recording.start(file);
  }

  /** Pauses ({@code true}) or resumes the recording; false when there is none or it is already so. */
  public boolean pauseRecording(boolean paused) {
    return recording.pause(paused);
  }

  /** Stops the recording; the file is complete when {@code recording.stopped} is published. */
  public boolean stopRecording() {
    return recording.stop();
  }

  /** The recording running (or paused), or null. */
  public RoomRecording.State recording() {
    return recording.state();
  }

  // ---------------------------------------------------------------- controls

  public synchronized void setMuted(Member m, boolean muted) {
    if (!members.contains(m) || m.muted() == muted) return;
    m.setMuted(muted);
    m.applyToMedia();
    Prompt p = muted ? profile.prompts().muted() : profile.prompts().unmuted();
    if (p != null) m.media().play(muted ? "muted" : "unmuted", false, p);
    updated(m);
  }

  public synchronized void setDeaf(Member m, boolean deaf) {
    if (!members.contains(m) || m.deaf() == deaf) return;
    m.setDeaf(deaf);
    m.applyToMedia();
    updated(m);
  }

  /** Mutes and deafens together, or undoes both (FreeSWITCH's deaf-mute key). */
  public synchronized void setDeafMuted(Member m, boolean on) {
    if (!members.contains(m)) return;
    m.setDeaf(on);
    setMuted(m, on);
    m.applyToMedia();
    updated(m);
  }

  /** @return the new step */
  public synchronized int setTalkStep(Member m, int step) {
    m.setTalkStep(step);
    m.applyToMedia();
    updated(m);
    return m.talkStep();
  }

  public synchronized int setListenStep(Member m, int step) {
    m.setListenStep(step);
    m.applyToMedia();
    updated(m);
    return m.listenStep();
  }

  /** @param level 0..32767, or -1 for the room's level */
  public synchronized void setEnergyLevel(Member m, int level) {
    m.setEnergyLevel(level);
    m.applyToMedia();
    updated(m);
  }

  /** The member's current energy level, the room's when it has none of its own. */
  public synchronized int effectiveEnergyLevel(Member m) {
    int own = m.energyLevel();
    return own < 0 ? profile.media().energyLevel() : own;
  }

  public synchronized void setLocked(boolean value) {
    if (locked == value) return;
    locked = value;
    log.info("room {}: {}", name, value ? "locked" : "unlocked");
    events.publish(new ConferenceEvent.LockChanged(clock.instant(), name, value));
  }

  /** Mutes every member but moderators. */
  public synchronized void muteAllButModerators() {
    for (Member m : members) if (!m.moderator()) setMuted(m, true);
  }

  public synchronized void unmuteAll() {
    for (Member m : members) setMuted(m, false);
  }

  /**
   * Removes the member who joined last, other than {@code by}: plays the kicked sound to it and hangs it
   * up when the sound is over.
   *
   * @return the member removed, or null when there is nobody else
   */
  public Member kickLast(Member by) {
    Member last = null;
    synchronized (this) {
      for (Member m : members) if (m != by && m.counted()) last = m;
    }
    if (last != null) kick(last);
    return last;
  }

  /** Plays the kicked sound to the member, then hangs it up with {@link LeaveReason#KICKED}. */
  public void kick(Member m) {
    Prompt kicked = profile.prompts().kicked();
    log.info("room {}: kicking {}", name, m);
    if (kicked == null) {
      m.leg().hangup(LeaveReason.KICKED);
      return;
    }
    m.media().setDeaf(true);
    m.media().setMuted(true);
    m.media().play("kicked", false, kicked);
    // The hang-up follows the sound; the leg is told to end once it has been heard.
    long millis = (long) kicked.length() * 1000 / kicked.rateHz() + 200;
    timers.schedule(() -> m.leg().hangup(LeaveReason.KICKED), millis, TimeUnit.MILLISECONDS);
  }

  /** Says to the member how many are in the room. */
  public synchronized void sayCount(Member m) {
    List<Prompt> words = profile.prompts().numbers().sayCount(countedSize());
    if (!words.isEmpty()) m.media().play("count", false, words.toArray(Prompt[]::new));
  }

  /**
   * Plays an announcement to the room: after what the room plays, or ({@code interrupt}) instead of it
   * and of everything queued. {@code playback.started} and {@code playback.ended} carry the id returned.
   */
  public long announce(String tag, List<Prompt> prompts, boolean interrupt) {
    return announcements.toRoom(media, tag, prompts, interrupt);
  }

  /** Plays an announcement to one member only; the others do not hear it. */
  public long announceTo(Member m, String tag, List<Prompt> prompts, boolean interrupt) {
    return announcements.toMember(m.id(), m.media(), tag, prompts, interrupt);
  }

  /** Plays a prompt to one member (feedback beeps, announcements). */
  public void playTo(Member m, String tag, Prompt... prompts) {
    m.media().play(tag, false, prompts);
  }

  void talking(Member m, boolean talking) {
    m.setTalking(talking);
    events.publish(new ConferenceEvent.TalkingChanged(clock.instant(), name, m.id(), talking));
  }

  /** Publishes a digit a member pressed. */
  public void dtmf(Member m, char digit, int durationMillis, String source) {
    events.publish(new ConferenceEvent.DtmfReceived(clock.instant(), name, m.id(), digit, durationMillis, source));
  }

  /** Media told that a member's energy gate opened or closed. */
  public void onTalking(Member m, boolean talking) {
    talking(m, talking);
  }

  // ---------------------------------------------------------------- inside

  private boolean hasModerator() {
    for (Member m : members) if (m.moderator()) return true;
    return false;
  }

  private void releaseWaiting() {
    for (Member w : members) {
      if (!w.waiting()) continue;
      w.setWaiting(false);
      w.media().stopPlayback();
      w.applyToMedia();
      log.info("call {}: a moderator is in room {}, joins the conference", w.leg().id(), name);
      updated(w);
    }
  }

  private void updated(Member m) {
    events.publish(new ConferenceEvent.MemberUpdated(clock.instant(), name, m.id(), m.state()));
  }

  private static Set<String> flagNames(Set<MemberFlag> flags) {
    Set<String> names = new java.util.TreeSet<>();
    for (MemberFlag f : flags) names.add(f.key());
    return names;
  }

  /** The profile's max-duration: a warning before it, then the room ends. Timers run from creation. */
  private void scheduleLimit() {
    DurationLimit limit = profile.limit();
    if (!limit.limited()) return;
    if (limit.warns()) {
      limitTimers.add(timers.schedule(this::warnEnding, limit.max().minus(limit.warnBefore()).toMillis(),
          TimeUnit.MILLISECONDS));
    }
    limitTimers.add(timers.schedule(() -> {
      log.info("room {}: reached its max-duration of {}, ending", name, limit.max());
      end(LeaveReason.ROOM_ENDED);
    }, limit.max().toMillis(), TimeUnit.MILLISECONDS));
  }

  private void warnEnding() {
    DurationLimit limit = profile.limit();
    log.info("room {}: ends in {}", name, limit.warnBefore());
    events.publish(new ConferenceEvent.EndingSoon(clock.instant(), name, limit.warnBefore().toSeconds()));
    if (limit.warning() != null) announce("ending-warning", List.of(limit.warning()), false);
  }

  private void startAlone(Member m) {
    RoomPrompts p = profile.prompts();
    if (p.alone() != null && p.music() != null) {
      m.media().play("alone", true, p.alone(), p.music());
    } else if (p.alone() != null) {
      m.media().play("alone", false, p.alone());
    } else if (p.music() != null) {
      m.media().play("music", true, p.music());
    }
    if (!profile.lonely()) {
      cancelLonelyTimer();
      lonelyTimer =
          timers.schedule(() -> hangUpIfStillAlone(m), profile.lonelyGrace().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void hangUpIfStillAlone(Member m) {
    synchronized (this) {
      if (countedSize() != 1 || !members.contains(m)) return;
    }
    log.info("call {}: alone in room {} longer than {}, hanging up", m.leg().id(), name, profile.lonelyGrace());
    m.leg().hangup(LeaveReason.LONELY);
  }

  private void cancelLonelyTimer() {
    if (lonelyTimer != null) {
      lonelyTimer.cancel(false);
      lonelyTimer = null;
    }
  }
}
