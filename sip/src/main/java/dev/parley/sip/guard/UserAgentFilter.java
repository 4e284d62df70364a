package dev.parley.sip.guard;

import java.util.List;
import java.util.Locale;

/** Whether a {@code User-Agent} (or {@code Server}) value names a refused agent: a case-insensitive substring. */
public final class UserAgentFilter {
  private final List<String> refused;

  public UserAgentFilter(List<String> refused) {
    this.refused = refused.stream().map(s -> s.toLowerCase(Locale.ROOT)).filter(s -> !s.isBlank()).toList();
  }

  /** @param userAgent the header's value; null (no header) is never refused */
  public boolean refuses(String userAgent) {
    if (userAgent == null || refused.isEmpty()) return false;
    String ua = userAgent.toLowerCase(Locale.ROOT);
    for (String r : refused) {
      if (ua.contains(r)) return true;
    }
    return false;
  }
}
