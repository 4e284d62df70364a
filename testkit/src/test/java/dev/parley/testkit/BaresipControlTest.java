package dev.parley.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Against a fake ctrl_tcp that answers every command and then sends two events. */
class BaresipControlTest {

    @Test
    void commandsGetTheirResponseAndEventsAreHandedOutOnce() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Thread fake = Thread.ofPlatform().daemon().start(() -> serve(server));
            try (BaresipControl c = BaresipControl.connect(
                    new InetSocketAddress("127.0.0.1", server.getLocalPort()), Duration.ofSeconds(2), () -> true)) {
                BaresipControl.Response r = c.command("dial", "sip:3000@127.0.0.1:15060", Duration.ofSeconds(2));

                assertThat(r.ok()).isTrue();
                assertThat(r.data()).isEqualTo("dial sip:3000@127.0.0.1:15060");
                BaresipControl.Event e = c.awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(2));
                assertThat(e.peerUri()).isEqualTo("sip:3000@127.0.0.1:15060");
                assertThat(c.awaitAnyEvent(Set.of("CALL_ESTABLISHED", "CALL_CLOSED"), Duration.ofSeconds(2)).param())
                        .isEqualTo("bye");
                assertThatThrownBy(() -> c.awaitEvent("CALL_ESTABLISHED", Duration.ofMillis(100)))
                        .isInstanceOf(AssertionError.class)
                        .hasMessageContaining("CALL_ESTABLISHED").hasMessageContaining("CALL_CLOSED(bye)");
            }
            fake.join(2000);
        }
    }

    @Test
    void connectGivesUpWhenTheProcessIsGone() {
        long t = System.nanoTime();
        assertThatThrownBy(() -> BaresipControl.connect(new InetSocketAddress("127.0.0.1", 1), Duration.ofSeconds(5),
                () -> System.nanoTime() - t < Duration.ofMillis(200).toNanos()))
                .isInstanceOf(IOException.class);
        assertThat(System.nanoTime() - t).isLessThan(Duration.ofSeconds(3).toNanos());
    }

    private static void serve(ServerSocket server) {
        try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            Map<String, Object> cmd = Json.parseObject(readNetstring(in));
            write(out, "{\"response\":true,\"ok\":true,\"data\":" + Json.quote(cmd.get("command") + " " + cmd.get("params"))
                    + ",\"token\":" + Json.quote((String) cmd.get("token")) + "}");
            write(out, "{\"event\":true,\"class\":\"call\",\"type\":\"CALL_ESTABLISHED\",\"peeruri\":\"sip:3000@127.0.0.1:15060\"}");
            write(out, "{\"event\":true,\"class\":\"call\",\"type\":\"CALL_CLOSED\",\"param\":\"bye\"}");
            in.read(); // until the client closes
        } catch (IOException ignored) {
            // test ends
        }
    }

    private static String readNetstring(InputStream in) throws IOException {
        int len = 0, c;
        while ((c = in.read()) != ':') len = len * 10 + (c - '0');
        String s = new String(in.readNBytes(len), StandardCharsets.UTF_8);
        in.read(); // ','
        return s;
    }

    private static void write(OutputStream out, String json) throws IOException {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        out.write((b.length + ":").getBytes(StandardCharsets.US_ASCII));
        out.write(b);
        out.write(',');
        out.flush();
    }
}
