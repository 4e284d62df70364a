package dev.parley.media.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.audio.Prompt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Announcements queued and interrupting in a {@link PromptPlayer}, with their start and end reported. */
class AnnouncementQueueTest {
  private final List<String> news = new ArrayList<>();
  private final Announcement.PlaybackListener listener = new Announcement.PlaybackListener() {
    @Override
    public void onPlaybackStarted(long id) {
      news.add("started " + id);
    }

    @Override
    public void onPlaybackEnded(long id, boolean interrupted) {
      news.add((interrupted ? "interrupted " : "ended ") + id);
    }
  };

  private static Prompt constant(int value, int length) {
    short[] s = new short[length];
    java.util.Arrays.fill(s, (short) value);
    return new Prompt("c" + value, 8000, s);
  }

  private Announcement announcement(long id, Prompt... prompts) {
    return new Announcement(id, "a" + id, prompts, listener);
  }

  @Test
  void queuedAnnouncementsPlayInOrderBackToBackAndEachEndIsReportedOnce() {
    PromptPlayer p = new PromptPlayer();
    p.enqueue(announcement(1, constant(1, 3)));
    p.enqueue(announcement(2, constant(2, 2), constant(3, 1)));
    assertThat(news).containsExactly("started 1");
    short[] out = new short[4];
    assertThat(p.read(out, 4)).as("announcements are not internal sequences").isFalse();
    assertThat(out).containsExactly(1, 1, 1, 2);
    assertThat(news).containsExactly("started 1", "ended 1", "started 2");
    p.read(out, 4);
    assertThat(out).containsExactly(2, 3, 0, 0);
    assertThat(news).containsExactly("started 1", "ended 1", "started 2", "ended 2");
    assertThat(p.active()).isFalse();
    p.read(out, 4);
    assertThat(news).hasSize(4);
  }

  @Test
  void anInterruptingAnnouncementEndsThePlayingOneAndDropsTheQueue() {
    PromptPlayer p = new PromptPlayer();
    p.enqueue(announcement(1, constant(1, 100)));
    p.enqueue(announcement(2, constant(2, 100)));
    short[] out = new short[4];
    p.read(out, 4);
    p.interruptWith(announcement(3, constant(3, 2)));
    assertThat(news).containsExactly("started 1", "interrupted 1", "interrupted 2", "started 3");
    p.read(out, 4);
    assertThat(out).containsExactly(3, 3, 0, 0);
    assertThat(news).endsWith("ended 3");
  }

  @Test
  void loopingMusicGivesWayToAQueuedAnnouncementAtOnce() {
    PromptPlayer p = new PromptPlayer();
    p.start(new Prompt[] {constant(9, 2)}, true, "music");
    p.enqueue(announcement(1, constant(1, 2)));
    short[] out = new short[4];
    p.read(out, 4);
    assertThat(out).containsExactly(1, 1, 0, 0);
    assertThat(news).containsExactly("started 1", "ended 1");
  }

  @Test
  void anInternalSequenceIsFollowedByTheQueueAndStoppingReportsEverythingInterrupted() {
    PromptPlayer p = new PromptPlayer();
    p.start(new Prompt[] {constant(5, 2)}, false, "muted");
    p.enqueue(announcement(1, constant(1, 2)));
    p.enqueue(announcement(2, constant(2, 2)));
    short[] out = new short[3];
    assertThat(p.read(out, 3)).as("the internal sequence's end is not reported while the queue follows").isFalse();
    assertThat(out).containsExactly(5, 5, 1);
    p.stop();
    assertThat(news).containsExactly("started 1", "interrupted 1", "interrupted 2");
    assertThat(p.active()).isFalse();
  }

  @Test
  void aFullQueueRefusesTheNextAnnouncementAsInterrupted() {
    PromptPlayer p = new PromptPlayer();
    p.enqueue(announcement(0, constant(1, 10)));
    for (int i = 1; i <= PromptPlayer.MAX_QUEUED; i++) p.enqueue(announcement(i, constant(1, 10)));
    news.clear();
    p.enqueue(announcement(99, constant(1, 10)));
    assertThat(news).containsExactly("interrupted 99");
  }

  @Test
  void playingQueuedAnnouncementsAllocatesNothingPerFrame() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long[] ends = new long[1];
    Announcement.PlaybackListener counting = new Announcement.PlaybackListener() {
      @Override
      public void onPlaybackStarted(long id) {}

      @Override
      public void onPlaybackEnded(long id, boolean interrupted) {
        ends[0]++;
      }
    };
    PromptPlayer p = new PromptPlayer();
    Prompt tone = constant(1, 1000);
    Prompt[] parts = {tone, constant(0, 500), tone};
    Announcement[] queued = new Announcement[PromptPlayer.MAX_QUEUED];
    for (int i = 0; i < queued.length; i++) queued[i] = new Announcement(i, "t", parts, counting);
    short[] frame = new short[160];
    for (Announcement a : queued) p.enqueue(a);
    for (int i = 0; i < 2000; i++) p.read(frame, 160); // warm up: the JIT allocates nothing after this
    for (Announcement a : queued) p.enqueue(a);
    ends[0] = 0;
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 500; i++) p.read(frame, 160);
    assertThat(threads.getCurrentThreadAllocatedBytes() - before).isZero();
    assertThat(ends[0]).as("announcements ended and the next started while measured").isGreaterThan(20);
  }
}
