package dev.parley.server.conference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.media.audio.Prompt;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpokenNumbersTest {
  private static Prompt word(String name) {
    return new Prompt(name, 8000, new short[1]);
  }

  private static final RoomPrompts.SpokenNumbers WORDS;

  static {
    List<Prompt> units = new ArrayList<>();
    for (int i = 0; i < 20; i++) units.add(word(Integer.toString(i)));
    List<Prompt> tens = new ArrayList<>();
    for (int i = 0; i < 10; i++) tens.add(word(i + "0"));
    WORDS = new RoomPrompts.SpokenNumbers(word("there-are"), word("people"), word("alone"), units, tens, word("hundred"));
  }

  private static List<String> say(int n) {
    return WORDS.sayCount(n).stream().map(Prompt::name).toList();
  }

  @Test
  void countsAreSaidAsAnEnglishSpeakerSaysThem() {
    assertThat(say(1)).containsExactly("alone");
    assertThat(say(7)).containsExactly("there-are", "7", "people");
    assertThat(say(13)).containsExactly("there-are", "13", "people");
    assertThat(say(40)).containsExactly("there-are", "40", "people");
    assertThat(say(42)).containsExactly("there-are", "40", "2", "people");
    assertThat(say(300)).containsExactly("there-are", "3", "hundred", "people");
    assertThat(say(512)).containsExactly("there-are", "5", "hundred", "12", "people");
    assertThat(say(1203)).containsExactly("there-are", "1", "2", "0", "3", "people");
  }

  @Test
  void withoutWordsNothingIsSaid() {
    assertThat(RoomPrompts.SpokenNumbers.NONE.sayCount(5)).isEmpty();
  }
}
