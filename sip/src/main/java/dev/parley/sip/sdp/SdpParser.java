package dev.parley.sip.sdp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses SDP text (RFC 4566) into a {@link SessionDescription}.
 *
 * <p>Lenient where real peers are sloppy: lines may end in CRLF, LF or CR; blank lines and trailing
 * whitespace are skipped; a missing {@code s=} or {@code t=} is accepted; unknown attributes are kept
 * and unknown line types are ignored (RFC 4566 §5 would have the whole description ignored; dropping
 * a call for a stray {@code y=} line helps nobody). Strict where a mistake would mislead us: the
 * lines we interpret ({@code v o c m a=rtpmap a=fmtp a=ptime a=rtcp}) must be well formed, and every
 * stream in use needs a connection address.
 */
public final class SdpParser {
  /**
   * Lines read at most. A real offer has 10 to 40; an offer with thousands is an attack on our time
   * and memory (every line becomes an object), refused before any is parsed.
   */
  public static final int MAX_LINES = 500;

  private SdpParser() {}

  /**
   * Parses an SDP.
   *
   * @throws SdpException naming the line number and the problem
   */
  public static SessionDescription parse(String sdp) throws SdpException {
    if (sdp == null || sdp.isBlank()) throw new SdpException(1, "empty SDP");
    String[] lines = sdp.split("\r\n|\n|\r", MAX_LINES + 2);
    if (lines.length > MAX_LINES + 1 || (lines.length == MAX_LINES + 1 && !lines[MAX_LINES].isEmpty())) {
      throw new SdpException(MAX_LINES + 1, "more than " + MAX_LINES + " lines");
    }
    return new Run().parse(lines);
  }

  /** One parse: the session-level fields and the media section being filled. */
  private static final class Run {
    private int version = -1;
    private Origin origin;
    private String sessionName;
    private String connection;
    private String timing;
    private Direction direction;
    private final List<Attribute> attributes = new ArrayList<>();
    private final List<MediaDescription> media = new ArrayList<>();
    private MediaBuilder current;

    SessionDescription parse(String[] lines) throws SdpException {
      int lineNo = 0;
      int lastLine = 1;
      for (String raw : lines) {
        lineNo++;
        String line = stripTrailing(raw);
        if (line.isEmpty()) continue;
        lastLine = lineNo;
        if (line.length() < 2 || line.charAt(1) != '=' || !Character.isLetter(line.charAt(0))) {
          throw new SdpException(lineNo, "expected <type>=<value>, found '" + abbreviate(line) + "'");
        }
        char type = line.charAt(0);
        String value = line.substring(2);
        if (version < 0 && type != 'v') throw new SdpException(lineNo, "the first line must be v=0");
        line(lineNo, type, value);
      }
      finishMedia();
      if (origin == null) throw new SdpException(lastLine, "no o= line");
      return new SessionDescription(
          version, origin, sessionName == null ? "-" : sessionName, connection, timing == null ? "0 0" : timing,
          direction, attributes, media);
    }

    private void line(int n, char type, String value) throws SdpException {
      switch (type) {
        case 'v' -> {
          if (version >= 0) throw new SdpException(n, "repeated v= line");
          if (!value.trim().equals("0")) throw new SdpException(n, "unsupported SDP version '" + value + "'");
          version = 0;
        }
        case 'o' -> {
          if (current != null) throw new SdpException(n, "o= inside a media section");
          if (origin != null) throw new SdpException(n, "repeated o= line");
          String[] f = fields(value);
          if (f.length != 6) throw new SdpException(n, "o= needs 6 fields, found " + f.length);
          origin = new Origin(f[0], f[1], f[2], f[3], f[4], f[5]);
        }
        case 's' -> {
          if (current == null && sessionName == null) sessionName = value;
        }
        case 't' -> {
          if (current == null && timing == null) timing = value.trim();
        }
        case 'c' -> {
          String address = connectionAddress(n, value);
          if (current != null) {
            if (current.connection == null) current.connection = address;
          } else if (connection == null) {
            connection = address;
          }
        }
        case 'm' -> {
          finishMedia();
          current = mediaLine(n, value);
        }
        case 'a' -> attribute(n, value);
        default -> {
          // i= u= e= p= b= z= k= r= and unknown types: nothing we use
        }
      }
    }

    private static String connectionAddress(int n, String value) throws SdpException {
      String[] f = fields(value);
      if (f.length != 3) throw new SdpException(n, "c= needs 3 fields (IN IP4 address), found " + f.length);
      if (!f[0].equalsIgnoreCase("IN")) throw new SdpException(n, "unknown network type '" + f[0] + "'");
      if (!f[1].equalsIgnoreCase("IP4") && !f[1].equalsIgnoreCase("IP6")) {
        throw new SdpException(n, "unknown address type '" + f[1] + "'");
      }
      int slash = f[2].indexOf('/'); // multicast TTL and address count (RFC 4566 §5.7)
      String address = slash < 0 ? f[2] : f[2].substring(0, slash);
      if (address.isEmpty()) throw new SdpException(n, "empty connection address");
      return address;
    }

    private static MediaBuilder mediaLine(int n, String value) throws SdpException {
      String[] f = fields(value);
      if (f.length < 4) throw new SdpException(n, "m= needs media, port, proto and formats, found " + f.length + " fields");
      MediaBuilder b = new MediaBuilder(n);
      b.media = f[0];
      String port = f[1];
      int slash = port.indexOf('/');
      if (slash >= 0) {
        b.portCount = number(n, port.substring(slash + 1), 1, 65535, "port count");
        port = port.substring(0, slash);
      }
      b.port = number(n, port, 0, 65535, "port");
      b.proto = f[2];
      for (int i = 3; i < f.length; i++) b.formats.add(f[i]);
      return b;
    }

    private void attribute(int n, String value) throws SdpException {
      int colon = value.indexOf(':');
      String name = colon < 0 ? value.trim() : value.substring(0, colon).trim();
      String arg = colon < 0 ? null : value.substring(colon + 1).trim();
      if (name.isEmpty()) throw new SdpException(n, "attribute without a name");
      Direction d = arg == null ? Direction.fromAttribute(name) : null;
      if (d != null) {
        if (current != null) current.direction = d;
        else direction = d;
        return;
      }
      if (current == null) {
        attributes.add(new Attribute(name, arg));
        return;
      }
      switch (name.toLowerCase(Locale.ROOT)) {
        case "rtpmap" -> current.rtpMaps.add(rtpMap(n, arg));
        case "fmtp" -> {
          String[] parts = split(n, arg, "fmtp");
          current.fmtp.putIfAbsent(parts[0], parts[1]);
        }
        case "ptime" -> current.ptime = number(n, arg, 1, 10_000, "ptime");
        case "rtcp" -> current.rtcpPort = number(n, split(n, arg, "rtcp")[0], 0, 65535, "rtcp port");
        default -> current.attributes.add(new Attribute(name, arg));
      }
    }

    private static RtpMap rtpMap(int n, String arg) throws SdpException {
      String[] parts = split(n, arg, "rtpmap");
      int pt = number(n, parts[0], 0, 127, "rtpmap payload type");
      String[] enc = parts[1].trim().split("/", 3);
      if (enc.length < 2 || enc[0].isEmpty()) {
        throw new SdpException(n, "rtpmap needs <encoding>/<clock rate>, found '" + abbreviate(parts[1]) + "'");
      }
      int rate = number(n, enc[1], 1, Integer.MAX_VALUE, "rtpmap clock rate");
      return new RtpMap(pt, enc[0], rate, enc.length > 2 ? enc[2] : null);
    }

    /** {@code <token> <rest>} of an attribute value; the rest may be empty. */
    private static String[] split(int n, String arg, String what) throws SdpException {
      if (arg == null || arg.isEmpty()) throw new SdpException(n, what + " without a value");
      String[] parts = arg.split("[ \t]+", 2);
      return new String[] {parts[0], parts.length > 1 ? parts[1] : ""};
    }

    private void finishMedia() throws SdpException {
      if (current == null) return;
      if (current.port != 0 && current.connection == null && connection == null) {
        throw new SdpException(current.line, "m=" + current.media + " has no c= line and the session has none");
      }
      media.add(current.build());
      current = null;
    }

    private static int number(int n, String text, int min, int max, String what) throws SdpException {
      // "a=ptime" without ":20" (found by SdpParserFuzzTest): a value attribute with no value.
      if (text == null) throw new SdpException(n, what + " has no value");
      try {
        int v = Integer.parseInt(text.trim());
        if (v < min || v > max) throw new SdpException(n, what + " out of range: " + v);
        return v;
      } catch (NumberFormatException e) {
        throw new SdpException(n, what + " is not a number: '" + abbreviate(text) + "'");
      }
    }

    private static String[] fields(String value) {
      String t = value.trim();
      return t.isEmpty() ? new String[0] : t.split("[ \t]+");
    }

    private static String stripTrailing(String s) {
      int end = s.length();
      while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) end--;
      return s.substring(0, end);
    }

    private static String abbreviate(String s) {
      return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
  }

  /** A media section being read. */
  private static final class MediaBuilder {
    final int line;
    String media;
    int port;
    int portCount = 1;
    String proto;
    final List<String> formats = new ArrayList<>();
    String connection;
    final List<RtpMap> rtpMaps = new ArrayList<>();
    final Map<String, String> fmtp = new LinkedHashMap<>();
    int ptime = -1;
    Direction direction;
    int rtcpPort = -1;
    final List<Attribute> attributes = new ArrayList<>();

    MediaBuilder(int line) {
      this.line = line;
    }

    MediaDescription build() {
      return new MediaDescription(
          media, port, portCount, proto, formats, connection, rtpMaps, fmtp, ptime, direction, rtcpPort, attributes);
    }
  }
}
