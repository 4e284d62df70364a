package dev.parley.server.config;

import java.net.Inet6Address;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for scalar values as written in the YAML file (and in route params, which are the same text).
 * Each throws {@link IllegalArgumentException} whose message is shown to the user after the field name.
 */
final class Values {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern PORT_RANGE = Pattern.compile("(\\d{1,5})\\s*-\\s*(\\d{1,5})");

    private Values() {
    }

    static int integer(String text, int min, int max) {
        String v = text.strip();
        long n;
        if (!INTEGER.matcher(v).matches()) {
            throw new IllegalArgumentException("expected a whole number, got '" + text + "'");
        }
        n = Long.parseLong(v);
        if (n < min || n > max) {
            String range = max == Integer.MAX_VALUE ? min + " or more" : min + ".." + max;
            throw new IllegalArgumentException("must be " + range + ", got " + v);
        }
        return (int) n;
    }

    /** true/false, and YAML 1.1's yes/no and on/off, in any case. */
    static boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false, got '" + text + "'");
        };
    }

    /** {@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h}, or a bare number of seconds. */
    static Duration duration(String text, Duration min, Duration max) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "expected a duration such as 500ms, 60s, 2m or a number of seconds, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration d = switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(
                    "must be between " + format(min) + " and " + format(max) + ", got " + text.strip());
        }
        return d;
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    /**
     * An address to bind: a dotted-quad IPv4 literal, an IPv6 literal (brackets optional, removed) or
     * {@code localhost}. Host names are refused so that starting never waits on DNS.
     */
    static String address(String text) {
        String v = text.strip();
        if (v.equals("localhost") || IPV4.matcher(v).matches()) {
            return v;
        }
        String bare = v.startsWith("[") && v.endsWith("]") ? v.substring(1, v.length() - 1) : v;
        if (bare.indexOf(':') >= 0) {
            try {
                Inet6Address.ofLiteral(bare);
                return bare;
            } catch (IllegalArgumentException e) {
                // fall through to the common message
            }
        }
        throw new IllegalArgumentException("expected an IP address (such as 127.0.0.1, 0.0.0.0 or ::1) or localhost, got '"
                + text + "'");
    }

    /** {@code MIN-MAX}: both 1..65535, MIN even, at least two ports. */
    static int[] portRange(String text) {
        Matcher m = PORT_RANGE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a port range such as 20000-29999, got '" + text + "'");
        }
        int min = Integer.parseInt(m.group(1));
        int max = Integer.parseInt(m.group(2));
        if (min < 1 || max > 65535) {
            throw new IllegalArgumentException("ports must be 1..65535, got " + min + "-" + max);
        }
        if (min % 2 != 0) {
            throw new IllegalArgumentException("must start on an even port (RTP even, RTCP odd), got " + min);
        }
        if (max < min + 1) {
            throw new IllegalArgumentException("must hold at least 2 ports (one RTP/RTCP pair), got " + min + "-" + max);
        }
        return new int[] {min, max};
    }
}
