package dev.parley.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parley.media.audio.Prompt;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a play request asks for, one item or a list of them ({@code items}), played in order:
 * <ul>
 *   <li>{@code {"sound": "builtin:enter"}}
 *   <li>{@code {"sound": "file:welcome.wav"}}: a WAV of the announcements directory ({@link SoundCatalog})
 *   <li>{@code {"tone": {"frequencyHz": 440, "secondHz": 0, "durationMillis": 1000, "levelDbfs": -16}}}
 *   <li>{@code {"tone": "350+440/500,0/500,440/250", "levelDbfs": -16}} ({@link ToneSequence})
 *   <li>{@code {"tone": [{"frequencyHz": 350, "secondHz": 440, "durationMillis": 500}, {"frequencyHz": 0,
 *       "durationMillis": 500}]}}: the same as a list
 * </ul>
 * and {@code "mode": "queue"} (the default: after what plays) or {@code "interrupt"} (instead of it and
 * everything queued).
 *
 * <p>Built-in sounds, files of the announcements directory by bare name, and tones: a path given over
 * the API would let any token holder read files of the server's machine into a call. Everything is
 * loaded or synthesised here, before the media thread sees it.
 */
final class PlayRequest {
  static final int MAX_TONE_MILLIS = 60_000;
  static final int MAX_ITEMS = 20;
  private static final Pattern BUILTIN = Pattern.compile("builtin:[a-z][a-z0-9-]{0,31}");
  private static final String FILE = "file:";

  /** A request, ready to play. */
  record Play(String tag, List<Prompt> prompts, boolean interrupt) {
    long durationMillis() {
      double s = 0;
      for (Prompt p : prompts) s += p.durationSeconds();
      return Math.round(s * 1000);
    }
  }

  private final SoundLoader loader;

  PlayRequest(SoundLoader loader) {
    this.loader = loader;
  }

  Play fromRequest(ObjectNode body, int rateHz) {
    String mode = Bodies.text(body, "mode");
    boolean interrupt;
    if (mode == null || mode.equals("queue")) interrupt = false;
    else if (mode.equals("interrupt")) interrupt = true;
    else throw ApiException.badRequest("mode must be queue or interrupt, got '" + mode + "'");
    List<Prompt> prompts = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    JsonNode items = body.get("items");
    if (items != null && !items.isNull()) {
      if (body.has("sound") || body.has("tone")) throw ApiException.badRequest("give items, or sound or tone, not both");
      if (!(items instanceof ArrayNode list) || list.isEmpty() || list.size() > MAX_ITEMS) {
        throw ApiException.badRequest("items must be a list of 1 to " + MAX_ITEMS + " objects, each with sound or tone");
      }
      for (int i = 0; i < list.size(); i++) {
        if (!(list.get(i) instanceof ObjectNode item)) throw ApiException.badRequest("items[" + i + "] must be an object");
        item(item, rateHz, "items[" + i + "].", prompts, tags);
      }
    } else {
      item(body, rateHz, "", prompts, tags);
    }
    return new Play(String.join(" ", tags), List.copyOf(prompts), interrupt);
  }

  private void item(ObjectNode o, int rateHz, String where, List<Prompt> prompts, List<String> tags) {
    String sound = Bodies.text(o, "sound");
    JsonNode tone = o.get("tone");
    if ((sound == null) == (tone == null || tone.isNull())) {
      throw ApiException.badRequest(where.isEmpty()
          ? "give either sound (builtin:NAME or file:NAME), tone ({frequencyHz, durationMillis, levelDbfs}, a sequence such as '350+440/500,0/500', or a list of {frequencyHz, durationMillis}) or items"
          : where.substring(0, where.length() - 1) + " needs either sound or tone");
    }
    if (sound != null) {
      prompts.add(sound(sound, rateHz, where));
      tags.add(sound);
      return;
    }
    double level = Bodies.number(o, "levelDbfs", -60, 0, -16);
    List<ToneSequence.Step> steps = switch (tone) {
      case ObjectNode t -> List.of(step(t, where + "tone.", rateHz));
      case ArrayNode list -> {
        if (list.isEmpty() || list.size() > ToneSequence.MAX_STEPS) {
          throw ApiException.badRequest(where + "tone as a list holds 1 to " + ToneSequence.MAX_STEPS + " steps");
        }
        List<ToneSequence.Step> s = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
          if (!(list.get(i) instanceof ObjectNode t)) throw ApiException.badRequest(where + "tone[" + i + "] must be an object");
          s.add(step(t, where + "tone[" + i + "].", rateHz));
        }
        yield s;
      }
      default -> {
        if (!tone.isTextual()) throw ApiException.badRequest(where + "tone must be an object, a list or a sequence such as '440/500,0/500'");
        try {
          yield ToneSequence.parse(tone.textValue());
        } catch (IllegalArgumentException e) {
          throw ApiException.badRequest(where + "tone: " + e.getMessage());
        }
      }
    };
    if (tone instanceof ObjectNode t && t.has("levelDbfs")) level = Bodies.number(t, "levelDbfs", -60, 0, -16);
    try {
      prompts.addAll(ToneSequence.synthesise(steps, level, rateHz, MAX_TONE_MILLIS));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(where + "tone: " + e.getMessage());
    }
    tags.add("tone:" + ToneSequence.text(steps));
  }

  private Prompt sound(String sound, int rateHz, String where) {
    if (!BUILTIN.matcher(sound).matches() && !sound.startsWith(FILE)) {
      throw ApiException.badRequest(where + "sound must be builtin:NAME or file:NAME (a file of the announcements directory), got '"
          + shown(sound) + "'");
    }
    try {
      return loader.load(sound, rateHz);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(where + "sound: " + e.getMessage());
    } catch (NoSuchFileException e) {
      throw new ApiException(404, "sound_not_found", where + "sound: "
          + (sound.startsWith(FILE) ? "no file '" + sound.substring(FILE.length()) + "' in the announcements directory"
              : "no built-in sound '" + sound + "'"));
    } catch (IOException e) {
      throw new ApiException(422, "bad_sound", where + "sound: " + e.getMessage());
    }
  }

  /** A sound as the client wrote it, cut short and without control characters, for a message. */
  private static String shown(String s) {
    String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  /** One step written as an object; {@code frequencyHz} 0 is silence. */
  private static ToneSequence.Step step(ObjectNode t, String where, int rateHz) {
    JsonNode f = t.get("frequencyHz");
    if (f == null || !f.isNumber()) throw ApiException.badRequest(where + "frequencyHz is required (a number; 0 for silence)");
    double hz = f.doubleValue();
    if (hz != 0 && (hz < 20 || hz > rateHz / 2.0 - 1)) {
      throw ApiException.badRequest(where + "frequencyHz must be 0 or 20.." + (rateHz / 2 - 1) + ", got " + hz);
    }
    double second = Bodies.number(t, "secondHz", 0, rateHz / 2.0 - 1, 0);
    int millis = (int) Bodies.number(t, "durationMillis", 1, MAX_TONE_MILLIS, 1000);
    return new ToneSequence.Step(hz, second, millis);
  }
}
