package dev.parley.media.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.rtp.TelephoneEvent;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** RFC 4733 reception on a fake clock: one report per key press, whatever the network does. */
class TelephoneEventReceiverTest {
  private static final long MS = 1_000_000L;
  private final List<String> heard = new ArrayList<>();
  private final TelephoneEventReceiver receiver = new TelephoneEventReceiver(8000, new MemberListener() {
    @Override
    public void onRtpTimeout() {}

    @Override
    public void onDtmf(char digit, int durationMillis, boolean inBand) {
      assertThat(inBand).isFalse();
      heard.add(digit + "/" + durationMillis);
    }
  });
  private final byte[] payload = new byte[4];
  private final TelephoneEvent view = new TelephoneEvent();
  private long now = 1_000 * MS;

  private void packet(long ssrc, long timestamp, int event, boolean end, int duration) {
    TelephoneEvent.write(payload, 0, event, end, 10, duration);
    view.wrap(payload, 0, 4);
    receiver.onPacket(ssrc, timestamp, view, now);
  }

  /** A key as a well-behaved sender plays it: an update per 20 ms, then the end packet three times. */
  private void press(long ssrc, long timestamp, int event, int durationSamples, int endCopies) {
    for (int d = 160; d < durationSamples; d += 160) {
      packet(ssrc, timestamp, event, false, d);
      tick(20);
    }
    for (int i = 0; i < endCopies; i++) {
      packet(ssrc, timestamp, event, true, durationSamples);
      tick(20);
    }
  }

  private void tick(int millis) {
    for (int i = 0; i < millis; i += 10) {
      now += 10 * MS;
      receiver.tick(now);
    }
  }

  @Test
  void aKeyWhoseEndIsSentThreeTimesIsReportedOnceWithItsDuration() {
    press(0xAAAA, 16000, 5, 800, 3);
    tick(500);
    assertThat(heard).containsExactly("5/100");
  }

  @Test
  void aKeyWhoseEndPacketsAreAllLostEndsAfterTheTimeoutWithTheLastDuration() {
    press(0xAAAA, 16000, 1, 960, 0);
    assertThat(heard).isEmpty();
    tick(300);
    assertThat(heard).containsExactly("1/100"); // the last update carried 800 samples
    tick(1000);
    assertThat(heard).hasSize(1);
  }

  @Test
  void aKeyWhoseEndIsLostIsEndedByTheNextKey() {
    press(0xAAAA, 16000, 1, 960, 0);
    press(0xAAAA, 16000 + 1400, 2, 800, 3);
    assertThat(heard).containsExactly("1/100", "2/100");
  }

  @Test
  void endPacketsArrivingLateOrReorderedAreNotReportedAgain() {
    press(0xAAAA, 16000, 9, 800, 1);
    packet(0xAAAA, 16000, 9, false, 640); // a late update of the ended key
    packet(0xAAAA, 16000, 9, true, 800);
    tick(500);
    assertThat(heard).containsExactly("9/100");
  }

  @Test
  void aLateUpdateOfAnOlderKeyDoesNotRestartIt() {
    press(0xAAAA, 16000, 3, 800, 3);
    press(0xAAAA, 18000, 4, 960, 0); // its end is lost: the last update says 800 samples
    packet(0xAAAA, 16000, 3, false, 480); // arrives after key 4 began
    tick(400);
    assertThat(heard).containsExactly("3/100", "4/100");
  }

  @Test
  void theSameKeyPressedTwiceIsTwoDigits() {
    press(0xAAAA, 16000, 0, 800, 3);
    press(0xAAAA, 17600, 0, 800, 3);
    assertThat(heard).containsExactly("0/100", "0/100");
  }

  @Test
  void eventsOnTheirOwnSsrcWorkLikeAnyOther() {
    // sipp's play_dtmf sends its events under an SSRC of their own, between audio on another.
    press(0x1111, 5000, 10, 800, 3);
    press(0x2222, 9000, 11, 800, 3);
    assertThat(heard).containsExactly("*/100", "#/100");
  }

  @Test
  void anEndPacketAloneIsStillAKeyPress() {
    packet(0xAAAA, 16000, 12, true, 400);
    packet(0xAAAA, 16000, 12, true, 400);
    packet(0xAAAA, 16000, 12, true, 400);
    assertThat(heard).containsExactly("A/50");
  }

  @Test
  void aKeyHeldLongerThanTheDurationFieldGoesOnInANewSegment() {
    // §2.5.1.3: after 0xFFFF samples (8.2 s) the sender continues under timestamp + 0xFFFF.
    packet(0xAAAA, 16000, 7, false, 0xFFFF);
    tick(20);
    packet(0xAAAA, 16000 + 0xFFFF, 7, false, 800);
    packet(0xAAAA, 16000 + 0xFFFF, 7, true, 1600);
    assertThat(heard).containsExactly("7/" + (0xFFFF + 1600) / 8);
  }

  @Test
  void eventsThatAreNotKeysAreIgnored() {
    press(0xAAAA, 16000, 16, 800, 3); // flash
    tick(400);
    assertThat(heard).isEmpty();
  }

  @Test
  void randomEventPacketsNeverThrowAndOnlyReportKeys() {
    Random r = new Random(4733);
    for (int i = 0; i < 100_000; i++) {
      packet(r.nextInt(3), r.nextInt(5) * 800L + (r.nextBoolean() ? 0 : 0xFFFFFF00L), r.nextInt(20), r.nextInt(4) == 0, r.nextInt(0x10000));
      if (r.nextInt(8) == 0) tick(r.nextInt(400));
    }
    assertThat(heard).isNotEmpty().allSatisfy(s -> assertThat("0123456789*#ABCD").contains(s.substring(0, 1)));
  }

  @Test
  void receivingAllocatesNothing() {
    TelephoneEventReceiver quiet = new TelephoneEventReceiver(8000, () -> {});
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int round = 0; round < 2; round++) {
      long before = threads.getCurrentThreadAllocatedBytes();
      for (int i = 0; i < 50_000; i++) {
        TelephoneEvent.write(payload, 0, i & 15, (i & 7) == 7, 10, (i & 7) * 160);
        view.wrap(payload, 0, 4);
        quiet.onPacket(0x1234, (i >> 3) * 1600L, view, i * 20 * MS);
        quiet.tick(i * 20 * MS);
      }
      if (round == 1) assertThat(threads.getCurrentThreadAllocatedBytes() - before).isZero();
    }
  }
}
