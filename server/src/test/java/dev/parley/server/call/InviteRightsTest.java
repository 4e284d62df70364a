package dev.parley.server.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.InvitePolicy;
import org.junit.jupiter.api.Test;

class InviteRightsTest {
  @Test
  void aTrunkLegNeverInvitesUnlessAModerator() {
    for (InvitePolicy p : new InvitePolicy[] {InvitePolicy.EXTENSIONS, InvitePolicy.ANYONE}) {
      assertThat(InviteRights.may(p, false, false, true, false)).as(p.key()).isFalse();
      assertThat(InviteRights.may(p, true, false, true, false)).as(p.key() + ", moderator").isTrue();
    }
    assertThat(InviteRights.may(InvitePolicy.ANYONE, false, false, false, false)).isTrue();
  }

  @Test
  void extensionsPolicyLetsRegisteredExtensionsInvite() {
    assertThat(InviteRights.may(InvitePolicy.EXTENSIONS, false, true, false, false)).isTrue();
    assertThat(InviteRights.may(InvitePolicy.EXTENSIONS, false, false, false, false)).isFalse();
    assertThat(InviteRights.may(InvitePolicy.MODERATORS, false, true, false, false)).isFalse();
  }

  @Test
  void ownerPolicyLetsOnlyTheOwnerInviteNotEvenModerators() {
    assertThat(InviteRights.may(InvitePolicy.OWNER, true, true, false, true)).isTrue();
    assertThat(InviteRights.may(InvitePolicy.OWNER, true, true, false, false)).isFalse();
    assertThat(InviteRights.may(InvitePolicy.NOBODY, true, true, false, true)).isFalse();
  }
}
