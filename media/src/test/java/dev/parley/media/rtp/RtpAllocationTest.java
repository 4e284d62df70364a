package dev.parley.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** Parsing and writing headers happen per packet on the media thread: they must not allocate. */
class RtpAllocationTest {
  @Test
  void wrapAndWriteHeaderAllocateNothing() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    byte[] buf = new byte[172];
    RtpPacket p = new RtpPacket();
    long sum = 0;
    for (int i = 0; i < 50_000; i++) sum += cycle(p, buf, i); // warm up
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 50_000; i++) sum += cycle(p, buf, i);
    assertThat(threads.getCurrentThreadAllocatedBytes() - before).isZero();
    assertThat(sum).isNotZero();
  }

  private static long cycle(RtpPacket p, byte[] buf, int i) {
    RtpPacket.writeHeader(buf, 0, (i & 1) == 0, 0, i & 0xFFFF, i * 160L, 0xCAFEBABEL);
    if (!p.wrap(buf, 0, buf.length) || RtpPacket.looksLikeRtcp(buf, 0, buf.length)) return 0;
    return p.sequence() + p.timestamp() + p.ssrc() + p.payloadLength() + p.payloadOffset() + p.payloadType()
        + (p.marker() ? 1 : 0) + RtpSeq.diff(i, i - 1) + RtpSeq.tsDiff(i, 7);
  }
}
