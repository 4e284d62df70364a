package dev.parley.server.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one config file so that the user sees all of them at once. */
final class Problems {

    private final String source;
    private final List<ConfigProblem> problems = new ArrayList<>();

    Problems(String source) {
        this.source = source;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    void add(Node node, String field, String message) {
        add(line(node), field, message);
    }

    void add(int line, String field, String message) {
        problems.add(new ConfigProblem(source, line, field, message));
    }

    /** How many so far: readers compare counts to tell whether their own part went wrong. */
    int count() {
        return problems.size();
    }

    void throwIfAny() throws ConfigException {
        if (!problems.isEmpty()) {
            List<ConfigProblem> sorted = new ArrayList<>(problems);
            sorted.sort(Comparator.comparingInt(ConfigProblem::line)); // stable: same line keeps field order
            throw new ConfigException(sorted);
        }
    }
}
