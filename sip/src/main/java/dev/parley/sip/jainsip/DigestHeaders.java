package dev.parley.sip.jainsip;

import dev.parley.sip.digest.DigestChallenge;
import dev.parley.sip.digest.DigestCredentials;
import gov.nist.javax.sip.header.ParametersHeader;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.Header;
import javax.sip.message.Message;

/**
 * Digest parameters in and out of SIP headers (RFC 3261 §20.7, §20.27, §20.28, §20.44), as the
 * pure {@code dev.parley.sip.digest} values. The stack parses the header syntax; the values are read
 * by parameter name, so that {@code uri} stays the exact text the response was computed over.
 */
final class DigestHeaders {
  private DigestHeaders() {}

  static final String WWW_AUTHENTICATE = "WWW-Authenticate";
  static final String PROXY_AUTHENTICATE = "Proxy-Authenticate";
  static final String AUTHORIZATION = "Authorization";
  static final String PROXY_AUTHORIZATION = "Proxy-Authorization";

  /** Every Digest credential of the named header in {@code m}. */
  static List<DigestCredentials> credentials(Message m, String headerName) {
    List<DigestCredentials> out = new ArrayList<>();
    for (Iterator<?> it = m.getHeaders(headerName); it.hasNext(); ) {
      Header h = (Header) it.next();
      if (!(h instanceof AuthorizationHeader a) || !"Digest".equalsIgnoreCase(a.getScheme())) continue;
      ParametersHeader p = (ParametersHeader) h;
      out.add(new DigestCredentials(
          p.getParameter("username"), p.getParameter("realm"), p.getParameter("nonce"), p.getParameter("uri"),
          p.getParameter("response"), p.getParameter("algorithm"), p.getParameter("qop"), p.getParameter("nc"),
          p.getParameter("cnonce"), p.getParameter("opaque")));
    }
    return out;
  }

  /** Every Digest challenge of the named header in {@code m}, in the order sent (most preferred first). */
  static List<DigestChallenge> challenges(Message m, String headerName) {
    List<DigestChallenge> out = new ArrayList<>();
    for (Iterator<?> it = m.getHeaders(headerName); it.hasNext(); ) {
      Header h = (Header) it.next();
      if (!(h instanceof ParametersHeader p) || !(h instanceof javax.sip.header.WWWAuthenticateHeader w)
          || !"Digest".equalsIgnoreCase(w.getScheme())) {
        continue;
      }
      out.add(new DigestChallenge(
          p.getParameter("realm"), p.getParameter("nonce"), p.getParameter("algorithm"), p.getParameter("qop"),
          p.getParameter("opaque"), "true".equalsIgnoreCase(p.getParameter("stale"))));
    }
    return out;
  }

  /** {@code Digest realm="...", nonce="...", algorithm=..., qop="auth"[, stale=true]} (RFC 7616 §3.3). */
  static String challengeValue(String realm, String nonce, String algorithm, boolean stale) {
    return "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=" + algorithm + ", qop=\"auth\""
        + (stale ? ", stale=true" : "");
  }

  /** The header value that carries {@code c} (RFC 7616 §3.4: qop and nc unquoted, the rest quoted). */
  static String credentialsValue(DigestCredentials c) {
    StringBuilder b = new StringBuilder("Digest username=\"").append(c.username()).append('"')
        .append(", realm=\"").append(c.realm()).append('"')
        .append(", nonce=\"").append(c.nonce()).append('"')
        .append(", uri=\"").append(c.uri()).append('"')
        .append(", response=\"").append(c.response()).append('"');
    if (c.algorithm() != null) b.append(", algorithm=").append(c.algorithm());
    if (c.qop() != null) b.append(", qop=").append(c.qop()).append(", nc=").append(c.nc())
        .append(", cnonce=\"").append(c.cnonce()).append('"');
    if (c.opaque() != null) b.append(", opaque=\"").append(c.opaque()).append('"');
    return b.toString();
  }

  /**
   * Adds an authentication header given as text. Not through {@link Messages#addHeader}: the RI's
   * {@code createHeaders} refuses these ("List of headers of this type is not allowed"), their commas
   * separate parameters, not list elements.
   */
  static void add(Messages messages, Message m, String name, String value) {
    try {
      m.addHeader(messages.headerFactory().createHeader(name, value));
    } catch (ParseException e) {
      throw new IllegalStateException("cannot build " + name + ": " + value, e);
    }
  }
}
