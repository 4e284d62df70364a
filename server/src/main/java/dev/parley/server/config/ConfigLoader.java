package dev.parley.server.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads and validates the server's YAML configuration.
 *
 * <p>Every key is optional: an absent key takes its value from the built-in defaults,
 * {@value #DEFAULT_RESOURCE}, which documents every key. Sections {@code sip} and {@code media} are
 * merged key by key; each profile takes its absent keys from the built-in {@code default} profile (which is
 * always present unless the file redefines it); a {@code routes} list replaces the built-in routes as a
 * whole. Unknown keys are errors.
 *
 * <p>All problems of a file are reported together in one {@link ConfigException}, each with the file,
 * line and field. Stateless; safe from any thread.
 */
public final class ConfigLoader {

    /** Classpath resource holding the built-in defaults. */
    public static final String DEFAULT_RESOURCE = "parley-default.yaml";

    /** {@link ServerConfig#source()} of the built-in defaults. */
    public static final String BUILT_IN_SOURCE = "built-in defaults";

    private ConfigLoader() {
    }

    /**
     * Reads a UTF-8 config file. Problems name the file as given; relative sound paths are resolved
     * against the file's directory.
     */
    public static ServerConfig load(Path file) throws ConfigException {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(new ConfigProblem(source, 0, "", "config file not found"));
        } catch (CharacterCodingException e) {
            throw new ConfigException(new ConfigProblem(source, 0, "", "config file is not UTF-8 text"));
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(source, 0, "", "cannot read config file: " + e));
        }
        return parse(text, source, file.toAbsolutePath().getParent());
    }

    /** The built-in defaults alone: room 3000 on 127.0.0.1:5060. */
    public static ServerConfig loadDefault() throws ConfigException {
        return new ConfigParser(DEFAULT_RESOURCE, null, null).parse(defaultText(), BUILT_IN_SOURCE);
    }

    /**
     * Reads config text on top of the built-in defaults.
     *
     * @param sourceName shown in problems and kept as {@link ServerConfig#source()}
     * @param baseDir    directory relative sound paths are resolved against; {@code null} = working directory
     */
    public static ServerConfig parse(String yaml, String sourceName, Path baseDir) throws ConfigException {
        return new ConfigParser(sourceName, baseDir, loadDefault()).parse(yaml, sourceName);
    }

    private static String defaultText() {
        try (InputStream in = ConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the classpath: broken build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }
}
