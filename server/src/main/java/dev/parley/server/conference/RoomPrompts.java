package dev.parley.server.conference;

import dev.parley.media.audio.Prompt;
import java.util.List;

/**
 * The loaded sounds of a room. Any may be {@code null}: then nothing is played.
 *
 * @param enter to the room when a counted member joins a room that already had someone
 * @param exit to the room when a counted member leaves and others remain
 * @param alone once to a member who is alone
 * @param music looped to a member who is alone, after {@code alone}, and to members waiting for a moderator
 * @param recordName asks a joiner to say its name (ad-hoc rooms that announce names)
 * @param hasJoined to the room after the joiner's recorded name
 * @param numbers spoken numbers for the member count ({@link SpokenNumbers}); may be empty
 */
public record RoomPrompts(
    Prompt enter,
    Prompt exit,
    Prompt alone,
    Prompt music,
    Prompt muted,
    Prompt unmuted,
    Prompt kicked,
    Prompt pin,
    Prompt badPin,
    Prompt enterNumber,
    Prompt trying,
    Prompt recordName,
    Prompt hasJoined,
    SpokenNumbers numbers) {

  public static final RoomPrompts NONE =
      new RoomPrompts(null, null, null, null, null, null, null, null, null, null, null, null, null, SpokenNumbers.NONE);

  /** Words that say "there are N people in this conference", each a prompt. */
  public record SpokenNumbers(Prompt thereAre, Prompt people, Prompt onlyOne, List<Prompt> units, List<Prompt> tens, Prompt hundred) {
    public static final SpokenNumbers NONE = new SpokenNumbers(null, null, null, List.of(), List.of(), null);

    /**
     * The prompts that say the count, e.g. "there are" "twenty" "three" "people in this conference".
     * Empty when the words are not loaded.
     */
    public List<Prompt> sayCount(int count) {
      if (thereAre == null || units.size() < 20 || tens.size() < 10) return List.of();
      if (count == 1 && onlyOne != null) return List.of(onlyOne);
      List<Prompt> out = new java.util.ArrayList<>();
      out.add(thereAre);
      number(count, out);
      out.add(people);
      return out;
    }

    private void number(int n, List<Prompt> out) {
      if (n >= 1000) {
        for (char c : Integer.toString(n).toCharArray()) out.add(units.get(c - '0'));
        return;
      }
      if (n >= 100) {
        out.add(units.get(n / 100));
        out.add(hundred);
        n %= 100;
        if (n == 0) return;
      }
      if (n < 20) {
        out.add(units.get(n));
      } else {
        out.add(tens.get(n / 10));
        if (n % 10 != 0) out.add(units.get(n % 10));
      }
    }
  }
}
