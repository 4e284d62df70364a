package dev.parley.server.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * The bearer token every API request must carry. It comes from the environment
 * ({@value #ENVIRONMENT_VARIABLE}) or from {@code DATA-DIR/api-token}, which is generated on first
 * start; only then is it announced, so it is printed once. Immutable; safe from any thread.
 */
public final class ApiToken {
  public static final String ENVIRONMENT_VARIABLE = "PARLEY_API_TOKEN";
  public static final String FILE_NAME = "api-token";

  private final byte[] expected;

  ApiToken(String token) {
    if (token.isBlank()) throw new IllegalArgumentException("the API token is empty");
    this.expected = token.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * @param fromEnvironment the variable's value, or null when unset
   * @param announce told the token and where it was saved, when one is generated
   */
  public static ApiToken resolve(String fromEnvironment, Path dataDir, Consumer<String> announce) throws IOException {
    if (fromEnvironment != null && !fromEnvironment.isBlank()) return new ApiToken(fromEnvironment.strip());
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.isRegularFile(file)) {
      String saved = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (saved.isEmpty()) throw new IOException(file + " is empty: delete it to have a new token generated");
      return new ApiToken(saved);
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Files.createDirectories(dataDir);
    Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
    restrictToOwner(file);
    announce.accept("API token (saved in " + file + ", shown only now): " + token);
    return new ApiToken(token);
  }

  /** Compares in constant time, so response timing does not reveal how much of a guess was right. */
  public boolean matches(String presented) {
    if (presented == null) return false;
    return MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8));
  }

  private static void restrictToOwner(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException e) {
      // Not a POSIX file system: the directory's own protection is all there is.
    }
  }
}
