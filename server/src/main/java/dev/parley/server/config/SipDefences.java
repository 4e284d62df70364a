package dev.parley.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the SIP layer refuses before any call logic (keys under {@code sip:}).
 *
 * @param rateLimit         requests outside a call that one source address may send per second; 0 = no limit
 * @param rateBurst         how many of them a source may send at once, >= 1
 * @param retryAfter        the Retry-After of the 503 a source over its limit gets
 * @param refuseUserAgents  User-Agent substrings refused with 403, case-insensitive
 */
public record SipDefences(int rateLimit, int rateBurst, Duration retryAfter, List<String> refuseUserAgents) {

    public SipDefences {
        Objects.requireNonNull(retryAfter, "retryAfter");
        refuseUserAgents = List.copyOf(refuseUserAgents);
    }
}
