package dev.parley.media.engine;

import dev.parley.media.rtp.RtpSeq;
import dev.parley.media.rtp.TelephoneEvent;

/**
 * Turns a member's RFC 4733 packets into one {@link MemberListener#onDtmf} per key press.
 *
 * <p>An event is identified by its SSRC and RTP timestamp, which stays fixed at the start of the event
 * while the duration grows (§2.5.1.2). The digit is reported when the first packet with the E bit
 * arrives; its two retransmissions (§2.5.1.4) and any late update then carry a known identity and are
 * dropped. When the end packets are all lost the event still ends, once: on the next event (another
 * timestamp or SSRC) or after {@link #END_TIMEOUT_NANOS} without an update.
 *
 * <p>The events' SSRC need not be the audio's (sipp's {@code play_dtmf} uses its own), so nothing here
 * is compared with the audio stream. Media thread only; allocates nothing.
 */
final class TelephoneEventReceiver {
  /**
   * Senders refresh a running event every 50 ms or so (§2.5.1.2 suggests the audio packet interval);
   * five missed refreshes mean its end packets were lost.
   */
  static final long END_TIMEOUT_NANOS = 250_000_000L;

  private final int rateHz;
  /** How far back a timestamp may lie and still be a late packet rather than a restarted stream: 10 s. */
  private final long reorderWindowSamples;
  private final MemberListener listener;

  private boolean active;
  private long ssrc;
  private long timestamp;
  private char digit;
  private long baseSamples;
  private int durationSamples;
  private long lastPacketNanos;

  private boolean hasEnded;
  private long endedSsrc;
  private long endedTimestamp;

  TelephoneEventReceiver(int rateHz, MemberListener listener) {
    this.rateHz = rateHz;
    this.listener = listener;
    this.reorderWindowSamples = 10L * rateHz;
  }

  /** One telephone-event packet of the member, already parsed. */
  void onPacket(long packetSsrc, long packetTimestamp, TelephoneEvent event, long nowNanos) {
    if (hasEnded && packetSsrc == endedSsrc) {
      long back = RtpSeq.tsDiff(endedTimestamp, packetTimestamp);
      if (back >= 0 && back < reorderWindowSamples) return; // a repeat of the end, or older still
    }
    char d = event.digit();
    if (active) {
      if (packetSsrc == ssrc && packetTimestamp == timestamp) {
        update(event, nowNanos);
        return;
      }
      long ahead = RtpSeq.tsDiff(packetTimestamp, timestamp);
      if (packetSsrc == ssrc && ahead < 0 && -ahead < reorderWindowSamples) return; // reordered
      if (packetSsrc == ssrc && d == digit && isNextSegment(ahead)) {
        // §2.5.1.3: an event longer than the 16-bit duration goes on under a new timestamp.
        baseSamples += ahead;
        timestamp = packetTimestamp;
        durationSamples = 0;
        update(event, nowNanos);
        return;
      }
      finish(); // a new event although this one's end packets never came
    }
    if (d == 0) return; // flash, tones: not keys
    active = true;
    ssrc = packetSsrc;
    timestamp = packetTimestamp;
    digit = d;
    baseSamples = 0;
    durationSamples = 0;
    update(event, nowNanos);
  }

  /** Ends an event whose updates stopped. Called once per tick. */
  void tick(long nowNanos) {
    if (active && nowNanos - lastPacketNanos > END_TIMEOUT_NANOS) finish();
  }

  private boolean isNextSegment(long ahead) {
    return durationSamples > 0xF000 && ahead > 0 && ahead <= durationSamples;
  }

  private void update(TelephoneEvent event, long nowNanos) {
    // Reordered updates must not shorten the event.
    durationSamples = Math.max(durationSamples, event.duration());
    lastPacketNanos = nowNanos;
    if (event.end()) finish();
  }

  private void finish() {
    active = false;
    hasEnded = true;
    endedSsrc = ssrc;
    endedTimestamp = timestamp;
    int millis = (int) ((baseSamples + durationSamples) * 1000 / rateHz);
    listener.onDtmf(digit, millis, false);
  }
}
