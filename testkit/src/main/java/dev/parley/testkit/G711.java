package dev.parley.testkit;

/**
 * ITU-T G.711 mu-law (PCMU, RTP payload type 0) and A-law (PCMA, payload type 8), one byte per
 * sample. Used to make raw files for sipp's {@code rtp_stream} and to decode RTP a test receives.
 */
public final class G711 {

    public static final int PT_PCMU = 0;
    public static final int PT_PCMA = 8;

    private static final int BIAS = 0x84, CLIP = 32635;

    private G711() {}

    public static byte linearToUlaw(short pcm) {
        int sample = pcm;
        int sign = (sample >> 8) & 0x80;
        if (sign != 0) sample = -sample;
        if (sample > CLIP) sample = CLIP;
        sample += BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) exponent--;
        int mantissa = (sample >> (exponent + 3)) & 0x0f;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    public static short ulawToLinear(byte ulaw) {
        int u = ~ulaw & 0xff;
        int t = ((u & 0x0f) << 3) + BIAS;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? BIAS - t : t - BIAS);
    }

    public static byte linearToAlaw(short pcm) {
        int sample = pcm;
        int mask;
        if (sample >= 0) {
            mask = 0xd5;
        } else {
            mask = 0x55;
            sample = -sample - 1;
        }
        int exponent = 7;
        for (int limit = 0x4000; (sample & limit) == 0 && exponent > 0; limit >>= 1) exponent--;
        int mantissa = exponent == 0 ? (sample >> 4) & 0x0f : (sample >> (exponent + 3)) & 0x0f;
        return (byte) (((exponent << 4) | mantissa) ^ mask);
    }

    public static short alawToLinear(byte alaw) {
        int a = (alaw & 0xff) ^ 0x55;
        int t = (a & 0x0f) << 4;
        int seg = (a & 0x70) >> 4;
        if (seg == 0) {
            t += 8;
        } else {
            t = (t + 0x108) << (seg - 1);
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }

    /** Encodes with payload type 0 (mu-law) or 8 (A-law). */
    public static byte[] encode(short[] pcm, int payloadType) {
        byte[] out = new byte[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = switch (payloadType) {
                case PT_PCMU -> linearToUlaw(pcm[i]);
                case PT_PCMA -> linearToAlaw(pcm[i]);
                default -> throw new IllegalArgumentException("not G.711: PT " + payloadType);
            };
        }
        return out;
    }

    /** Decodes {@code length} bytes from {@code offset} with payload type 0 or 8. */
    public static short[] decode(byte[] g711, int offset, int length, int payloadType) {
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            byte b = g711[offset + i];
            out[i] = switch (payloadType) {
                case PT_PCMU -> ulawToLinear(b);
                case PT_PCMA -> alawToLinear(b);
                default -> throw new IllegalArgumentException("not G.711: PT " + payloadType);
            };
        }
        return out;
    }
}
