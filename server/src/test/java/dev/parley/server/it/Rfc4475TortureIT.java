package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.RawSip;
import dev.parley.testkit.TestConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The RFC 4475 torture messages (sip/src/test/resources/sip/rfc4475/, the RFC's own files byte for
 * byte, with {@code expected.tsv}) sent one by one over UDP to a running Parley while a call is in
 * progress. Each gets the final status the table names, or nothing where it says {@code none}; after
 * each the server still answers OPTIONS; and the call's listener heard the talker's tone throughout
 * (Parley SIP 15271, baresip slots 80 and 81).
 *
 * <p>One change is made to each request: a Via for the test's own socket is put on top. The RFC's
 * messages name hosts such as 192.0.2.2 in their Vias, where responses would go (RFC 3261 §18.2.2);
 * their own Vias stay below ours, so they are still parsed and still copied into the response.
 */
class Rfc4475TortureIT {
    private static final int SIP_PORT = 15271;
    private static final Path MESSAGES = ParleyProcess.home().resolve("sip/src/test/resources/sip/rfc4475");
    private static final Duration ANSWER = Duration.ofSeconds(4);
    private static final Duration SILENCE = Duration.ofMillis(1500);

    private record Case(String name, String expected, String why) {}

    @Test
    void everyTortureMessageIsAnsweredAsTheRfcAsksAndTheCallKeepsItsTone() throws Exception {
        List<Case> cases = cases();
        assertThat(cases).hasSizeGreaterThan(40);
        Path dir = ItSupport.outDir(getClass(), "torture");
        List<String> wrong = new ArrayList<>();
        try (CallUnderAttack call = CallUnderAttack.start(TestConfig.forPort(SIP_PORT), dir, 80, 81);
                RawSip raw = RawSip.open(0)) {
            int n = 0;
            for (Case c : cases) {
                byte[] message = withOurVia(Files.readAllBytes(MESSAGES.resolve(c.name + ".dat")), raw.localPort(), n++);
                String branch = "rfc4475-" + (n - 1) + ";";
                raw.sendBytes(message, SIP_PORT);
                String got;
                if (c.expected.equals("none")) {
                    got = raw.await(m -> RawSip.statusCode(m) > 0 && m.contains(branch), SILENCE)
                            .map(m -> "" + RawSip.statusCode(m)).orElse("none");
                } else {
                    Optional<String> r = raw.await(m -> RawSip.statusCode(m) >= 200 && m.contains(branch), ANSWER);
                    got = r.map(m -> "" + RawSip.statusCode(m)).orElse("none");
                    if (r.isPresent() && RawSip.statusCode(r.get()) >= 300 && r.get().contains(" INVITE\r\n")) ack(raw, message, r.get());
                }
                if (!got.equals(c.expected)) wrong.add(c.name + ": expected " + c.expected + ", got " + got + " (" + c.why + ")");
                if (!stillServing(raw)) wrong.add(c.name + ": no 200 to OPTIONS afterwards");
            }
            call.assertToneHeardThroughout();
        }
        assertThat(wrong).as("RFC 4475 messages answered wrongly").isEmpty();
    }

    private static List<Case> cases() throws Exception {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(MESSAGES.resolve("expected.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.strip().split("\\s+", 3);
            out.add(new Case(f[0], f[1], f[2]));
        }
        return out;
    }

    /** Our Via as the first header of a request (see the class comment); a response is left alone. */
    static byte[] withOurVia(byte[] message, int localPort, int n) {
        String start = new String(message, 0, Math.min(message.length, 8), StandardCharsets.ISO_8859_1);
        if (start.startsWith("SIP/")) return message;
        int eol = 0;
        while (eol + 1 < message.length && !(message[eol] == '\r' && message[eol + 1] == '\n')) eol++;
        byte[] via = ("\r\nVia: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bK-rfc4475-" + n + ";rport")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[message.length + via.length];
        System.arraycopy(message, 0, out, 0, eol);
        System.arraycopy(via, 0, out, eol, via.length);
        System.arraycopy(message, eol, out, eol + via.length, message.length - eol);
        return out;
    }

    /** ACK for a non-2xx final response to an INVITE (RFC 3261 §17.1.1.3), so the server stops resending it. */
    private static void ack(RawSip raw, byte[] invite, String response) throws Exception {
        String to = RawSip.header(response, "To");
        String from = RawSip.header(response, "From");
        String callId = RawSip.header(response, "Call-ID");
        String cseq = RawSip.header(response, "CSeq");
        String via = RawSip.header(response, "Via");
        if (to == null || from == null || callId == null || cseq == null || via == null) return;
        String requestLine = new String(invite, StandardCharsets.ISO_8859_1).lines().findFirst().orElse("");
        String uri = requestLine.split(" +").length > 1 ? requestLine.split(" +")[1] : "sip:x@127.0.0.1";
        raw.send("ACK " + uri + " SIP/2.0\r\nVia: " + via + "\r\nFrom: " + from + "\r\nTo: " + to + "\r\nCall-ID: " + callId
                + "\r\nCSeq: " + cseq.strip().split(" ")[0] + " ACK\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n", SIP_PORT);
    }

    private static int probes;

    /** OPTIONS answered 200, tried up to 4 times (a datagram may be dropped under load). */
    private static boolean stillServing(RawSip raw) throws Exception {
        for (int attempt = 0; attempt < 4; attempt++) {
            String id = "probe-" + (probes++) + "@rfc4475";
            raw.send("OPTIONS sip:127.0.0.1:" + SIP_PORT + " SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:" + raw.localPort()
                    + ";branch=z9hG4bK-" + id.hashCode() + ";rport\r\nMax-Forwards: 70\r\nFrom: <sip:probe@127.0.0.1>;tag=p\r\n"
                    + "To: <sip:127.0.0.1>\r\nCall-ID: " + id + "\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n", SIP_PORT);
            Optional<String> r = raw.await(m -> m.contains(id) && RawSip.statusCode(m) >= 200, Duration.ofSeconds(1));
            if (r.isPresent()) return RawSip.statusCode(r.get()) == 200;
        }
        return false;
    }
}
