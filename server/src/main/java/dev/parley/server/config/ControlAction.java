package dev.parley.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a digit sequence of a control group does. Written in YAML as the action's key, followed by an
 * argument for the actions that take one: {@code '5': route 4000}.
 */
public enum ControlAction {
    MUTE("mute"),
    DEAF_MUTE("deaf-mute"),
    DEAF("deaf"),
    ENERGY_UP("energy-up"),
    ENERGY_RESET("energy-reset"),
    ENERGY_DOWN("energy-down"),
    TALK_UP("talk-up"),
    TALK_ZERO("talk-zero"),
    TALK_DOWN("talk-down"),
    LISTEN_UP("listen-up"),
    LISTEN_ZERO("listen-zero"),
    LISTEN_DOWN("listen-down"),
    HANGUP("hangup"),
    LOCK("lock"),
    UNLOCK("unlock"),
    TOGGLE_LOCK("toggle-lock"),
    /** Mutes every member who is not a moderator. */
    MUTE_ALL("mute-all"),
    UNMUTE_ALL("unmute-all"),
    KICK_LAST("kick-last"),
    SAY_COUNT("say-count"),
    END_CONFERENCE("end-conference"),
    /** Starts recording the room (with the profile's record-path), or stops the recording running. */
    RECORD_TOGGLE("record-toggle"),
    /** Sends the member to wherever the dialled number in the argument routes (execute_extension). */
    ROUTE("route", true),
    /** Asks for a number and invites it into the room (the calling-out work). */
    INVITE("invite"),
    /** Cancels the last invite this member started. */
    CANCEL_INVITE("cancel-invite"),
    /** Collects digits up to {@code #} and invites that number ({@code *8NUMBER#}). */
    INVITE_NUMBER("invite-number");

    private final String key;
    private final boolean takesArgument;

    ControlAction(String key) {
        this(key, false);
    }

    ControlAction(String key, boolean takesArgument) {
        this.key = key;
        this.takesArgument = takesArgument;
    }

    public String key() {
        return key;
    }

    public boolean takesArgument() {
        return takesArgument;
    }

    static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (ControlAction a : values()) keys.add(a.key);
        return keys;
    }

    /** Parses {@code "mute"} or {@code "route 4000"}; the message says what is wrong. */
    static ControlBinding.Target parse(String text) {
        String t = text.strip();
        int space = t.indexOf(' ');
        String name = (space < 0 ? t : t.substring(0, space)).toLowerCase(Locale.ROOT);
        String argument = space < 0 ? null : t.substring(space + 1).strip();
        for (ControlAction a : values()) {
            if (!a.key.equals(name)) continue;
            if (a.takesArgument && (argument == null || argument.isEmpty())) {
                throw new IllegalArgumentException("action " + name + " needs an argument, e.g. '" + name + " 4000'");
            }
            if (!a.takesArgument && argument != null) {
                throw new IllegalArgumentException("action " + name + " takes no argument, got '" + argument + "'");
            }
            return new ControlBinding.Target(a, argument);
        }
        throw new IllegalArgumentException("unknown action '" + name + "'; " + Suggestions.hint(name, keys()));
    }
}
