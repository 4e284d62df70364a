package dev.parley.sip.testing;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parameters of a {@code Digest ...} header value as text, read independently of the stack. */
public final class AuthParams {
  private static final Pattern PARAM = Pattern.compile("([A-Za-z-]+)=(\"([^\"]*)\"|[^,\\s]+)");

  private AuthParams() {}

  public static Map<String, String> parse(String headerValue) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = PARAM.matcher(headerValue.substring(headerValue.indexOf(' ') + 1));
    while (m.find()) out.put(m.group(1).toLowerCase(Locale.ROOT), m.group(3) != null ? m.group(3) : m.group(2));
    return out;
  }
}
