package dev.parley.media.rtp;

import dev.parley.media.codec.AudioDecoder;
import dev.parley.media.codec.Codecs;
import dev.parley.testkit.fuzz.Fuzzer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutated datagrams through the receive path as a media worker runs it: {@link RtpPacket#wrap} (and
 * the RTCP test), then {@link TelephoneEvent#wrap} on the payload and every codec's decoder, whatever
 * payload type the packet claims (a peer may send Opus bytes where PCMU was agreed). Nothing may
 * throw, and what each reports must lie inside the buffers it was given. The corpus
 * ({@code RtpInputFuzzTestInputs/}) holds real packets of each kind; {@link RtpPacketFuzzTest} adds
 * pure random bytes.
 */
class RtpInputFuzzTest {
  private final RtpPacket packet = new RtpPacket();
  private final TelephoneEvent event = new TelephoneEvent();
  private final List<AudioDecoder> decoders = List.of(
      Codecs.type("PCMU").newDecoder(8000), Codecs.type("PCMA").newDecoder(8000), Codecs.type("G722").newDecoder(16000),
      Codecs.type("opus").newDecoder(48000), Codecs.type("opus").newDecoder(8000));
  /** As the engine has them: a worker receives into 2048 bytes, an edge decodes into 5760 samples. */
  private static final int DATAGRAM_BYTES = 2048;

  private final short[] pcm = new short[5760];

  @Test
  void anyDatagramIsRefusedOrDecodedWithinItsBuffers() {
    Fuzzer.forCorpusOf(RtpInputFuzzTest.class).rounds(15_000).run(this::receive);
  }

  private void receive(byte[] input) {
    byte[] datagram = input.length <= DATAGRAM_BYTES ? input : java.util.Arrays.copyOf(input, DATAGRAM_BYTES);
    RtpPacket.looksLikeRtcp(datagram, 0, datagram.length);
    if (!packet.wrap(datagram, 0, datagram.length)) return;
    int off = packet.payloadOffset();
    int len = packet.payloadLength();
    if (off < 12 || len < 0 || off + len > datagram.length) {
      throw new AssertionError("payload " + off + "+" + len + " outside a " + datagram.length + "-byte datagram");
    }
    if (event.wrap(datagram, off, len) && (event.volume() > 63 || event.duration() > 0xFFFF)) {
      throw new AssertionError("event fields out of range");
    }
    for (AudioDecoder d : decoders) {
      int n = d.decode(datagram, off, len, pcm, 0);
      if (n < -1 || n > pcm.length) throw new AssertionError(d + " reported " + n + " samples");
    }
  }
}
