package dev.parley.sip.digest;

/**
 * The parameters of a {@code WWW-Authenticate} or {@code Proxy-Authenticate} header (RFC 7616 §3.3).
 *
 * @param qop the offered qop options as sent, e.g. {@code auth} or {@code auth,auth-int}; {@code
 *     null} when absent
 * @param algorithm {@code null} when absent (MD5)
 */
public record DigestChallenge(String realm, String nonce, String algorithm, String qop, String opaque, boolean stale) {}
