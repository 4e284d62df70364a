package dev.parley.server.config;

import java.util.List;
import java.util.Set;

/**
 * The prompts of a profile. Each is {@code null} (play nothing), {@code "builtin:NAME"} with NAME in
 * {@link #BUILTIN}, or the absolute path of a file that was readable when the config was loaded.
 *
 * @param enter   to the room when a member joins
 * @param exit    to the room when a member leaves
 * @param alone   to a member alone in the room
 * @param music   looped to a member alone in the room, or waiting for a moderator
 * @param muted   to a member who muted itself or was muted
 * @param unmuted to a member who unmuted
 * @param kicked  to a member removed by a moderator, before the hang-up
 * @param pin     asks for the PIN
 * @param badPin  after a wrong PIN
 * @param enterNumber asks a member who invites for the number
 * @param trying  tells a member who invites that the call is being placed
 * @param recordName asks a joiner of an ad-hoc room with announced names to say its name
 * @param hasJoined played to the room after a joiner's recorded name
 */
public record Sounds(String enter, String exit, String alone, String music, String muted, String unmuted,
        String kicked, String pin, String badPin, String enterNumber, String trying, String recordName,
        String hasJoined) {

    /** Prefix of the prompts shipped inside Parley. */
    public static final String BUILTIN_PREFIX = "builtin:";

    /** Names valid after {@link #BUILTIN_PREFIX}. */
    public static final Set<String> BUILTIN =
            Set.of("enter", "exit", "alone", "music", "muted", "unmuted", "kicked", "pin", "bad-pin", "enter-number",
                    "trying", "record-name", "has-joined");

    /** The YAML keys under {@code sounds:}, in the order of the record's components. */
    static final List<String> KEYS =
            List.of("enter", "exit", "alone", "music", "muted", "unmuted", "kicked", "pin", "bad-pin", "enter-number",
                    "trying", "record-name", "has-joined");

    /** No prompts at all. */
    public static final Sounds NONE = new Sounds(null, null, null, null, null, null, null, null, null, null, null, null, null);

    static Sounds of(String[] v) {
        return new Sounds(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12]);
    }

    String[] toArray() {
        return new String[] {enter, exit, alone, music, muted, unmuted, kicked, pin, badPin, enterNumber, trying, recordName, hasJoined};
    }
}
