package dev.parley.server.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parley.server.config.MemberFlag;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingWebhookDecisionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static RoutingWebhook.Decision read(String json) throws Exception {
    return RoutingWebhook.decision(JSON.readTree(json));
  }

  @Test
  void joinCarriesRoomFlagsAndPin() throws Exception {
    assertThat(read("{\"action\": \"join\", \"room\": \"team-7\", \"flags\": [\"moderator\", \"mute\"], \"pin\": \"1234\"}"))
        .isEqualTo(new RoutingWebhook.Decision.Join("team-7", Set.of(MemberFlag.MODERATOR, MemberFlag.MUTED), "1234"));
  }

  @Test
  void joinWithoutARoomMeansTheRoutesRoom() throws Exception {
    assertThat(read("{\"action\": \"join\"}")).isEqualTo(new RoutingWebhook.Decision.Join(null, Set.of(), null));
  }

  @Test
  void rejectDefaultsTo403AndKeepsTheReasonOnOneLine() throws Exception {
    assertThat(read("{\"action\": \"reject\"}")).isEqualTo(new RoutingWebhook.Decision.Reject(403, "Rejected"));
    assertThat(read("{\"action\": \"reject\", \"status\": 486, \"reason\": \"Busy\\r\\nX-Evil: 1\"}"))
        .isEqualTo(new RoutingWebhook.Decision.Reject(486, "Busy  X-Evil: 1"));
  }

  @Test
  void playNeedsASound() throws Exception {
    assertThat(read("{\"action\": \"play\", \"sound\": \"builtin:kicked\"}"))
        .isEqualTo(new RoutingWebhook.Decision.Play("builtin:kicked"));
    assertThatThrownBy(() -> read("{\"action\": \"play\"}")).hasMessageContaining("play needs a sound");
  }

  @Test
  void playMayNameAnAnnouncementFileButNoPathOutOfItsDirectory() throws Exception {
    assertThat(read("{\"action\": \"play\", \"sound\": \"file:closed.wav\"}"))
        .isEqualTo(new RoutingWebhook.Decision.Play("file:closed.wav"));
    assertThatThrownBy(() -> read("{\"action\": \"play\", \"sound\": \"file:../../etc/passwd\"}"))
        .hasMessageContaining("names a path");
    assertThatThrownBy(() -> read("{\"action\": \"play\", \"sound\": \"/etc/passwd\"}"))
        .as("a bare path is not a sound").hasMessageContaining("builtin:NAME or file:NAME");
  }

  @Test
  void badAnswersNameWhatIsWrong() {
    assertThatThrownBy(() -> read("[1]")).hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> read("{\"action\": \"dance\"}")).hasMessageContaining("join, play or reject");
    assertThatThrownBy(() -> read("{\"action\": \"join\", \"room\": \"-x\"}")).hasMessageContaining("not a valid room name");
    assertThatThrownBy(() -> read("{\"action\": \"join\", \"pin\": \"12ab\"}")).hasMessageContaining("pin must be");
    assertThatThrownBy(() -> read("{\"action\": \"join\", \"flags\": [\"boss\"]}")).hasMessageContaining("unknown member flag");
    assertThatThrownBy(() -> read("{\"action\": \"reject\", \"status\": 200}")).hasMessageContaining("400..699");
  }
}
