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
 * @param digestAlgorithms  what registrations and extension calls are challenged with, in header order
 *                          ({@code MD5}, {@code SHA-256}); answers in any other algorithm are refused
 */
public record SipDefences(int rateLimit, int rateBurst, Duration retryAfter, List<String> refuseUserAgents,
                          List<String> digestAlgorithms) {

    public SipDefences {
        Objects.requireNonNull(retryAfter, "retryAfter");
        refuseUserAgents = List.copyOf(refuseUserAgents);
        digestAlgorithms = List.copyOf(digestAlgorithms);
    }
}
