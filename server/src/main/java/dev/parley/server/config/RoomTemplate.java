package dev.parley.server.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The room name of a route, with capture groups of its regex filled in: {@code $0}..{@code $9},
 * {@code ${12}} or {@code ${name}}. A group that took no part in the match inserts nothing.
 *
 * <p>Room names are at most 64 of {@code A-Z a-z 0-9 _ . + * # -} and do not start with {@code .} or
 * {@code -}: they end up in logs, URLs and recording file names, and part of them comes from the caller.
 * The literal text of a template is checked when the config is loaded; the expanded name when a call is
 * routed ({@link #isValidRoomName}).
 *
 * <p>Immutable and thread-safe.
 */
public final class RoomTemplate {

    private static final Pattern ROOM_NAME = Pattern.compile("[A-Za-z0-9_+*#][A-Za-z0-9_.+*#-]{0,63}");
    private static final Pattern ROOM_CHAR = Pattern.compile("[A-Za-z0-9_.+*#-]");
    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,3}");

    private sealed interface Part permits Literal, Numbered, Named {
    }

    private record Literal(String text) implements Part {
    }

    private record Numbered(int group) implements Part {
    }

    private record Named(String group) implements Part {
    }

    private final String template;
    private final List<Part> parts;

    private RoomTemplate(String template, List<Part> parts) {
        this.template = template;
        this.parts = List.copyOf(parts);
    }

    /**
     * @param match the regex whose groups the template may name
     * @throws IllegalArgumentException with a user-facing message if the template is malformed, names a
     *         group the regex lacks, or its text cannot be part of a room name
     */
    public static RoomTemplate parse(String template, Pattern match) {
        if (template.isEmpty()) {
            throw new IllegalArgumentException("empty room name");
        }
        int groupCount = match.matcher("").groupCount();
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c != '$') {
                if (!ROOM_CHAR.matcher(String.valueOf(c)).matches()) {
                    throw new IllegalArgumentException("'" + c + "' cannot be part of a room name"
                            + " (letters, digits and _ . + * # - only)");
                }
                literal.append(c);
                i++;
                continue;
            }
            String ref;
            if (i + 1 < template.length() && Character.isDigit(template.charAt(i + 1))) {
                ref = template.substring(i + 1, i + 2);
                i += 2;
            } else if (i + 1 < template.length() && template.charAt(i + 1) == '{' && template.indexOf('}', i) > 0) {
                int end = template.indexOf('}', i);
                ref = template.substring(i + 2, end);
                i = end + 1;
            } else {
                throw new IllegalArgumentException("'$' must be followed by a group number or {name}, as in $1 or ${1}");
            }
            if (!literal.isEmpty()) {
                parts.add(new Literal(literal.toString()));
                literal.setLength(0);
            }
            parts.add(group(ref, match, groupCount));
        }
        if (!literal.isEmpty()) {
            parts.add(new Literal(literal.toString()));
        }
        if (parts.size() == 1 && parts.getFirst() instanceof Literal && !isValidRoomName(template)) {
            throw new IllegalArgumentException("'" + template + "' is not a valid room name"
                    + " (at most 64 of letters, digits and _ . + * # -, not starting with . or -)");
        }
        return new RoomTemplate(template, parts);
    }

    private static Part group(String ref, Pattern match, int groupCount) {
        if (DIGITS.matcher(ref).matches()) {
            int n = Integer.parseInt(ref);
            if (n > groupCount) {
                throw new IllegalArgumentException("refers to $" + n + " but the match has "
                        + (groupCount == 0 ? "no capture groups" : "only " + groupCount
                        + (groupCount == 1 ? " capture group" : " capture groups")));
            }
            return new Numbered(n);
        }
        if (!GROUP_NAME.matcher(ref).matches()) {
            throw new IllegalArgumentException("'${" + ref + "}' is neither a group number nor a group name");
        }
        if (!match.namedGroups().containsKey(ref)) {
            throw new IllegalArgumentException("refers to ${" + ref + "} but the match has no group named '" + ref + "'");
        }
        return new Named(ref);
    }

    /** The room name for a match of the template's regex; check it with {@link #isValidRoomName}. */
    public String expand(MatchResult m) {
        StringBuilder s = new StringBuilder();
        for (Part part : parts) {
            String text = switch (part) {
                case Literal l -> l.text();
                case Numbered n -> m.group(n.group());
                case Named n -> m.group(n.group());
            };
            if (text != null) {
                s.append(text);
            }
        }
        return s.toString();
    }

    public static boolean isValidRoomName(String name) {
        return ROOM_NAME.matcher(name).matches();
    }

    @Override
    public String toString() {
        return template;
    }
}
