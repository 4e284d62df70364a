package dev.parley.media.rtp;

/**
 * The RFC 4733 §2.3 telephone-event payload, read in place from and written into a {@code byte[]}:
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     event     |E|R| volume    |          duration             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * <p>Like {@link RtpPacket}, one reusable instance per media thread: {@link #wrap} validates and
 * copies the four fields into ints, so nothing is allocated and the bytes may change afterwards. Only
 * the first event of a payload is read: several events in one packet come as RFC 2198 redundancy
 * (§2.5.1.5), which is a payload type of its own. Not thread-safe.
 */
public final class TelephoneEvent {
  /** Bytes of one event block. */
  public static final int BYTES = 4;

  /** The DTMF digits in event-code order (RFC 4733 §3.2, table 3): 0-9, *, #, A-D. */
  private static final String DIGITS = "0123456789*#ABCD";

  private int event;
  private boolean end;
  private int volume;
  private int duration;

  /**
   * Reads the event block at {@code buf[off..off+len)}.
   *
   * @return false, leaving the fields unchanged, when the range lies outside the array or holds fewer
   *     than four bytes. Any four bytes are a syntactically valid event; {@link #digit()} says whether
   *     it is one we know.
   */
  public boolean wrap(byte[] buf, int off, int len) {
    if (buf == null || off < 0 || len < BYTES || off > buf.length - len) return false;
    event = buf[off] & 0xFF;
    end = (buf[off + 1] & 0x80) != 0;
    // §2.3: the R bit is reserved and ignored by receivers.
    volume = buf[off + 1] & 0x3F;
    duration = ((buf[off + 2] & 0xFF) << 8) | (buf[off + 3] & 0xFF);
    return true;
  }

  /** 0..255. */
  public int event() {
    return event;
  }

  /** The E bit: this packet carries the final duration of the event (§2.5.1.3). */
  public boolean end() {
    return end;
  }

  /** Power level in -dBm0, 0..63 (§2.3.4). */
  public int volume() {
    return volume;
  }

  /** Duration so far in timestamp units, 0..65535, counted from the RTP timestamp (§2.5.1.2). */
  public int duration() {
    return duration;
  }

  /** The DTMF digit of this event, or 0 for events that are not digits (flash, tones). */
  public char digit() {
    return digitOf(event);
  }

  /** The DTMF digit for an event code, or 0. */
  public static char digitOf(int event) {
    return event >= 0 && event < DIGITS.length() ? DIGITS.charAt(event) : 0;
  }

  /** The event code of a DTMF digit (case-insensitive for A-D), or -1 if {@code digit} is none. */
  public static int eventOf(char digit) {
    return DIGITS.indexOf(Character.toUpperCase(digit));
  }

  /**
   * Writes one event block at {@code buf[off]}; each value is masked to its field.
   *
   * @return {@link #BYTES}
   */
  public static int write(byte[] buf, int off, int event, boolean end, int volume, int duration) {
    buf[off] = (byte) event;
    buf[off + 1] = (byte) ((end ? 0x80 : 0) | (volume & 0x3F));
    buf[off + 2] = (byte) (duration >>> 8);
    buf[off + 3] = (byte) duration;
    return BYTES;
  }
}
