package dev.parley.server.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A config file that cannot be used. The loader reports every problem it finds in one go, ordered by
 * line; the message is one problem per line, each formatted {@code source:line: field: problem}, ready to
 * print as is.
 */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public ConfigException(ConfigProblem problem) {
        this(List.of(problem));
    }

    /** At least one, ordered by line. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
