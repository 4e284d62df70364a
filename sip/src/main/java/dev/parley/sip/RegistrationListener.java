package dev.parley.sip;

/**
 * What the registrar did to its bindings, for logging or presence. Events are delivered one at a
 * time, in order, on a virtual thread (never a SIP stack thread); the REGISTER was already answered.
 */
public interface RegistrationListener {

  /** A new contact was bound, or an existing one refreshed (then {@code refresh} is true). */
  default void onRegistered(Binding binding, boolean refresh) {}

  /** A contact lapsed without a refresh. */
  default void onExpired(Binding binding) {}

  /** A contact was removed by its user (Expires 0, or {@code Contact: *}). */
  default void onRemoved(Binding binding) {}

  /** Someone failed to authenticate a REGISTER for {@code user} from {@code sourceHost} (403). */
  default void onAuthenticationFailed(String user, String sourceHost) {}
}
