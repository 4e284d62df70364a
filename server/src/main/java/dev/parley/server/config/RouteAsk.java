package dev.parley.server.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A route's routing webhook ({@code ask:}): before the call is answered, Parley POSTs what it knows of
 * the call to {@code url} and does what the JSON answer says (join a room with flags and a PIN, play a
 * prompt and hang up, reject with a SIP status).
 *
 * @param url       http or https
 * @param timeout   how long to wait for the whole answer; past it the fallback applies
 * @param fallback  what happens when the URL does not answer in time, answers non-2xx or answers
 *                  something that is not a valid decision
 * @param headers   names of INVITE headers sent along (their first value), besides From, To and Call-ID
 * @param secret    the HMAC-SHA256 key the request is signed with (as the event webhooks are), or null
 *                  for an unsigned request, which Parley warns about at start
 */
public record RouteAsk(URI url, Duration timeout, Fallback fallback, List<String> headers, String secret) {

    /** The default wait: a call is ringing meanwhile, so it is short. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    /** What to do without a usable answer. */
    public enum Fallback {
        /** Join the route's own room, as if the route had no {@code ask:}. */
        ROOM("room"),
        /** Refuse the call with 503 Service Unavailable. */
        REJECT("reject");

        private final String key;

        Fallback(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        static Fallback parse(String text) {
            for (Fallback f : values()) if (f.key.equals(text.strip())) return f;
            throw new IllegalArgumentException("expected room or reject, got '" + text + "'");
        }
    }

    public RouteAsk {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(fallback, "fallback");
        headers = List.copyOf(headers);
    }

    /** An unsigned routing webhook. */
    public RouteAsk(URI url, Duration timeout, Fallback fallback, List<String> headers) {
        this(url, timeout, fallback, headers, null);
    }

    /** The secret stays out of logs and error messages. */
    @Override
    public String toString() {
        return "RouteAsk[url=" + url + ", timeout=" + timeout + ", fallback=" + fallback.key() + ", headers=" + headers
                + ", signed=" + (secret != null) + "]";
    }
}
