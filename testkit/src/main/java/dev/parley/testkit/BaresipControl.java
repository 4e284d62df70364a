package dev.parley.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Client of baresip's {@code ctrl_tcp} module: JSON in netstrings ({@code <len>:<json>,}) both ways.
 *
 * <p>Commands carry a token and wait for the response with that token. Events are kept in arrival
 * order; {@link #awaitEvent} hands each event out at most once, so two calls for
 * {@code CALL_ESTABLISHED} wait for two different events. Every wait has a time limit and fails with
 * an {@link AssertionError} listing what did arrive. One reader thread per connection; the public
 * methods are thread-safe. baresip accepts one connection at a time.
 */
public final class BaresipControl implements AutoCloseable {

    /** One ctrl_tcp event, e.g. type {@code CALL_ESTABLISHED}, class {@code call}. */
    public record Event(long receivedNanos, String type, String eventClass, Map<String, Object> fields) {
        /** The {@code param} field: the reason of CALL_CLOSED, the digit of CALL_DTMF_START. */
        public String param() {
            return String.valueOf(fields.getOrDefault("param", ""));
        }

        public String peerUri() {
            return String.valueOf(fields.getOrDefault("peeruri", ""));
        }
    }

    /** The answer to a command. */
    public record Response(boolean ok, String data) {}

    private final Socket socket;
    private final OutputStream out;
    private final Thread reader;
    private final Object lock = new Object();
    private final List<Event> events = new ArrayList<>();
    private final List<Boolean> handedOut = new ArrayList<>();
    private final Map<String, Response> responses = new HashMap<>();
    private int nextToken = 1;
    private volatile IOException readError;

    private BaresipControl(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        this.reader = Thread.ofPlatform().daemon().name("baresip-ctrl-" + socket.getPort()).start(() -> readLoop(in));
    }

    /**
     * Connects, retrying while baresip starts up, until {@code timeout}; gives up early when
     * {@code stillStarting} turns false (the process died).
     */
    public static BaresipControl connect(InetSocketAddress address, Duration timeout, BooleanSupplier stillStarting)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline && stillStarting.getAsBoolean()) {
            Socket s = new Socket();
            try {
                s.connect(address, 500);
                s.setTcpNoDelay(true);
                return new BaresipControl(s);
            } catch (IOException e) {
                last = e;
                s.close();
                Processes.sleep(Duration.ofMillis(50));
            }
        }
        throw new IOException("no ctrl_tcp on " + address + " within " + timeout, last);
    }

    /** Sends {@code command params} (e.g. "dial", "sip:3000@127.0.0.1:15060") and waits for its response. */
    public Response command(String command, String params, Duration timeout) {
        String token;
        synchronized (lock) {
            token = Integer.toString(nextToken++);
        }
        String json = "{\"command\":" + Json.quote(command) + ",\"params\":" + Json.quote(params == null ? "" : params)
                + ",\"token\":" + Json.quote(token) + "}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try {
            synchronized (out) {
                out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.write(',');
                out.flush();
            }
        } catch (IOException e) {
            throw new AssertionError("ctrl_tcp: cannot send " + json + ": " + e, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (!responses.containsKey(token)) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || readError != null) {
                    throw new AssertionError("ctrl_tcp: no response to " + json + " within " + timeout
                            + (readError != null ? " (" + readError + ")" : "") + "; events: " + eventTypes());
                }
                waitNanos(left);
            }
            return responses.remove(token);
        }
    }

    /** The first event of {@code type} not yet handed out, waiting up to {@code timeout}. */
    public Event awaitEvent(String type, Duration timeout) {
        return awaitAnyEvent(Set.of(type), timeout);
    }

    /** The first event whose type is one of {@code types} not yet handed out, waiting up to {@code timeout}. */
    public Event awaitAnyEvent(Set<String> types, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                for (int i = 0; i < events.size(); i++) {
                    if (!handedOut.get(i) && types.contains(events.get(i).type())) {
                        handedOut.set(i, true);
                        return events.get(i);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("baresip: no " + types + " within " + timeout
                            + "; events so far: " + eventTypes());
                }
                waitNanos(left);
            }
        }
    }

    /** Every event so far, in arrival order. */
    public List<Event> events() {
        synchronized (lock) {
            return List.copyOf(events);
        }
    }

    /** Event types so far, for failure messages. */
    public List<String> eventTypes() {
        synchronized (lock) {
            return events.stream().map(e -> e.type() + (e.param().isEmpty() ? "" : "(" + e.param() + ")")).toList();
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            reader.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLoop(InputStream in) {
        try {
            while (true) {
                String message = readNetstring(in);
                if (message == null) return;
                Map<String, Object> m;
                try {
                    m = Json.parseObject(message);
                } catch (IllegalArgumentException e) {
                    continue; // not ours to judge; keep reading
                }
                synchronized (lock) {
                    if (Boolean.TRUE.equals(m.get("response"))) {
                        responses.put(String.valueOf(m.get("token")),
                                new Response(Boolean.TRUE.equals(m.get("ok")), String.valueOf(m.getOrDefault("data", ""))));
                    } else if (Boolean.TRUE.equals(m.get("event"))) {
                        events.add(new Event(System.nanoTime(), String.valueOf(m.get("type")),
                                String.valueOf(m.get("class")), m));
                        handedOut.add(false);
                    }
                    lock.notifyAll();
                }
            }
        } catch (IOException e) {
            if (!socket.isClosed()) readError = e;
        } finally {
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /** One netstring's payload, or null at a clean end of stream. */
    private static String readNetstring(InputStream in) throws IOException {
        int length = 0, c, digits = 0;
        while ((c = in.read()) != ':') {
            if (c < 0) {
                if (digits == 0) return null;
                throw new IOException("stream ended inside a netstring length");
            }
            if (c < '0' || c > '9' || ++digits > 9) throw new IOException("bad netstring length byte " + c);
            length = length * 10 + (c - '0');
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(length);
        byte[] buf = in.readNBytes(length);
        if (buf.length != length) throw new IOException("stream ended inside a netstring");
        body.write(buf);
        if (in.read() != ',') throw new IOException("netstring not terminated by ','");
        return body.toString(StandardCharsets.UTF_8);
    }

    private void waitNanos(long nanos) {
        try {
            lock.wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
