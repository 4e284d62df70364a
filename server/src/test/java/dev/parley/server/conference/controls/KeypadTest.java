package dev.parley.server.conference.controls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.config.ConfigLoader;
import dev.parley.server.config.ControlAction;
import dev.parley.server.config.ServerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The keypad against the shipped member and moderator groups, with time passed in by hand. */
class KeypadTest {
  private static final long TIMEOUT = 1500;
  private Keypad member;
  private Keypad moderator;

  @BeforeEach
  void maps() throws Exception {
    ServerConfig c = ConfigLoader.loadDefault();
    member = new Keypad(ControlMap.of(c.controls().group("default")), TIMEOUT);
    moderator = new Keypad(ControlMap.of(c.controls().group("default"), c.controls().group("moderator")), TIMEOUT);
  }

  private static ControlAction ran(Keypad.Outcome o) {
    assertThat(o).isInstanceOf(Keypad.Outcome.Run.class);
    return ((Keypad.Outcome.Run) o).target().action();
  }

  @Test
  void aSingleDigitThatStartsNothingLongerRunsAtOnce() {
    assertThat(ran(member.press('0', 0))).isEqualTo(ControlAction.MUTE);
    assertThat(ran(member.press('6', 10))).isEqualTo(ControlAction.LISTEN_UP);
  }

  @Test
  void forAMemberStarIsDeafMuteAtOnceBecauseNothingLongerStartsWithIt() {
    assertThat(ran(member.press('*', 0))).isEqualTo(ControlAction.DEAF_MUTE);
  }

  @Test
  void forAModeratorStarWaitsAndRunsDeafMuteWhenNoDigitFollows() {
    Keypad.Outcome o = moderator.press('*', 1000);
    assertThat(o).isEqualTo(new Keypad.Outcome.Waiting(1000 + TIMEOUT));
    assertThat(moderator.timeout(1000 + TIMEOUT - 1)).isInstanceOf(Keypad.Outcome.Waiting.class);
    assertThat(ran(moderator.timeout(1000 + TIMEOUT))).isEqualTo(ControlAction.DEAF_MUTE);
  }

  @Test
  void starAndStarOneBothWorkInOneMap() {
    moderator.press('*', 0);
    assertThat(ran(moderator.press('1', 200))).isEqualTo(ControlAction.INVITE);
    moderator.press('*', 5000);
    assertThat(ran(moderator.timeout(5000 + TIMEOUT))).isEqualTo(ControlAction.DEAF_MUTE);
  }

  @Test
  void threeDigitModeratorSequencesResolveOnTheirLastDigit() {
    moderator.press('*', 0);
    assertThat(moderator.press('9', 100)).isInstanceOf(Keypad.Outcome.Waiting.class);
    assertThat(ran(moderator.press('2', 200))).isEqualTo(ControlAction.MUTE_ALL);
    moderator.press('*', 1000);
    moderator.press('9', 1100);
    assertThat(ran(moderator.press('5', 1200))).isEqualTo(ControlAction.KICK_LAST);
  }

  @Test
  void hashHangsUpAfterTheTimeoutButHashHashCancelsTheInvite() {
    assertThat(moderator.press('#', 0)).isInstanceOf(Keypad.Outcome.Waiting.class);
    assertThat(ran(moderator.press('#', 300))).isEqualTo(ControlAction.CANCEL_INVITE);
    moderator.press('#', 1000);
    assertThat(ran(moderator.timeout(1000 + TIMEOUT))).isEqualTo(ControlAction.HANGUP);
  }

  @Test
  void anUnboundContinuationDropsTheStrayDigitAndUsesTheRest() {
    // "*7" is bound to nothing; the 7 alone is energy-down.
    moderator.press('*', 0);
    assertThat(ran(moderator.press('7', 100))).isEqualTo(ControlAction.ENERGY_DOWN);
    assertThat(moderator.pending()).isEmpty();
  }

  @Test
  void aDigitAfterAnExpiredWaitRunsThePendingSequenceFirstThenItself() {
    moderator.press('*', 0);
    // The timer did not fire in time; the next key arrives after the deadline.
    assertThat(ran(moderator.press('0', TIMEOUT + 50))).isEqualTo(ControlAction.DEAF_MUTE);
    Keypad.Outcome.Run next = moderator.takePending();
    assertThat(next).isNotNull();
    assertThat(next.target().action()).isEqualTo(ControlAction.MUTE);
  }

  @Test
  void anEmptyMapNeverRunsAnything() {
    Keypad none = new Keypad(ControlMap.EMPTY, TIMEOUT);
    assertThat(none.press('0', 0)).isInstanceOf(Keypad.Outcome.Idle.class);
    assertThat(none.pending()).isEmpty();
  }
}
