package dev.parley.server.call;

import dev.parley.server.conference.CallDetails;

/**
 * Why Parley places a call, for the billing record and events of the member it becomes.
 *
 * @param direction invited, auto-dialled or the external participant
 * @param invitedBy who asked for it: {@code member 2 (1001)} for a keypad invite, the member whose
 *     joining set off an auto-dial, {@code room 3000} for the external participant
 */
record Placement(CallDetails.Direction direction, String invitedBy) {
  /** A keypad invite by a member, named by its id and number. */
  static Placement invitedBy(int memberId, String number) {
    return new Placement(CallDetails.Direction.INVITED, "member " + memberId + " (" + number + ")");
  }
}
