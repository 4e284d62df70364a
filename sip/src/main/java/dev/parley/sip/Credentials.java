package dev.parley.sip;

import java.util.Objects;

/** A digest username and password we answer challenges with (RFC 3261 §22.2). */
public record Credentials(String user, String password) {
  public Credentials {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /** Never shows the password (these records end up in log lines and assertion messages). */
  @Override
  public String toString() {
    return "Credentials[user=" + user + ", password=***]";
  }
}
