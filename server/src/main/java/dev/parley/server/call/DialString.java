package dev.parley.server.call;

import dev.parley.server.config.MemberFlag;
import dev.parley.server.config.SrtpMode;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A dial string as the seeds write them: {@code user/1004} (every registered contact of an
 * extension), {@code gateway/NAME/NUMBER} (through a trunk) or a {@code sip:} URI, optionally after
 * {@code {name=value,...}}: caller ID name and number, ring timeout, member flags, SRTP, extra headers.
 * FreeSWITCH's variable names work too ({@code origination_caller_id_number}, {@code call_timeout},
 * {@code sip_h_X-Name}).
 *
 * @param target what follows the variables
 * @param callerIdName null: the room's default
 * @param callerIdNumber null: the room's default
 * @param timeout how long it may ring
 * @param flags of the member the answered call becomes
 * @param headers extra SIP headers of the INVITE
 * @param srtp {@code {srtp=required|optional|off}}: this call's SRTP instead of the room's; null: the room's
 */
public record DialString(Target target, String callerIdName, String callerIdNumber, Duration timeout,
    Set<MemberFlag> flags, Map<String, String> headers, SrtpMode srtp) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** Where the call goes. */
  public sealed interface Target {
    record Extension(String number) implements Target {}

    record Gateway(String name, String number) implements Target {}

    record Uri(String uri) implements Target {}
  }

  public DialString {
    flags = flags.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(flags));
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** @throws IllegalArgumentException naming what is wrong */
  public static DialString parse(String text) {
    String s = text.strip();
    Map<String, String> vars = new LinkedHashMap<>();
    if (s.startsWith("{")) {
      int close = s.indexOf('}');
      if (close < 0) throw new IllegalArgumentException("'{' without '}' in " + text);
      for (String kv : s.substring(1, close).split(",")) {
        if (kv.isBlank()) continue;
        int eq = kv.indexOf('=');
        if (eq <= 0) throw new IllegalArgumentException("variable without '=' in " + text + ": " + kv.strip());
        vars.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
      }
      s = s.substring(close + 1).strip();
    }
    Target target = target(s, text);
    String name = null, number = null;
    Duration timeout = DEFAULT_TIMEOUT;
    Set<MemberFlag> flags = EnumSet.noneOf(MemberFlag.class);
    Map<String, String> headers = new LinkedHashMap<>();
    SrtpMode srtp = null;
    for (Map.Entry<String, String> v : vars.entrySet()) {
      String key = v.getKey(), value = v.getValue();
      switch (key.toLowerCase(Locale.ROOT)) {
        case "caller-id-name", "origination_caller_id_name" -> name = value;
        case "caller-id-number", "origination_caller_id_number" -> number = value;
        case "timeout", "call_timeout", "originate_timeout" -> timeout = seconds(value, text);
        case "flags", "member_flags" -> flags = MemberFlag.parseList(value);
        case "srtp" -> srtp = srtp(value, text);
        default -> {
          if (key.startsWith("header:")) headers.put(key.substring(7), value);
          else if (key.startsWith("sip_h_")) headers.put(key.substring(6), value);
          else throw new IllegalArgumentException("unknown variable '" + key + "' in " + text);
        }
      }
    }
    return new DialString(target, name, number, timeout, flags, headers, srtp);
  }

  private static Target target(String s, String text) {
    if (s.matches("user/\\d{1,16}")) return new Target.Extension(s.substring(5));
    if (s.matches("gateway/[A-Za-z0-9_-]{1,64}/\\+?[0-9*#]{1,32}")) {
      int slash = s.indexOf('/', 8);
      return new Target.Gateway(s.substring(8, slash), s.substring(slash + 1));
    }
    if (s.matches("sip:[^\\s]+")) return new Target.Uri(s);
    throw new IllegalArgumentException("'" + text + "' is not a dial string: expected user/NUMBER, gateway/NAME/NUMBER "
        + "or a sip: URI");
  }

  private static SrtpMode srtp(String v, String text) {
    try {
      return SrtpMode.parse(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("srtp " + e.getMessage() + " in " + text);
    }
  }

  private static Duration seconds(String v, String text) {
    if (!v.matches("\\d{1,4}")) throw new IllegalArgumentException("timeout is whole seconds in " + text);
    return Duration.ofSeconds(Long.parseLong(v));
  }

}
