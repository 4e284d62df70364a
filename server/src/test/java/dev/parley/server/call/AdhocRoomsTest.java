package dev.parley.server.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.InvitePolicy;
import dev.parley.server.config.MemberFlag;
import dev.parley.server.config.ServerConfig;
import org.junit.jupiter.api.Test;

class AdhocRoomsTest {
  private static AdhocRooms rooms(String extensions) throws Exception {
    ServerConfig c = ConfigLoader.parse(extensions, "parley.yaml", null);
    return new AdhocRooms(c.extensions(), new RoomProfiles(new PromptLibrary(), c.controls()), c.profiles().get("default"));
  }

  private static final String TWO = """
      extensions:
        '1001': { password: 'pw1', conference-pin: '4321', conference-end-on-exit: true, conference-announce-caller-name: true }
        '1002': { password: 'pw2' }
      """;

  @Test
  void theOwnerOpensItsRoomAsAModeratorThatEndsItAndIsNotAskedForThePin() throws Exception {
    var e = (AdhocRooms.Enter) rooms(TWO).entry("*81001", "1001");
    assertThat(e.room()).isEqualTo("adhoc-1001");
    assertThat(e.owner()).isTrue();
    assertThat(e.announceName()).isFalse();
    assertThat(e.profile().pins().required()).isFalse();
    assertThat(e.profile().flags()).contains(MemberFlag.MODERATOR, MemberFlag.END_CONFERENCE);
    assertThat(e.profile().invitePolicy()).isEqualTo(InvitePolicy.OWNER);
  }

  @Test
  void anotherExtensionJoinsWithTheOwnersPinAndRecordsItsName() throws Exception {
    var e = (AdhocRooms.Enter) rooms(TWO).entry("*81001", "1002");
    assertThat(e.owner()).isFalse();
    assertThat(e.announceName()).isTrue();
    assertThat(e.profile().pins().pin()).isEqualTo("4321");
    assertThat(e.profile().flags()).doesNotContain(MemberFlag.MODERATOR, MemberFlag.END_CONFERENCE);
  }

  @Test
  void withoutOptionsTheRoomHasNoPinAndAnnouncesNobody() throws Exception {
    var e = (AdhocRooms.Enter) rooms(TWO).entry("*81002", "1001");
    assertThat(e.room()).isEqualTo("adhoc-1002");
    assertThat(e.profile().pins().required()).isFalse();
    assertThat(e.announceName()).isFalse();
  }

  @Test
  void callersThatAreNotExtensionsAreRefusedAndOtherNumbersAreLeftToTheRoutes() throws Exception {
    AdhocRooms r = rooms(TWO);
    assertThat(r.entry("*81001", null)).isEqualTo(new AdhocRooms.Refuse(403, "Ad-hoc rooms are for registered extensions"));
    assertThat(r.entry("*89999", "1001")).isNull();
    assertThat(r.entry("81001", "1001")).isNull();
    assertThat(r.entry("3000", "1001")).isNull();
  }
}
