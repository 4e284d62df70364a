package dev.parley.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts an impaired network between one SIP caller (a baresip, say) and the server, with nothing to
 * change in either: the caller dials {@link #uri(String)}, the relay's SIP port, which forwards the
 * INVITE and its responses and rewrites the SDP in both so each side sends its RTP to the relay's RTP
 * port; that port forwards caller to server through {@code upstream} and server to caller through
 * {@code downstream}. RTCP goes through a third port unimpaired.
 *
 * <p>Ports on 127.0.0.1: SIP {@code basePort}, RTP {@code basePort + 2}, RTCP {@code basePort + 3}.
 * Only the INVITE transaction passes the relay (the caller sends ACK and BYE to the server's
 * Contact), which is all that carries SDP in a call without re-INVITEs. Addresses in the SDP are
 * assumed to be loopback ones the relay can reach, as in every test here.
 */
public final class CallRelay implements AutoCloseable {

    private static final Pattern AUDIO_PORT = Pattern.compile("(?m)^m=audio (\\d+)");
    private static final Pattern RTCP_PORT = Pattern.compile("(?m)^a=rtcp:(\\d+)");
    private static final Pattern CONNECTION = Pattern.compile("(?m)^c=IN IP4 ([0-9.]+)");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^(Content-Length|l)[ \\t]*:[ \\t]*\\d+");

    private final UdpRelay sip;
    private final UdpRelay rtp;
    private final UdpRelay rtcp;

    private CallRelay(int basePort, int serverSipPort, Impairment upstream, Impairment downstream) throws IOException {
        this.rtp = UdpRelay.open(basePort + 2, upstream, downstream, null);
        this.rtcp = UdpRelay.open(basePort + 3, Impairment.none(), Impairment.none(), null);
        this.sip = UdpRelay.open(basePort, Impairment.none(), Impairment.none(), this::rewriteSdp);
        sip.server(new InetSocketAddress("127.0.0.1", serverSipPort));
    }

    /** A relay on {@code basePort}..{@code basePort + 3} in front of the server's SIP port. */
    public static CallRelay open(int basePort, int serverSipPort, Impairment upstream, Impairment downstream)
            throws IOException {
        return new CallRelay(basePort, serverSipPort, upstream, downstream);
    }

    /** {@code sip:user@127.0.0.1:<basePort>}: what the caller dials instead of the server. */
    public String uri(String user) {
        return "sip:" + user + "@127.0.0.1:" + sip.port();
    }

    /** What the caller's RTP went through on its way to the server. */
    public ImpairedLink.Stats upstream() {
        return rtp.towardServer();
    }

    /** What the server's RTP went through on its way to the caller. */
    public ImpairedLink.Stats downstream() {
        return rtp.towardClient();
    }

    @Override
    public void close() {
        sip.close();
        rtp.close();
        rtcp.close();
    }

    /** Points the media of an offer (from the caller) or an answer (from the server) at our ports. */
    private byte[] rewriteSdp(byte[] datagram, int length, UdpRelay.Direction direction) {
        String message = new String(datagram, 0, length, StandardCharsets.UTF_8);
        int split = message.indexOf("\r\n\r\n");
        if (split < 0) return datagram;
        String head = message.substring(0, split + 4), body = message.substring(split + 4);
        Matcher m = AUDIO_PORT.matcher(body);
        if (!m.find()) return datagram;
        Matcher c = CONNECTION.matcher(body);
        String host = c.find() ? c.group(1) : "127.0.0.1";
        int port = Integer.parseInt(m.group(1));
        Matcher r = RTCP_PORT.matcher(body);
        int rtcpPort = r.find() ? Integer.parseInt(r.group(1)) : port + 1;
        InetSocketAddress media = new InetSocketAddress(host, port), control = new InetSocketAddress(host, rtcpPort);
        if (direction == UdpRelay.Direction.TO_SERVER) {
            rtp.client(media);
            rtcp.client(control);
        } else {
            rtp.server(media);
            rtcp.server(control);
        }
        body = AUDIO_PORT.matcher(body).replaceFirst("m=audio " + rtp.port());
        body = RTCP_PORT.matcher(body).replaceFirst("a=rtcp:" + rtcp.port());
        int bodyBytes = body.getBytes(StandardCharsets.UTF_8).length;
        head = CONTENT_LENGTH.matcher(head).replaceFirst("$1: " + bodyBytes);
        return (head + body).getBytes(StandardCharsets.UTF_8);
    }
}
