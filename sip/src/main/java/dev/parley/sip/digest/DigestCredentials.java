package dev.parley.sip.digest;

/**
 * The parameters of an {@code Authorization} or {@code Proxy-Authorization} header (RFC 7616 §3.4),
 * as sent. {@code qop}, {@code nc} and {@code cnonce} are {@code null} for RFC 2069-style answers
 * without qop; {@code algorithm} is {@code null} when the parameter is missing (MD5).
 *
 * @param uri the {@code uri} parameter exactly as sent: the response is computed over this text
 */
public record DigestCredentials(
    String username,
    String realm,
    String nonce,
    String uri,
    String response,
    String algorithm,
    String qop,
    String nc,
    String cnonce,
    String opaque) {}
