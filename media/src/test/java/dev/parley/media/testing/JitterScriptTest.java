package dev.parley.media.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The scenario runner must be able to fail, or the scenario files would prove nothing. */
class JitterScriptTest {
  private static final String START = """
      put 1 0 0
      put 2 160 20
      """;

  private static void passes(String script) {
    assertThatCode(() -> JitterScript.of("t.jbt", script).run()).doesNotThrowAnyException();
  }

  private static void fails(String script, String message) {
    assertThatThrownBy(() -> JitterScript.of("t.jbt", script).run())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(message);
  }

  @Test
  void aCorrectScriptPasses() {
    passes(START + "read AUDIO 1\nput 3 320 40\nread AUDIO 2*80 ~*80\nexpect received=3 late=0 delay>=0");
  }

  @Test
  void theWrongKindFails() {
    fails(START + "read SILENCE", "t.jbt:3: expected SILENCE but read AUDIO");
  }

  @Test
  void theWrongPacketFails() {
    fails(START + "read AUDIO 2", "sample 0 should be 2");
  }

  @Test
  void contentMustCoverTheRead() {
    fails(START + "read AUDIO 1*80", "cover 80 of the 160");
    fails(START + "read AUDIO 9", "no packet with id 9");
  }

  @Test
  void concealmentMustFadeFromTheNamedPacket() {
    String lost = START + "read AUDIO 1\nread AUDIO 2\nput 4 480 60\n";
    passes(lost + "read CONCEALED ~2");
    fails(lost + "read CONCEALED ~1", "concealment fading from 1");
  }

  @Test
  void aWrongCounterFails() {
    fails(START + "read AUDIO 1\nexpect late=1", "expected late=1 but late is 0.0");
    fails(START + "expect received<2", "expected received<2");
    fails(START + "expect nonsense=1", "unknown counter nonsense");
  }

  @Test
  void streamsAreTalliedAndCheckedForOrder() {
    passes("stream seq=1 ts=0 at=0 count=50\nexpect audio=49 silences=1 concealedReads=0");
    fails("stream seq=1 ts=0 at=0 count=50\nexpect audio=50", "expected audio=50");
  }

  @Test
  void syntaxErrorsNameTheLine() {
    fails("put 1 0", "t.jbt:1: put SEQ TS AT_MS");
    fails("\n\nfrobnicate", "t.jbt:3: unknown command frobnicate");
    fails("put 1 x 0", "bad number");
    fails(START + "config min=40", "config must come before any packet");
  }
}
