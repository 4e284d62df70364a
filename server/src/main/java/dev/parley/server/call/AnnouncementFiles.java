package dev.parley.server.call;

import dev.parley.media.audio.Prompt;
import dev.parley.media.audio.WavFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The announcements directory ({@code media.announcements}): WAV files played as {@code file:NAME}
 * over the API, by the routing webhook and from the CLI. NAME is a file directly inside the
 * directory and nothing else: a token holder must not be able to play (read) any other file of the
 * machine into a call, so separators, {@code ..}, control characters and symbolic links are refused.
 *
 * <p>Decoded prompts are cached per name and room rate, at most {@link #CACHE_SAMPLES} samples in all
 * (least recently used go first); a file whose modification time or size changed is read again.
 * Thread-safe; loading happens on the caller's thread, never on the media path.
 */
public final class AnnouncementFiles {
  public static final String PREFIX = "file:";
  public static final int MAX_NAME_CHARS = 128;
  /** A bigger file is refused rather than read into memory (about six minutes of 44.1 kHz stereo). */
  static final long MAX_FILE_BYTES = 64L << 20;
  /** About 33 minutes of 8 kHz audio or 5.5 of 48 kHz, 32 MB. */
  static final long CACHE_SAMPLES = 16L << 20;
  /** Enough of a file to find its fmt and data chunks behind the usual LIST or fact chunks. */
  private static final int HEADER_BYTES = 64 * 1024;

  /** One playable file, as {@code GET /api/v1/sounds} lists it; {@code problem} is null for a good file. */
  public record Listed(String name, double durationSeconds, int rateHz, int channels, String problem) {}

  private record Key(String name, int rateHz) {}

  private record Cached(FileTime modified, long size, Prompt prompt) {}

  private final Path dir;
  private final LinkedHashMap<Key, Cached> cache = new LinkedHashMap<>(16, 0.75f, true);
  private long cachedSamples;

  public AnnouncementFiles(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  public Path directory() {
    return dir;
  }

  /** Creates the directory when missing (at start, so that users find where to put files). */
  public AnnouncementFiles createDirectory() throws IOException {
    Files.createDirectories(dir);
    return this;
  }

  /**
   * Checks a NAME of {@code file:NAME}.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static String checkName(String name) {
    if (name == null || name.isEmpty()) throw new IllegalArgumentException("the file name after 'file:' is empty");
    if (name.length() > MAX_NAME_CHARS) {
      throw new IllegalArgumentException("the file name is longer than " + MAX_NAME_CHARS + " characters");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == '\\') throw new IllegalArgumentException("'" + name + "' names a path; give a file of the announcements directory");
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        throw new IllegalArgumentException("the file name holds a control character at " + (i + 1));
      }
    }
    if (name.equals(".") || name.equals("..") || name.startsWith(".")) {
      throw new IllegalArgumentException("'" + name + "' is not an announcement file (names starting with '.' are not played)");
    }
    if (!name.strip().equals(name)) throw new IllegalArgumentException("the file name '" + name + "' starts or ends with a space");
    return name;
  }

  /**
   * The file {@code name} at {@code rateHz}.
   *
   * @throws IllegalArgumentException when the name is not allowed ({@link #checkName})
   * @throws NoSuchFileException when there is no such regular file in the directory
   * @throws IOException naming the file when it cannot be read or is not a WAV this server plays
   */
  public Prompt load(String name, int rateHz) throws IOException {
    Path file = resolve(name);
    BasicFileAttributes a = attributes(file, name);
    Key key = new Key(name, rateHz);
    synchronized (this) {
      Cached c = cache.get(key);
      if (c != null && c.modified().equals(a.lastModifiedTime()) && c.size() == a.size()) return c.prompt();
    }
    if (a.size() > MAX_FILE_BYTES) {
      throw new IOException(name + ": " + a.size() + " bytes is more than the " + (MAX_FILE_BYTES >> 20) + " MB an announcement may have");
    }
    Prompt p = WavFile.decode(name, Files.readAllBytes(file), rateHz);
    synchronized (this) {
      Cached old = cache.put(key, new Cached(a.lastModifiedTime(), a.size(), p));
      if (old != null) cachedSamples -= old.prompt().length();
      cachedSamples += p.length();
      Iterator<Map.Entry<Key, Cached>> eldest = cache.entrySet().iterator();
      while (cachedSamples > CACHE_SAMPLES && eldest.hasNext()) {
        Map.Entry<Key, Cached> e = eldest.next();
        if (e.getKey().equals(key)) continue;
        cachedSamples -= e.getValue().prompt().length();
        eldest.remove();
      }
    }
    return p;
  }

  /** How many prompts the cache holds now (for tests). */
  synchronized int cachedCount() {
    return cache.size();
  }

  /** Every file of the directory with a playable name, sorted by name; a bad WAV says why in {@code problem}. */
  public List<Listed> list() throws IOException {
    List<Listed> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) return out;
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
    }
    for (Path f : files) {
      String name = f.getFileName().toString();
      try {
        checkName(name);
      } catch (IllegalArgumentException e) {
        continue;
      }
      try {
        byte[] head;
        try (InputStream in = Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS)) {
          head = in.readNBytes(HEADER_BYTES);
        }
        WavFile.Format w = WavFile.header(name, head, Files.size(f));
        out.add(new Listed(name, Math.round(w.durationSeconds() * 1000) / 1000.0, w.rateHz(), w.channels(), null));
      } catch (IOException e) {
        out.add(new Listed(name, 0, 0, 0, e.getMessage()));
      }
    }
    return out;
  }

  private Path resolve(String name) {
    checkName(name);
    Path file = dir.resolve(name).normalize();
    // checkName leaves no way out of the directory; this holds the rule should it ever change.
    if (!dir.equals(file.getParent())) throw new IllegalArgumentException("'" + name + "' lies outside the announcements directory");
    return file;
  }

  /** A regular file, not a link (a link could point anywhere on the machine). */
  private static BasicFileAttributes attributes(Path file, String name) throws IOException {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(name, null, "no file '" + name + "' in the announcements directory");
    }
    if (!a.isRegularFile()) throw new NoSuchFileException(name, null, "'" + name + "' is not a regular file in the announcements directory");
    return a;
  }
}
