package dev.parley.server.config;

import java.util.Objects;

/**
 * One line of a control group: a digit sequence and what it does.
 *
 * @param sequence 1 to 16 of {@code 0-9 * # A-D}
 */
public record ControlBinding(String sequence, Target target) {

    /** The action and its argument ({@code null} for actions that take none). */
    public record Target(ControlAction action, String argument) {
        public Target {
            Objects.requireNonNull(action, "action");
        }
    }

    public ControlBinding {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(target, "target");
    }

    static boolean isValidSequence(String s) {
        return s.matches("[0-9*#A-D]{1,16}");
    }
}
