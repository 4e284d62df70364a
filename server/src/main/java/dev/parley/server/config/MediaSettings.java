package dev.parley.server.config;

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
 */
public record MediaSettings(String address, int rtpPortMin, int rtpPortMax, int workers, Duration rtpTimeout) {

    public MediaSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(rtpTimeout, "rtpTimeout");
    }
}
