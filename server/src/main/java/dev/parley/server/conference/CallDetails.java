package dev.parley.server.conference;

/**
 * What the call layer knows about a member's call that billing records and events carry.
 *
 * @param callerNumber the user part of the caller's From URI (or the URI itself)
 * @param callerName   the From display name; empty when none
 * @param calledNumber the number the caller dialled (the Request-URI user)
 * @param calledName   the To display name; empty when none
 * @param codec        the negotiated codec, e.g. {@code PCMU/8000}; empty before negotiation
 * @param direction    how the member came to the room
 * @param invitedBy    who invited the member (a member's Call-ID, an API client); empty for dial-ins
 * @param billing      whether the route has billing on (Yate's {@code billing=true})
 * @param recordOnJoin whether the member's joining starts the room's recording (auto-record, or Yate's
 *                     "record when the organiser joins")
 */
public record CallDetails(
    String callerNumber,
    String callerName,
    String calledNumber,
    String calledName,
    String codec,
    Direction direction,
    String invitedBy,
    boolean billing,
    boolean recordOnJoin) {

  /** How a member came to the room. */
  public enum Direction {
    DIALLED_IN,
    INVITED,
    AUTO_DIALLED,
    EXTERNAL
  }

  /** A dial-in about which nothing else is known (tests, legs without SIP). */
  public static CallDetails dialIn(String caller) {
    return new CallDetails(caller, "", "", "", "", Direction.DIALLED_IN, "", true, false);
  }
}
