package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.G711;
import dev.parley.testkit.RawSip;
import dev.parley.testkit.TestConfig;
import dev.parley.testkit.Wav;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Attacks on a running Parley while a call is in progress ({@link CallUnderAttack}): floods of
 * INVITE and REGISTER from one source, scanners, and RTP sprayed at the members' ports by a stranger.
 * The call must hear its tone throughout and nothing of the attacker (Parley SIP 15272-15273,
 * baresip slots 82-83).
 */
@org.junit.jupiter.api.parallel.Isolated("the ITs run two at a time, but its floods load the machine on purpose, which would disturb a second IT")
class FloodIT {
    private static final int SIP_PORT = 15272;
    private static final double SPRAY_HZ = 1500;

    @Test
    void floodsAreRefused503ScannersAre403AndStrayRtpIsNotHeard() throws Exception {
        Path dir = ItSupport.outDir(getClass(), "flood");
        // A low rate, so what is served depends on the burst, not on how fast this machine gets through the flood.
        try (CallUnderAttack call = CallUnderAttack.start(TestConfig.forPort(SIP_PORT), ", rate-limit: 1, rate-burst: 30, retry-after: 9s",
                dir, 82, 83);
                RawSip attacker = RawSip.open(0)) {
            // Scanners are refused by their User-Agent before anything else, flood or not.
            for (String ua : new String[] {"friendly-scanner", "sipvicious", "sipcli/v1.8", "VaxSIPUserAgent/3.1"}) {
                attacker.send(request("OPTIONS", "scan-" + ua.hashCode(), attacker.localPort(), ua), SIP_PORT);
                Optional<String> r = attacker.await(m -> m.contains("scan-" + ua.hashCode()) && RawSip.statusCode(m) >= 200,
                        Duration.ofSeconds(4));
                assertThat(r).as("an answer to %s", ua).isPresent();
                assertThat(RawSip.statusCode(r.get())).as(ua).isEqualTo(403);
            }

            // RTP from a stranger at the first member ports of the range, all through the flood.
            try (Sprayer spray = new Sprayer(20000, 20006)) {
                spray.start();
                long floodStart = System.nanoTime();
                Map<Integer, Integer> invites = flood(attacker, "INVITE", 400);
                Map<Integer, Integer> registers = flood(attacker, "REGISTER", 400);
                double floodSeconds = (System.nanoTime() - floodStart) / 1e9;
                assertThat(spray.sent()).as("the stranger's RTP went out").isGreaterThan(100);
                // A source is served (404: no route; 401: challenged) within its burst of 30 plus one a
                // second for as long as the flood lasted; everything else is 503. Answers the kernel
                // dropped on this loaded machine are not counted either way.
                int served = invites.getOrDefault(404, 0) + registers.getOrDefault(401, 0);
                int refused = invites.getOrDefault(503, 0) + registers.getOrDefault(503, 0);
                String what = String.format("INVITE %s, REGISTER %s in %.1f s", invites, registers, floodSeconds);
                assertThat(served + refused).as("answered: " + what).isGreaterThan(200);
                assertThat(served).as("served: " + what).isGreaterThanOrEqualTo(20).isLessThanOrEqualTo(30 + (int) Math.ceil(floodSeconds) + 2);
                assertThat(refused).as("refused: " + what).isGreaterThan(served);
                ItSupport.letAudioFlow(Duration.ofSeconds(2));
            }
            assertThat(RawSip.header(lastRefusal, "Retry-After")).isEqualTo("9");
            call.assertToneHeardThroughout(SPRAY_HZ);
        }
    }

    private static String lastRefusal;

    /** Sends {@code count} requests back to back from one socket, then counts the final answers by status. */
    private static Map<Integer, Integer> flood(RawSip attacker, String method, int count) throws Exception {
        String run = method.toLowerCase() + "-" + System.nanoTime();
        for (int i = 0; i < count; i++) attacker.send(request(method, run + "-" + i, attacker.localPort(), null), SIP_PORT);
        // One answer per request: a 404 is retransmitted until our ACK arrives (RFC 3261 §17.2.1), and must count once.
        Map<String, Integer> statusByCallId = new HashMap<>();
        while (statusByCallId.size() < count) {
            Optional<String> r = attacker.await(m -> m.contains(run) && RawSip.statusCode(m) >= 200, Duration.ofSeconds(5));
            if (r.isEmpty()) break; // the kernel may drop some of a burst: they are simply not counted
            int status = RawSip.statusCode(r.get());
            if (statusByCallId.putIfAbsent(RawSip.header(r.get(), "Call-ID"), status) != null) continue;
            if (status == 503) lastRefusal = r.get();
            if (status >= 300 && method.equals("INVITE")) ack(attacker, r.get());
        }
        Map<Integer, Integer> byStatus = new HashMap<>();
        for (int status : statusByCallId.values()) byStatus.merge(status, 1, Integer::sum);
        return byStatus;
    }

    private static String request(String method, String callId, int localPort, String userAgent) {
        String user = method.equals("REGISTER") ? "1001" : "flood";
        return method + " sip:" + user + "@127.0.0.1:" + SIP_PORT + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bK-" + callId + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@127.0.0.1>;tag=f" + callId.hashCode() + "\r\n"
                + "To: <sip:" + user + "@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + localPort + ">\r\n"
                + (userAgent == null ? "" : "User-Agent: " + userAgent + "\r\n")
                + "Content-Length: 0\r\n\r\n";
    }

    private static void ack(RawSip raw, String response) throws Exception {
        raw.send("ACK sip:flood@127.0.0.1:" + SIP_PORT + " SIP/2.0\r\nVia: " + RawSip.header(response, "Via")
                + "\r\nFrom: " + RawSip.header(response, "From") + "\r\nTo: " + RawSip.header(response, "To")
                + "\r\nCall-ID: " + RawSip.header(response, "Call-ID") + "\r\nCSeq: 1 ACK\r\nMax-Forwards: 70\r\n"
                + "Content-Length: 0\r\n\r\n", SIP_PORT);
    }

    /** Sends PCMU packets of a {@value #SPRAY_HZ} Hz tone every 20 ms to each even port of a range, from its own socket. */
    private static final class Sprayer implements AutoCloseable {
        private final int firstPort;
        private final int lastPort;
        private final DatagramSocket socket;
        private final Thread thread;
        private volatile boolean running = true;
        private volatile int sent;

        Sprayer(int firstPort, int lastPort) throws Exception {
            this.firstPort = firstPort;
            this.lastPort = lastPort;
            this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
            this.thread = Thread.ofPlatform().daemon().name("rtp-sprayer").unstarted(this::run);
        }

        void start() {
            thread.start();
        }

        int sent() {
            return sent;
        }

        private void run() {
            short[] tone = Wav.tone(8000, SPRAY_HZ, 1, -10).samples();
            byte[] packet = new byte[12 + 160];
            int seq = 0;
            long next = System.nanoTime();
            while (running) {
                int at = (seq % 50) * 160;
                packet[0] = (byte) 0x80;
                packet[1] = 0; // PCMU
                packet[2] = (byte) (seq >> 8);
                packet[3] = (byte) seq;
                long ts = seq * 160L;
                for (int i = 0; i < 4; i++) packet[4 + i] = (byte) (ts >> (24 - 8 * i));
                packet[8] = 0x5A;
                packet[9] = 0x5A;
                packet[10] = 0x5A;
                packet[11] = 0x5A;
                for (int i = 0; i < 160; i++) packet[12 + i] = G711.linearToUlaw(tone[at + i]);
                for (int port = firstPort; port <= lastPort; port += 2) {
                    try {
                        socket.send(new DatagramPacket(packet, packet.length, new InetSocketAddress("127.0.0.1", port)));
                        sent++;
                    } catch (Exception e) {
                        // a port nobody listens on answers ICMP; keep spraying the others
                    }
                }
                seq++;
                next += 20_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(2000);
            socket.close();
        }
    }
}
