package dev.parley.server.config;

import java.util.ArrayList;
import java.util.List;

/** Lists of dial strings in config values: {@code 'user/1004, gateway/trunk/5551234'}. */
final class DialStrings {
    private DialStrings() {
    }

    /**
     * Splits on commas outside {@code {...}} (a dial string's variables are comma-separated too) and
     * checks each has a known form; the parsing proper is the call layer's.
     */
    static List<String> parseList(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '{') depth++;
            if (c == '}') depth--;
            if (c == ',' && depth == 0) {
                String one = text.substring(start, i).strip();
                if (!one.isEmpty()) out.add(check(one));
                start = i + 1;
            }
        }
        return out;
    }

    private static String check(String s) {
        String body = s.startsWith("{") && s.indexOf('}') > 0 ? s.substring(s.indexOf('}') + 1) : s;
        if (body.matches("user/\\d{1,16}") || body.matches("gateway/[A-Za-z0-9_-]{1,64}/\\+?[0-9*#]{1,32}")
                || body.matches("sips?:[^\\s]+")) {
            return s;
        }
        throw new IllegalArgumentException("'" + s + "' is not a dial string: expected user/NUMBER, "
                + "gateway/NAME/NUMBER or a sip: URI, optionally after {name=value,...}");
    }
}
