package dev.parley.server.config;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;

/**
 * How a room behaves: its mixing clock, gate, size limit and prompts. Rooms name a profile through
 * their route; route params may override single fields ({@link #withParams}).
 *
 * @param name              the profile's key under {@code profiles:}
 * @param rateHz            mixing rate: 8000, 16000 or 48000 (wideband rooms prefer Opus and G.722)
 * @param intervalMs        mixing tick: 10, 20 or 30 ms
 * @param energyLevel       0..32767; frames whose average absolute amplitude is below it are not mixed
 *                          (FreeSWITCH's energy-level); 0 mixes everything
 * @param maxMembers        0 = unlimited
 * @param lonely            Yate's lonely: true lets a member stay alone in the room; false hangs up a
 *                          member left alone once {@code lonelyGrace} has passed
 * @param lonelyGrace       zero or more; unused while {@code lonely} is true
 * @param comfortNoiseLevel 0..10000; 0 = no comfort noise
 * @param sounds            prompts played by the room
 * @param pin               the PIN every caller must enter, or {@code null} for none
 * @param moderatorPin      the PIN that makes a caller a moderator, or {@code null}; with only a moderator
 *                          PIN set, callers who press just {@code #} join as plain members
 * @param pinTries          wrong PINs allowed before the bad-PIN sound and hang-up
 * @param flags             member flags every caller through this profile (or route) gets
 * @param controls          the control group of every member, or {@code null} for no keypad controls
 * @param moderatorControls the group moderators get on top of {@code controls}, or {@code null}
 * @param digitTimeout      how long the keypad waits for the next digit of a longer sequence
 * @param announceCount     say the member count to a member who joins
 * @param endWithModerator  end the room when its last moderator leaves
 * @param autoDial          dial strings called in parallel when the room is created (seed 000)
 * @param invitePolicy      who may invite by keypad
 * @param external          a permanent external participant's dial string (seed 003), or null
 * @param externalDigits    DTMF sent to the external participant once it answers ("" for none)
 * @param billing           write billing records for members of this profile (or route), Yate's billing
 * @param record            record the room when a member of this profile (or route) joins; on the profile,
 *                          that is every room from its first member (auto-record)
 * @param recordPath        the recording's file: a template with {@code ${conference_name}} and
 *                          {@code ${strftime(%Y%m%d)}}, relative to {@code storage.data-dir} unless absolute
 * @param recordWarning     play a double beep to the room when a recording starts
 * @param srtp              SRTP for this profile's (or route's) calls: required, optional or off
 * @param recordFormat      {@code wav} (16-bit PCM) or {@code opus} (Opus in Ogg, encoded off the media
 *                          thread); the file's extension follows it
 * @param maxDuration       a room of this profile ends this long after it started; zero for no limit
 * @param warnBefore        the room hears a warning this long before {@code maxDuration}; zero for none
 * @param recordOnModerator {@code record: moderator}: a moderator (by flag or PIN) joining through this
 *                          profile (or route) starts the recording, others do not (Yate's organiser)
 * @param comfortNoiseSend  send RFC 3389 SID packets instead of silent audio to members that negotiated CN
 */
public record ProfileConfig(
        String name,
        int rateHz,
        int intervalMs,
        int energyLevel,
        int maxMembers,
        boolean lonely,
        Duration lonelyGrace,
        int comfortNoiseLevel,
        Sounds sounds,
        String pin,
        String moderatorPin,
        int pinTries,
        Set<MemberFlag> flags,
        String controls,
        String moderatorControls,
        Duration digitTimeout,
        boolean announceCount,
        boolean endWithModerator,
        List<String> autoDial,
        InvitePolicy invitePolicy,
        String external,
        String externalDigits,
        boolean billing,
        boolean record,
        String recordPath,
        boolean recordWarning,
        SrtpMode srtp,
        String recordFormat,
        Duration maxDuration,
        Duration warnBefore,
        boolean recordOnModerator,
        boolean comfortNoiseSend) {

    /** The recording path of the built-in defaults (seed 000's auto-record, in WAV). */
    public static final String DEFAULT_RECORD_PATH =
            "recordings/${strftime(%Y/%m/%d)}/${conference_name}_${strftime(%Y%m%d%H%M%S)}.wav";

    /** Keys a route may override (every profile key but rate, controls and sounds). */
    public static final List<String> ROUTE_PARAMS = ProfileField.ROUTE_PARAMS;

    public ProfileConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lonelyGrace, "lonelyGrace");
        Objects.requireNonNull(sounds, "sounds");
        Objects.requireNonNull(digitTimeout, "digitTimeout");
        Objects.requireNonNull(invitePolicy, "invitePolicy");
        externalDigits = externalDigits == null ? "" : externalDigits;
        autoDial = autoDial == null ? List.of() : List.copyOf(autoDial);
        Objects.requireNonNull(recordPath, "recordPath");
        Objects.requireNonNull(srtp, "srtp");
        recordFormat = recordFormat == null ? "wav" : recordFormat;
        maxDuration = maxDuration == null ? Duration.ZERO : maxDuration;
        warnBefore = warnBefore == null ? Duration.ZERO : warnBefore;
        flags = flags == null || flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    }

    /** Without sending comfort noise. */
    public ProfileConfig(String name, int rateHz, int intervalMs, int energyLevel, int maxMembers, boolean lonely,
                         Duration lonelyGrace, int comfortNoiseLevel, Sounds sounds, String pin, String moderatorPin,
                         int pinTries, Set<MemberFlag> flags, String controls, String moderatorControls,
                         Duration digitTimeout, boolean announceCount, boolean endWithModerator, List<String> autoDial,
                         InvitePolicy invitePolicy, String external, String externalDigits, boolean billing,
                         boolean record, String recordPath, boolean recordWarning, SrtpMode srtp, String recordFormat,
                         Duration maxDuration, Duration warnBefore, boolean recordOnModerator) {
        this(name, rateHz, intervalMs, energyLevel, maxMembers, lonely, lonelyGrace, comfortNoiseLevel, sounds, pin,
                moderatorPin, pinTries, flags, controls, moderatorControls, digitTimeout, announceCount, endWithModerator,
                autoDial, invitePolicy, external, externalDigits, billing, record, recordPath, recordWarning,
                srtp, recordFormat, maxDuration, warnBefore, recordOnModerator, false);
    }

    /** A profile without SRTP, recording format and duration limit: SRTP optional, WAV, no limit. */
    public ProfileConfig(String name, int rateHz, int intervalMs, int energyLevel, int maxMembers, boolean lonely,
                         Duration lonelyGrace, int comfortNoiseLevel, Sounds sounds, String pin, String moderatorPin,
                         int pinTries, Set<MemberFlag> flags, String controls, String moderatorControls,
                         Duration digitTimeout, boolean announceCount, boolean endWithModerator, List<String> autoDial,
                         InvitePolicy invitePolicy, String external, String externalDigits, boolean billing,
                         boolean record, String recordPath, boolean recordWarning) {
        this(name, rateHz, intervalMs, energyLevel, maxMembers, lonely, lonelyGrace, comfortNoiseLevel, sounds, pin,
                moderatorPin, pinTries, flags, controls, moderatorControls, digitTimeout, announceCount, endWithModerator,
                autoDial, invitePolicy, external, externalDigits, billing, record, recordPath, recordWarning,
                SrtpMode.OPTIONAL, "wav", Duration.ZERO, Duration.ZERO, false, false);
    }

    /** A profile without recording format and duration limit: WAV, no limit. */
    public ProfileConfig(String name, int rateHz, int intervalMs, int energyLevel, int maxMembers, boolean lonely,
                         Duration lonelyGrace, int comfortNoiseLevel, Sounds sounds, String pin, String moderatorPin,
                         int pinTries, Set<MemberFlag> flags, String controls, String moderatorControls,
                         Duration digitTimeout, boolean announceCount, boolean endWithModerator, List<String> autoDial,
                         InvitePolicy invitePolicy, String external, String externalDigits, boolean billing,
                         boolean record, String recordPath, boolean recordWarning, SrtpMode srtp) {
        this(name, rateHz, intervalMs, energyLevel, maxMembers, lonely, lonelyGrace, comfortNoiseLevel, sounds, pin,
                moderatorPin, pinTries, flags, controls, moderatorControls, digitTimeout, announceCount, endWithModerator,
                autoDial, invitePolicy, external, externalDigits, billing, record, recordPath, recordWarning,
                srtp, "wav", Duration.ZERO, Duration.ZERO, false, false);
    }

    /** A profile with billing on, recording off and no calling out (tests build these). */
    public ProfileConfig(String name, int rateHz, int intervalMs, int energyLevel, int maxMembers, boolean lonely,
                         Duration lonelyGrace, int comfortNoiseLevel, Sounds sounds, String pin, String moderatorPin,
                         int pinTries, Set<MemberFlag> flags, String controls, String moderatorControls,
                         Duration digitTimeout, boolean announceCount, boolean endWithModerator) {
        this(name, rateHz, intervalMs, energyLevel, maxMembers, lonely, lonelyGrace, comfortNoiseLevel, sounds, pin,
                moderatorPin, pinTries, flags, controls, moderatorControls, digitTimeout, announceCount, endWithModerator,
                List.of(), InvitePolicy.MODERATORS, null, "", true, false, DEFAULT_RECORD_PATH, false);
    }

    /**
     * This profile with route params applied, in map order. Keys are the profile's YAML keys that a
     * route may override ({@link #ROUTE_PARAMS}, plus Yate's {@code maxusers}); values are written as in
     * YAML ({@code "10"}, {@code "false"}, {@code "30s"}) and judged by the same rules.
     *
     * @throws IllegalArgumentException naming the param, for an unknown key or an invalid value
     */
    public ProfileConfig withParams(Map<String, String> params) {
        return RouteParams.apply(this, params);
    }
}
