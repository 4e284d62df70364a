package dev.parley.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Reads {@code media:}. */
final class MediaReader {

    static final List<String> KEYS = List.of("address", "rtp-ports", "workers", "rtp-timeout", "announcements",
            "realtime-priority");

    /** More media threads than this is a typo, not a machine. */
    static final int MAX_WORKERS = 1024;

    private MediaReader() {
    }

    /**
     * @param base values for absent keys; {@code null} when reading the built-in defaults themselves
     * @param sip  the SIP settings just read (their address is the default media address), or null if
     *             they had problems
     * @return the settings, or {@code null} if a problem was recorded
     */
    static MediaSettings read(YamlMap m, MediaSettings base, SipSettings sip, Problems problems) {
        if (base == null) {
            m.requireAll(KEYS, Set.of("address", "announcements"));
        }
        int before = problems.count();
        String address = m.read("address", Values::address);
        int[] ports = m.read("rtp-ports", Values::portRange);
        Integer workers = m.read("workers", v -> Values.integer(v, 0, MAX_WORKERS));
        Duration timeout = m.read("rtp-timeout", v -> Values.duration(v, Duration.ofSeconds(1), Duration.ofHours(24)));
        Path announcements = m.read("announcements", StorageReader::path);
        Integer realtime = m.read("realtime-priority", v -> Values.integer(v, 0, 99));
        if (problems.count() > before || sip == null) {
            return null;
        }
        return new MediaSettings(
                address != null ? address : sip.address(),
                ports != null ? ports[0] : base.rtpPortMin(),
                ports != null ? ports[1] : base.rtpPortMax(),
                workers != null ? workers : base.workers(),
                timeout != null ? timeout : base.rtpTimeout(),
                announcements != null ? announcements : base == null ? null : base.announcements(),
                realtime != null ? realtime : base == null ? 0 : base.realtimePriority());
    }

    /** The SIP port must not sit inside the RTP range; reported where the user wrote the clash. */
    static void checkPorts(SipSettings sip, MediaSettings media, YamlMap sipMap, YamlMap mediaMap, Problems problems) {
        if (sip == null || media == null || sip.port() < media.rtpPortMin() || sip.port() > media.rtpPortMax()) {
            return;
        }
        String range = media.rtpPortMin() + "-" + media.rtpPortMax();
        if (mediaMap.has("rtp-ports")) {
            problems.add(mediaMap.value("rtp-ports"), mediaMap.field("rtp-ports"),
                    range + " includes the SIP port " + sip.port());
        } else {
            problems.add(sipMap.has("port") ? Problems.line(sipMap.value("port")) : sipMap.line(), sipMap.field("port"),
                    sip.port() + " lies inside media.rtp-ports " + range);
        }
    }
}
