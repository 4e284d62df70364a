package dev.parley.server.call;

import dev.parley.server.config.InvitePolicy;

/** Who may invite by keypad under a room's policy (seeds 001 and 004), for dialled-in and placed legs alike. */
final class InviteRights {
  private InviteRights() {}

  /**
   * @param moderator the member is a moderator
   * @param extension the member is a registered extension (authenticated, or a leg we dialled to one)
   * @param fromTrunk the member came through a configured gateway: never allowed unless a moderator
   * @param owner the member opened the ad-hoc room it is in
   */
  static boolean may(InvitePolicy policy, boolean moderator, boolean extension, boolean fromTrunk, boolean owner) {
    return switch (policy) {
      case MODERATORS -> moderator;
      case EXTENSIONS -> moderator || (extension && !fromTrunk);
      case ANYONE -> moderator || !fromTrunk;
      case OWNER -> owner;
      case NOBODY -> false;
    };
  }
}
