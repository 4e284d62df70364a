package dev.parley.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/sounds}: what {@code sound} may name in a play request, the built-in prompts and
 * the files of the announcements directory, each with its length and own rate. A file that is not a
 * WAV the server can play is listed with the reason, so whoever dropped it there sees why.
 */
final class SoundsApi {
  private final SoundCatalog sounds;

  SoundsApi(SoundCatalog sounds) {
    this.sounds = sounds;
  }

  void list(Context ctx) {
    List<Map<String, Object>> files;
    try {
      files = views(sounds.files());
    } catch (IOException e) {
      throw new ApiException(503, "sounds_unavailable", "cannot list the announcements directory: " + e.getMessage());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("directory", sounds.directory());
    body.put("builtin", views(sounds.builtins()));
    body.put("files", files);
    ctx.json(body);
  }

  private static List<Map<String, Object>> views(List<SoundCatalog.Entry> entries) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (SoundCatalog.Entry e : entries) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("name", e.name());
      if (e.problem() != null) {
        v.put("problem", e.problem());
      } else {
        v.put("durationSeconds", e.durationSeconds());
        v.put("rateHz", e.rateHz());
        v.put("channels", e.channels());
      }
      out.add(v);
    }
    return out;
  }
}
