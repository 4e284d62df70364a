package dev.parley.sip;

import java.util.List;
import java.util.Set;

/**
 * The bindings of the server's registrar (RFC 3261 §10.3). Thread-safe; lapsed bindings are never
 * returned, even in the moment before they are swept out and reported.
 */
public interface Registrar {

  /** The live contacts of {@code user}, most recently registered first; empty if none. */
  List<Binding> contacts(String user);

  /** The users with at least one live contact. */
  Set<String> users();
}
