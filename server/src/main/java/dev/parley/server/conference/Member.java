package dev.parley.server.conference;

import dev.parley.media.engine.MemberMedia;
import dev.parley.media.mixer.Gains;
import dev.parley.server.config.MemberFlag;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A leg in a room: identity, the handles to its call and media, and its controls (mute, deaf,
 * volumes, energy). The controls are changed by {@link Room} under the room's monitor, which then
 * pushes them to the media with {@link #applyToMedia}.
 */
public final class Member {
  /** Energy steps of the keypad: FreeSWITCH moves the energy level by 100 per key press. */
  static final int ENERGY_STEP = 100;

  private final int id;
  private final Leg leg;
  private final MemberMedia media;
  private final Instant joinedAt;
  private final Set<MemberFlag> flags;
  private boolean moderator;
  private boolean muted;
  private boolean deaf;
  private boolean waiting;
  private volatile boolean talking;
  private int talkStep;
  private int listenStep;
  private int energyLevel = -1;

  Member(int id, Leg leg, MemberMedia media, Instant joinedAt, Set<MemberFlag> flags, boolean moderator) {
    this.id = id;
    this.leg = leg;
    this.media = media;
    this.joinedAt = joinedAt;
    this.flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    this.moderator = moderator || flags.contains(MemberFlag.MODERATOR);
    this.muted = flags.contains(MemberFlag.MUTED);
    this.deaf = flags.contains(MemberFlag.DEAF);
  }

  public int id() {
    return id;
  }

  public Leg leg() {
    return leg;
  }

  public MemberMedia media() {
    return media;
  }

  public Instant joinedAt() {
    return joinedAt;
  }

  public Set<MemberFlag> flags() {
    return flags;
  }

  public boolean has(MemberFlag f) {
    return flags.contains(f);
  }

  /** Ghosts are in the room but not counted, announced or left alone. */
  public boolean counted() {
    return !flags.contains(MemberFlag.GHOST);
  }

  public synchronized MemberState state() {
    return new MemberState(moderator, muted, deaf, talkStep, listenStep, energyLevel, waiting, talking);
  }

  synchronized boolean moderator() {
    return moderator;
  }

  synchronized void makeModerator() {
    moderator = true;
  }

  synchronized boolean muted() {
    return muted;
  }

  synchronized boolean deaf() {
    return deaf;
  }

  synchronized boolean waiting() {
    return waiting;
  }

  synchronized void setMuted(boolean v) {
    muted = v;
  }

  synchronized void setDeaf(boolean v) {
    deaf = v;
  }

  synchronized void setWaiting(boolean v) {
    waiting = v;
  }

  synchronized void setTalkStep(int step) {
    talkStep = clampStep(step);
  }

  synchronized void setListenStep(int step) {
    listenStep = clampStep(step);
  }

  synchronized int talkStep() {
    return talkStep;
  }

  synchronized int listenStep() {
    return listenStep;
  }

  /** -1 = the room's level. */
  synchronized void setEnergyLevel(int level) {
    energyLevel = level < 0 ? -1 : Math.min(level, 32767);
  }

  synchronized int energyLevel() {
    return energyLevel;
  }

  void setTalking(boolean v) {
    talking = v;
  }

  public boolean talking() {
    return talking;
  }

  /** Pushes the controls to the media: a waiting member is neither heard nor hears the room. */
  synchronized void applyToMedia() {
    media.setMuted(muted || waiting);
    media.setDeaf(deaf || waiting);
    media.setGains(Gains.stepToQ12(talkStep), Gains.stepToQ12(listenStep));
    media.setEnergyLevel(energyLevel);
  }

  private static int clampStep(int s) {
    return Math.max(Gains.MIN_STEP, Math.min(Gains.MAX_STEP, s));
  }

  @Override
  public String toString() {
    return "member " + id + " (" + leg.id() + ")";
  }
}
