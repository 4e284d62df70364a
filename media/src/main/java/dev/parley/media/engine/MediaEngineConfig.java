package dev.parley.media.engine;

import java.time.Duration;

/**
 * Settings of the media engine.
 *
 * @param address local address RTP sockets bind to (and that SDP advertises)
 * @param rtpPortMin first port of the RTP range (even; RTCP uses the odd port above each RTP port)
 * @param rtpPortMax last port of the range
 * @param workers media threads; 0 means one per available core
 * @param rtpTimeout a member that sends no RTP for this long is reported to its listener
 * @param realtimePriority 0 to leave the media threads' scheduling alone, 1-99 to run them under
 *     {@code SCHED_FIFO} at that priority ({@link RealtimeScheduling})
 */
public record MediaEngineConfig(
    String address, int rtpPortMin, int rtpPortMax, int workers, Duration rtpTimeout, int realtimePriority) {
  public MediaEngineConfig {
    if (rtpPortMin < 1 || rtpPortMax > 65535 || rtpPortMax - rtpPortMin < 1) {
      throw new IllegalArgumentException("bad RTP port range " + rtpPortMin + "-" + rtpPortMax);
    }
    if (realtimePriority < 0 || realtimePriority > 99) {
      throw new IllegalArgumentException("realtime priority 0-99: " + realtimePriority);
    }
  }

  /** Ordinary scheduling for the media threads. */
  public MediaEngineConfig(String address, int rtpPortMin, int rtpPortMax, int workers, Duration rtpTimeout) {
    this(address, rtpPortMin, rtpPortMax, workers, rtpTimeout, 0);
  }

  public int effectiveWorkers() {
    return workers > 0 ? workers : Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
