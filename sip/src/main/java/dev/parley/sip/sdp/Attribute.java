package dev.parley.sip.sdp;

import java.util.Objects;

/**
 * An {@code a=} line that the model does not interpret (RFC 4566 §5.13): {@code a=name:value}, or
 * {@code a=name} with a {@code null} value (a property attribute).
 */
public record Attribute(String name, String value) {
  public Attribute {
    Objects.requireNonNull(name, "name");
  }

  /** The line's text after {@code a=}. */
  public String text() {
    return value == null ? name : name + ":" + value;
  }
}
