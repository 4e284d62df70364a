package dev.parley.server.config;

import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recording file names as FreeSWITCH writes them in {@code auto-record} (seed 000):
 * {@code recordings/${strftime(%Y/%m/%d)}/${conference_name}_${strftime(%Y%m%d%H%M%S)}.wav}.
 *
 * <p>Fields: {@code ${conference_name}} (also {@code ${room}}) and {@code ${strftime(FORMAT)}} where FORMAT
 * may use {@code %Y %m %d %H %M %S %%}. The room name is made safe for a file name (no {@code /}).
 * Pure: the time is given.
 */
public final class RecordPathTemplate {

    private static final Pattern FIELD = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern STRFTIME = Pattern.compile("strftime\\((.*)\\)");

    private RecordPathTemplate() {
    }

    /** @throws IllegalArgumentException naming the first unknown field or conversion */
    static void check(String template) {
        expand(template, "room", ZonedDateTime.now());
    }

    public static String expand(String template, String room, ZonedDateTime at) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String field = m.group(1).strip();
            String value;
            Matcher f = STRFTIME.matcher(field);
            if (field.equals("conference_name") || field.equals("room")) {
                value = room.replaceAll("[^A-Za-z0-9_.+#*-]", "_");
            } else if (f.matches()) {
                value = strftime(f.group(1), at);
            } else {
                throw new IllegalArgumentException("unknown field ${" + field + "}; expected ${conference_name} or ${strftime(...)}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String strftime(String format, ZonedDateTime at) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                s.append(c);
                continue;
            }
            if (++i == format.length()) throw new IllegalArgumentException("strftime format ends in %");
            char conv = format.charAt(i);
            switch (conv) {
                case 'Y' -> s.append(String.format("%04d", at.getYear()));
                case 'm' -> s.append(String.format("%02d", at.getMonthValue()));
                case 'd' -> s.append(String.format("%02d", at.getDayOfMonth()));
                case 'H' -> s.append(String.format("%02d", at.getHour()));
                case 'M' -> s.append(String.format("%02d", at.getMinute()));
                case 'S' -> s.append(String.format("%02d", at.getSecond()));
                case '%' -> s.append('%');
                default -> throw new IllegalArgumentException("strftime %" + conv + " is not supported; use %Y %m %d %H %M %S");
            }
        }
        return s.toString();
    }
}
