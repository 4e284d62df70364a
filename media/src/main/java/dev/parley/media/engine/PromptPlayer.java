package dev.parley.media.engine;

import dev.parley.media.audio.Prompt;
import java.util.Arrays;

/**
 * Plays a sequence of prompts frame by frame, optionally looping the last one (the alone prompt then
 * music until someone joins), and a queue of {@link Announcement}s after it. Owned by one media thread;
 * every method is called on that thread.
 *
 * <p>{@link #start} replaces what plays and drops the queue (feedback beeps, the kicked sound, an
 * interrupting announcement); {@link #enqueue} plays an announcement after what is playing, except that
 * a looping sequence (music) gives way to it at once, since a loop never ends by itself. The queue is a
 * fixed ring: nothing here allocates while playing.
 */
final class PromptPlayer {
  /** Announcements waiting behind the one playing; more are refused (reported ended, interrupted). */
  static final int MAX_QUEUED = 32;

  private Prompt[] sequence = new Prompt[0];
  private boolean loopLast;
  private int index;
  private int position;
  private String tag;
  private boolean active;
  /** The announcement playing, or null for an internal sequence (or nothing). */
  private Announcement current;
  private final Announcement[] queue = new Announcement[MAX_QUEUED];
  private int queueHead;
  private int queued;

  /** Replaces what plays (reported interrupted if an announcement) and drops the queue. */
  void start(Prompt[] prompts, boolean loopLast, String tag) {
    interruptAll();
    begin(prompts, loopLast, tag, null);
  }

  /** Replaces what plays and drops the queue, then plays {@code a}. */
  void interruptWith(Announcement a) {
    interruptAll();
    begin(a.prompts(), false, a.tag(), a);
  }

  /** Plays {@code a} when what is playing ends (at once if nothing or a loop plays). */
  void enqueue(Announcement a) {
    if (!active || loopLast) {
      endCurrent(true);
      begin(a.prompts(), false, a.tag(), a);
      return;
    }
    if (queued == MAX_QUEUED) {
      a.listener().onPlaybackEnded(a.id(), true);
      return;
    }
    queue[(queueHead + queued++) % MAX_QUEUED] = a;
  }

  /** Stops what plays and everything queued, reporting the announcements interrupted. */
  void stop() {
    interruptAll();
  }

  boolean active() {
    return active;
  }

  String tag() {
    return tag;
  }

  /**
   * Fills {@code out} with the next {@code count} samples (silence after the end); an announcement that
   * ends is reported to its listener and the next one queued starts in the same frame.
   *
   * @return true when this call played the last sample of an internal sequence that does not loop, so
   *     the caller can report "playback ended" of {@link #tag()} once
   */
  boolean read(short[] out, int count) {
    int written = 0;
    boolean internalEnded = false;
    while (written < count && active) {
      Prompt p = sequence[index];
      int n = Math.min(count - written, p.length() - position);
      if (n > 0) {
        p.copy(position, out, written, n);
        written += n;
        position += n;
      }
      if (position >= p.length()) {
        position = 0;
        if (index + 1 < sequence.length) {
          index++;
        } else if (!loopLast || p.length() == 0) {
          if (current == null) {
            active = false;
            internalEnded = queued == 0;
            if (queued > 0) startNext();
          } else {
            endCurrent(false);
            startNext();
          }
          if (internalEnded) break;
        }
      }
    }
    if (written < count) Arrays.fill(out, written, count, (short) 0);
    return internalEnded;
  }

  private void begin(Prompt[] prompts, boolean loop, String t, Announcement a) {
    sequence = prompts;
    loopLast = loop;
    tag = t;
    index = 0;
    position = 0;
    current = a;
    active = prompts.length > 0;
    if (a != null) a.listener().onPlaybackStarted(a.id());
  }

  private void startNext() {
    if (queued == 0) {
      active = false;
      return;
    }
    Announcement next = queue[queueHead];
    queue[queueHead] = null;
    queueHead = (queueHead + 1) % MAX_QUEUED;
    queued--;
    begin(next.prompts(), false, next.tag(), next);
  }

  private void endCurrent(boolean interrupted) {
    Announcement a = current;
    current = null;
    active = false;
    if (a != null) a.listener().onPlaybackEnded(a.id(), interrupted);
  }

  private void interruptAll() {
    endCurrent(true);
    while (queued > 0) {
      Announcement a = queue[queueHead];
      queue[queueHead] = null;
      queueHead = (queueHead + 1) % MAX_QUEUED;
      queued--;
      a.listener().onPlaybackEnded(a.id(), true);
    }
    queueHead = 0;
  }
}
