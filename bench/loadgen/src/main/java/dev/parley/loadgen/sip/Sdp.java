package dev.parley.loadgen.sip;

import java.net.InetSocketAddress;

/**
 * The SDP a load member offers (PCMU at 20 ms, with or without RFC 4733 telephone-event) and the one
 * thing it reads from an answer: where
 * to send audio, from the {@code c=} line (session or audio media level, the latter wins, RFC 4566
 * §5.7) and the port of the first {@code m=audio} line.
 */
public final class Sdp {

  private Sdp() {}

  /** An offer (or an answer, for the echo target) of PCMU at 20 ms from {@code host:port}. */
  public static String pcmu(String host, int port, long sessionId) {
    return pcmu(host, port, sessionId, false);
  }

  /**
   * The same, offering telephone-event on payload type 101 too when {@code telephoneEvent} (as
   * SIPp's pcap scenarios and desk phones do).
   */
  public static String pcmu(String host, int port, long sessionId, boolean telephoneEvent) {
    return "v=0\r\n"
        + "o=parley-loadgen " + sessionId + " 1 IN IP4 " + host + "\r\n"
        + "s=-\r\n"
        + "c=IN IP4 " + host + "\r\n"
        + "t=0 0\r\n"
        + "m=audio " + port + " RTP/AVP 0" + (telephoneEvent ? " 101" : "") + "\r\n"
        + "a=rtpmap:0 PCMU/8000\r\n"
        + (telephoneEvent ? "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n" : "")
        + "a=ptime:20\r\n"
        + "a=sendrecv\r\n";
  }

  /** The audio destination of an SDP body; {@link IllegalArgumentException} if it has none. */
  public static InetSocketAddress audioTarget(String sdp) {
    String sessionHost = null, mediaHost = null;
    int port = -1;
    boolean inMedia = false, inAudio = false, seenAudio = false;
    for (String raw : sdp.split("\r?\n")) {
      String line = raw.strip();
      if (line.startsWith("m=")) {
        inMedia = true;
        inAudio = !seenAudio && line.startsWith("m=audio ");
        if (inAudio) {
          seenAudio = true;
          String[] f = line.substring(2).split("\\s+");
          if (f.length < 3) throw new IllegalArgumentException("bad m= line: " + line);
          String p = f[1];
          int slash = p.indexOf('/'); // m=audio 49170/2 RTP/AVP 0: port count
          port = Integer.parseInt(slash < 0 ? p : p.substring(0, slash));
        }
      } else if (line.startsWith("c=")) {
        String[] f = line.substring(2).split("\\s+");
        if (f.length < 3 || !f[0].equals("IN")) throw new IllegalArgumentException("bad c= line: " + line);
        String host = f[2];
        int slash = host.indexOf('/'); // multicast TTL
        if (slash >= 0) host = host.substring(0, slash);
        if (!inMedia) sessionHost = host;
        else if (inAudio) mediaHost = host;
      }
    }
    String host = mediaHost != null ? mediaHost : sessionHost;
    if (!seenAudio) throw new IllegalArgumentException("no m=audio line");
    if (host == null) throw new IllegalArgumentException("no c= line for audio");
    if (port <= 0 || port > 65535) throw new IllegalArgumentException("audio port " + port + " (0 means rejected)");
    return new InetSocketAddress(host, port);
  }
}
