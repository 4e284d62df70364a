package dev.parley.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where RTP flows and how many media threads mix it.
 *
 * @param address    IP literal (or {@code localhost}) the RTP sockets bind; {@code sip.address} unless set
 * @param rtpPortMin first RTP port, even (RTP takes the even port, RTCP the odd one above it)
 * @param rtpPortMax last RTP port, inclusive; the range holds at least two ports
 * @param workers    media worker threads; 0 = one per available core
 * @param rtpTimeout a call whose RTP stops for this long is hung up; positive
 * @param announcements the directory {@code file:NAME} sounds are played from; {@code null} for
 *                   {@code storage.data-dir}/announcements ({@link ServerConfig#announcementsDir()})
 * @param realtimePriority 0, or the SCHED_FIFO priority (1-99) of the media threads
 */
public record MediaSettings(String address, int rtpPortMin, int rtpPortMax, int workers, Duration rtpTimeout,
        Path announcements, int realtimePriority) {

    public MediaSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(rtpTimeout, "rtpTimeout");
    }

    /** Settings with the default announcements directory and ordinary scheduling. */
    public MediaSettings(String address, int rtpPortMin, int rtpPortMax, int workers, Duration rtpTimeout) {
        this(address, rtpPortMin, rtpPortMax, workers, rtpTimeout, null, 0);
    }

    /** This with a relative announcements directory resolved against {@code baseDir} (null: unchanged). */
    MediaSettings resolvedAgainst(Path baseDir) {
        if (baseDir == null || announcements == null || announcements.isAbsolute()) return this;
        return new MediaSettings(address, rtpPortMin, rtpPortMax, workers, rtpTimeout,
                baseDir.resolve(announcements).normalize(), realtimePriority);
    }
}
