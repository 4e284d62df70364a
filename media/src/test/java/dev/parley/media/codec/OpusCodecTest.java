package dev.parley.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.media.testing.Signals;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Opus through Concentus: the properties we rely on. Tones survive at each room rate, a wideband tone
 * stays wideband, lost packets are concealed and rebuilt from FEC, and the fmtp is read as RFC 7587
 * §6.1 says. Agreement with libopus, the decoder the RFC 6716 §6 vectors check against, is tested in
 * {@link OpusDecoderVsLibopusIT} and its siblings.
 */
class OpusCodecTest {

  @ParameterizedTest(name = "{0} Hz")
  @ValueSource(ints = {8000, 16000, 48000})
  void aOneKilohertzToneSurvivesAtEveryRoomRate(int rate) {
    short[] out = roundTrip(rate, 1000, null, -1);
    assertThat(Signals.levelDbfs(out, rate / 2, out.length, 1000, rate)).isBetween(-15.0, -9.0);
  }

  @Test
  void aFiveKilohertzToneIsCarriedInAWidebandRoom() {
    short[] out = roundTrip(16000, 5000, null, -1);
    assertThat(Signals.levelDbfs(out, 8000, out.length, 5000, 16000)).isGreaterThan(-18);
  }

  @Test
  void aPeerThatPlaysBackAtMost8000HzGetsNarrowband() {
    short[] out = roundTrip(16000, 5000, "maxplaybackrate=8000", -1);
    assertThat(Signals.levelDbfs(out, 8000, out.length, 5000, 16000)).isLessThan(-40);
  }

  @Test
  void aLostPacketIsRebuiltFromTheNextOnesForwardErrorCorrection() {
    int rate = 16000, frame = 320;
    AudioEncoder e = OpusCodec.INSTANCE.newEncoder(rate, frame, "useinbandfec=1");
    short[] in = tone(rate, 700, -12, rate * 2);
    byte[][] packets = new byte[in.length / frame][];
    byte[] buf = new byte[1500];
    for (int i = 0; i < packets.length; i++) {
      int n = e.encode(in, i * frame, frame, buf, 0);
      packets[i] = java.util.Arrays.copyOf(buf, n);
    }
    AudioDecoder d = OpusCodec.INSTANCE.newDecoder(rate);
    assertThat(d.conceals()).isTrue();
    short[] out = new short[in.length];
    // Early in the stream: in our measurements Concentus stops adding LBRR (FEC) data to a steady tone after
    // about a second, while its decoder then falls back to concealment as it should.
    int lost = 25;
    for (int i = 0; i < packets.length; i++) {
      if (i == lost) continue;
      if (i == lost + 1) {
        assertThat(d.recover(packets[i], 0, packets[i].length, out, lost * frame, frame)).isEqualTo(frame);
      }
      assertThat(d.decode(packets[i], 0, packets[i].length, out, i * frame)).isEqualTo(frame);
    }
    double rebuilt = Signals.levelDbfs(out, lost * frame, (lost + 1) * frame, 700, rate);
    assertThat(rebuilt).as("the lost 20 ms still carry the tone").isGreaterThan(-30);
    // The same loss concealed without FEC, to show that recover() used the redundancy.
    AudioDecoder plain = OpusCodec.INSTANCE.newDecoder(rate);
    short[] concealed = new short[in.length];
    for (int i = 0; i < lost; i++) plain.decode(packets[i], 0, packets[i].length, concealed, i * frame);
    plain.conceal(concealed, lost * frame, frame);
    assertThat(java.util.Arrays.equals(out, lost * frame, (lost + 1) * frame, concealed, lost * frame, (lost + 1) * frame))
        .as("FEC output differs from plain concealment").isFalse();
  }

  @Test
  void concealmentContinuesTheSignal() {
    int rate = 16000, frame = 320;
    AudioEncoder e = OpusCodec.INSTANCE.newEncoder(rate, frame, null);
    AudioDecoder d = OpusCodec.INSTANCE.newDecoder(rate);
    short[] in = tone(rate, 700, -12, frame * 50);
    short[] out = new short[frame];
    byte[] buf = new byte[1500];
    for (int i = 0; i < 50; i++) d.decode(buf, 0, e.encode(in, i * frame, frame, buf, 0), out, 0);
    assertThat(d.conceal(out, 0, frame)).isEqualTo(frame);
    assertThat(Signals.levelDbfs(out, 0, frame, 700, rate)).isGreaterThan(-30);
  }

  @Test
  void garbageDoesNotDecode() {
    AudioDecoder d = OpusCodec.INSTANCE.newDecoder(16000);
    byte[] junk = {(byte) 0xff, (byte) 0xff, (byte) 0xff};
    assertThat(d.decode(junk, 0, junk.length, new short[5760], 0)).isEqualTo(-1);
  }

  @Test
  void thirtyMillisecondFramesAreRefused() {
    assertThatThrownBy(() -> OpusCodec.INSTANCE.newEncoder(16000, 480, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theFmtpParametersAreReadAsRfc7587Says() {
    OpusFmtp f = OpusFmtp.parse("maxplaybackrate=16000; stereo=0;useinbandfec=1; usedtx=1;maxaveragebitrate=20000;x=y");
    assertThat(f).isEqualTo(new OpusFmtp(16000, 20000, false, true, true, false));
    assertThat(OpusFmtp.parse(null)).isEqualTo(OpusFmtp.DEFAULTS);
    assertThat(OpusFmtp.parse("maxplaybackrate=banana;stereo")).isEqualTo(OpusFmtp.DEFAULTS);
    assertThat(OpusFmtp.ours(16000)).contains("maxplaybackrate=16000").contains("stereo=0").contains("useinbandfec=1");
  }

  @Test
  void theRtpClockIs48000WhateverTheRoomRate() {
    CodecType opus = Codecs.type("OPUS");
    assertThat(opus.clockRateHz()).isEqualTo(48000);
    assertThat(opus.pcmRateHz(16000)).isEqualTo(16000);
    assertThat(opus.frameBased()).isTrue();
  }

  private static short[] roundTrip(int rate, double hz, String fmtp, int lose) {
    int frame = rate / 50;
    AudioEncoder e = OpusCodec.INSTANCE.newEncoder(rate, frame, fmtp);
    AudioDecoder d = OpusCodec.INSTANCE.newDecoder(rate);
    short[] in = tone(rate, hz, -12, rate * 2);
    short[] out = new short[in.length];
    byte[] buf = new byte[1500];
    for (int off = 0; off < in.length; off += frame) {
      int n = e.encode(in, off, frame, buf, 0);
      assertThat(d.decode(buf, 0, n, out, off)).isEqualTo(frame);
    }
    return out;
  }

  static short[] tone(int rate, double hz, double dbfs, int n) {
    short[] s = new short[n];
    double a = 32767 * Math.pow(10, dbfs / 20);
    for (int i = 0; i < n; i++) s[i] = (short) Math.round(a * Math.sin(2 * Math.PI * hz * i / rate));
    return s;
  }
}
