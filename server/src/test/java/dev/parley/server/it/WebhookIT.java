package dev.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.parley.testkit.BaresipPeer;
import dev.parley.testkit.ParleyProcess;
import dev.parley.testkit.TestConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A webhook receiver (the JDK's HTTP server in this test) gets a real caller's events, each signed
 * with the shared secret; the first POST is answered 500 and is retried.
 *
 * <p>Ports: SIP 15081, API 8581, receiver 8591, baresip slot 13.
 */
class WebhookIT {
    private static final int SIP_PORT = 15081;
    private static final int API_PORT = 8581;
    private static final int RECEIVER_PORT = 8591;
    private static final String SECRET = "webhook-secret-for-tests";
    private static final Duration EVENT_LIMIT = Duration.ofSeconds(10);

    /** One POST as the receiver saw it. */
    private record Delivery(int status, String body, String timestamp, String signature) {}

    private final List<Delivery> deliveries = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    @Test
    void aReceiverGetsSignedEventsOfARealCallAndAFailedPostIsRetried() throws Exception {
        Path dir = ItSupport.outDir(getClass(), "signed");
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", RECEIVER_PORT), 0);
        receiver.createContext("/hook", this::receive);
        receiver.start();
        try (ParleyProcess server = ItSupport.startServer(TestConfig.forPort(SIP_PORT).withoutSounds().withApiPort(API_PORT)
                .withWebhook("http://127.0.0.1:" + RECEIVER_PORT + "/hook", SECRET), dir.resolve("server"));
             BaresipPeer peer = BaresipPeer.start(BaresipPeer.Settings.slot(13, dir.resolve("peer")))) {
            peer.dialAndAwaitEstablished(ItSupport.roomUri(SIP_PORT), EVENT_LIMIT);
            // The member joins once the server has the ACK; hanging up before that is a call that never joined.
            awaitDelivered("member.joined", EVENT_LIMIT);
            peer.hangup();
            peer.awaitEvent("CALL_CLOSED", EVENT_LIMIT);
            awaitDelivered("room.ended", EVENT_LIMIT);
        } finally {
            receiver.stop(0);
        }

        List<Delivery> all = snapshot();
        ObjectMapper json = new ObjectMapper();
        List<String> accepted = new ArrayList<>();
        for (Delivery d : all) {
            assertThat(d.signature()).as("signature of %s", d.body()).isEqualTo(sign(d.timestamp(), d.body()));
            if (d.status() == 200) accepted.add(json.readTree(d.body()).path("type").asText());
        }
        assertThat(accepted).containsSubsequence("room.created", "member.joined", "member.left", "room.ended");
        JsonNode first = json.readTree(all.get(0).body());
        assertThat(all.get(0).status()).as("the first POST is refused").isEqualTo(500);
        assertThat(json.readTree(all.get(1).body()).path("seq").asLong()).as("and the same event comes again")
                .isEqualTo(first.path("seq").asLong());
    }

    private void receive(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = requests.incrementAndGet() == 1 ? 500 : 200;
        synchronized (this) {
            deliveries.add(new Delivery(status, body, ex.getRequestHeaders().getFirst("X-Parley-Timestamp"),
                    ex.getRequestHeaders().getFirst("X-Parley-Signature")));
            notifyAll();
        }
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    private synchronized List<Delivery> snapshot() {
        return List.copyOf(deliveries);
    }

    private synchronized void awaitDelivered(String type, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (deliveries.stream().noneMatch(d -> d.status() == 200 && d.body().contains("\"type\":\"" + type + "\""))) {
            long left = deadline - System.nanoTime();
            if (left <= 0) throw new AssertionError("no " + type + " delivered within " + timeout + "; got " + deliveries);
            java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** The receiver's side of the contract, written out here rather than borrowed from the server. */
    private static String sign(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
