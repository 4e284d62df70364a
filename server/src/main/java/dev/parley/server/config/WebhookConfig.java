package dev.parley.server.config;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One receiver of conference events over HTTP POST.
 *
 * @param url    http or https URL the events are posted to
 * @param secret HMAC-SHA256 key the receiver checks the signature with
 * @param rooms  rooms whose events are sent (regex on the whole room name), or null for every room
 * @param events event types sent ({@code member.joined}) or prefixes ending in {@code .*}
 *               ({@code member.*}); empty = every type
 */
public record WebhookConfig(URI url, String secret, Pattern rooms, List<String> events) {

    public WebhookConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        events = List.copyOf(events);
    }

    /** Whether an event of {@code type} in {@code room} goes to this receiver. */
    public boolean wants(String room, String type) {
        if (rooms != null && !rooms.matcher(room).matches()) {
            return false;
        }
        if (events.isEmpty()) {
            return true;
        }
        for (String e : events) {
            if (e.endsWith(".*") ? type.startsWith(e.substring(0, e.length() - 1)) : e.equals(type)) {
                return true;
            }
        }
        return false;
    }
}
