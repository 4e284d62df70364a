package dev.parley.server.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.TreeSet;

/**
 * Turns a sound as written in the config into what {@link Sounds} holds, checking at load time that a
 * file can be read, so that a missing prompt is an error at start and not silence in a call.
 */
final class SoundResolver {

    private SoundResolver() {
    }

    /**
     * @param baseDir directory relative paths are resolved against (the config file's); {@code null} means
     *                the working directory
     * @return {@code builtin:NAME}, the absolute normalised path of a readable file, or {@code null} for
     *         {@code none}
     */
    static String resolve(String value, Path baseDir) {
        String v = value.strip();
        if (v.equals("none")) {
            return null;
        }
        if (v.startsWith(Sounds.BUILTIN_PREFIX)) {
            String name = v.substring(Sounds.BUILTIN_PREFIX.length());
            if (!Sounds.BUILTIN.contains(name)) {
                throw new IllegalArgumentException("unknown built-in sound '" + name + "'; built-in sounds are "
                        + String.join(", ", new TreeSet<>(Sounds.BUILTIN)));
            }
            return v;
        }
        Path path;
        try {
            path = Path.of(v);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a valid file path: " + e.getReason());
        }
        String shown = "'" + v + "'";
        if (!path.isAbsolute()) {
            path = (baseDir == null ? Path.of("") : baseDir).resolve(path);
            shown += " (resolved to " + path.toAbsolutePath().normalize() + ")";
        }
        path = path.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new IllegalArgumentException("sound file not found: " + shown);
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("sound file is not a regular file: " + shown);
        }
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException("sound file is not readable: " + shown);
        }
        return path.toString();
    }
}
