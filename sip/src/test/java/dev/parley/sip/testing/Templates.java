package dev.parley.sip.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** SIP messages written as text files with {@code ${name}} placeholders. */
public final class Templates {
  private Templates() {}

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

  /** A classpath resource as text. */
  public static String resource(String path) {
    try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) throw new IllegalArgumentException("no resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fills placeholders and makes every line end in CRLF (files are stored with LF). {@code ${len}}
   * becomes the byte length of what follows the empty line.
   */
  public static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template.replace("\r\n", "\n"));
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null && !m.group(1).equals("len")) throw new IllegalArgumentException("no value for ${" + m.group(1) + "}");
      m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "${len}" : v));
    }
    m.appendTail(out);
    String crlf = out.toString().replace("\n", "\r\n");
    int split = crlf.indexOf("\r\n\r\n");
    if (split >= 0 && crlf.contains("${len}")) {
      int len = crlf.substring(split + 4).getBytes(StandardCharsets.UTF_8).length;
      crlf = crlf.replace("${len}", Integer.toString(len));
    }
    return crlf;
  }

  public static String branch() {
    return "z9hG4bK-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }

  public static String token() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
  }
}
