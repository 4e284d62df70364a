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
 */
public record MediaEngineConfig(
    String address, int rtpPortMin, int rtpPortMax, int workers, Duration rtpTimeout) {
  public MediaEngineConfig {
    if (rtpPortMin < 1 || rtpPortMax > 65535 || rtpPortMax - rtpPortMin < 1) {
      throw new IllegalArgumentException("bad RTP port range " + rtpPortMin + "-" + rtpPortMax);
    }
  }

  public int effectiveWorkers() {
    return workers > 0 ? workers : Math.max(1, Runtime.getRuntime().availableProcessors());
  }
}
