package dev.parley.sip.registrar;

import java.util.List;

/**
 * What a REGISTER asks for, read out of the message.
 *
 * @param user the address-of-record's user (To)
 * @param wildcard {@code Contact: *} (RFC 3261 §10.2.2: remove every binding)
 * @param contacts the Contact entries; empty with {@code wildcard} false means "tell me my bindings"
 * @param requestExpires the Expires header in seconds, or -1 without one
 * @param transport {@code udp} or {@code tcp}
 */
public record RegisterRequest(
    String user,
    String callId,
    long cseq,
    boolean wildcard,
    List<Contact> contacts,
    long requestExpires,
    String sourceHost,
    int sourcePort,
    String transport) {

  public RegisterRequest {
    contacts = List.copyOf(contacts);
  }

  /**
   * One Contact of the request.
   *
   * @param expires its {@code expires} parameter in seconds, or -1 without one
   */
  public record Contact(String uri, long expires) {}
}
