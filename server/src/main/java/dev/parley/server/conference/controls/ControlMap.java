package dev.parley.server.conference.controls;

import dev.parley.server.config.ControlBinding;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Digit sequences and what they run, with the prefix question the keypad needs: may a longer
 * sequence still follow? Immutable.
 */
public final class ControlMap {
  public static final ControlMap EMPTY = new ControlMap(Map.of());

  private final Map<String, ControlBinding.Target> bindings;
  private final Set<String> properPrefixes = new HashSet<>();

  private ControlMap(Map<String, ControlBinding.Target> bindings) {
    this.bindings = Collections.unmodifiableMap(new LinkedHashMap<>(bindings));
    for (String s : bindings.keySet()) {
      for (int i = 1; i < s.length(); i++) properPrefixes.add(s.substring(0, i));
    }
  }

  /** The groups merged in order: where two bind the same sequence, the later one wins. */
  @SafeVarargs
  public static ControlMap of(List<ControlBinding>... groups) {
    Map<String, ControlBinding.Target> m = new LinkedHashMap<>();
    for (List<ControlBinding> g : groups) {
      for (ControlBinding b : g) m.put(b.sequence(), b.target());
    }
    return new ControlMap(m);
  }

  /** What exactly this sequence runs, or null. */
  public ControlBinding.Target exact(String sequence) {
    return bindings.get(sequence);
  }

  /** Whether some bound sequence is longer than this one and starts with it. */
  public boolean continues(String sequence) {
    return properPrefixes.contains(sequence);
  }

  public boolean isEmpty() {
    return bindings.isEmpty();
  }

  public Map<String, ControlBinding.Target> bindings() {
    return bindings;
  }
}
