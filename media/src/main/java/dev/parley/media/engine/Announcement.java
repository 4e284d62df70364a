package dev.parley.media.engine;

import dev.parley.media.audio.Prompt;

/**
 * An announcement for a room or one member: prompts played one after the other, with an id the control
 * plane gave it and a listener told when it starts and ends.
 *
 * <p>The prompts are decoded and resampled before the announcement is made (files are loaded up front),
 * so playing it copies samples and allocates nothing per frame.
 *
 * @param id       the control plane's id, reported back in the listener's calls
 * @param tag      what plays, for logs and events (e.g. {@code builtin:enter}, {@code tone:350+440/500})
 * @param prompts  at least one, all at the rate of the room they play in
 * @param listener called on the media thread; it must only hand the news on
 */
public record Announcement(long id, String tag, Prompt[] prompts, PlaybackListener listener) {
  public Announcement {
    if (prompts.length == 0) throw new IllegalArgumentException("an announcement needs at least one prompt");
    prompts = prompts.clone();
  }

  /** Told when an announcement starts and ends. Called on the media thread: hand the news on, never block. */
  public interface PlaybackListener {
    void onPlaybackStarted(long id);

    /** @param interrupted true when it was cut short (interrupted, stopped, or its room or member went) */
    void onPlaybackEnded(long id, boolean interrupted);
  }
}
