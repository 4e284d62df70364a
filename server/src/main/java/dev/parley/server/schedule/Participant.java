package dev.parley.server.schedule;

/**
 * A person listed in a schedule.
 *
 * @param name shown in logs and the API; may be empty
 * @param number the caller number (the From user, or the extension it authenticated as) that
 *     recognises this person when they dial in; null when they are recognised by PIN only
 * @param dial the dial string Parley calls at the start ({@code user/1001}, {@code gateway/NAME/N},
 *     {@code sip:...}); null for someone who dials in
 * @param role what they are in the room
 * @param pin digits that identify them when they dial in from another number; null for none
 */
public record Participant(String name, String number, String dial, Role role, String pin) {
  public Participant {
    name = name == null ? "" : name;
  }

  /** A short label for logs: the name, or the number, never the PIN. */
  public String label() {
    if (!name.isEmpty()) return name;
    if (number != null) return number;
    return dial == null ? "(by PIN)" : dial;
  }
}
