package dev.parley.sip.registrar;

import dev.parley.sip.Binding;
import dev.parley.sip.Registrar;
import dev.parley.sip.RegistrarPolicy;
import dev.parley.sip.registrar.RegisterOutcome.Change;
import dev.parley.sip.registrar.RegisterRequest.Contact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.time.Clock;
import java.util.Collections;

/**
 * The location service (RFC 3261 §10.3): user -> contact URI -> binding. Every method takes the
 * current time, so expiry is tested without waiting. Thread-safe (one monitor; the table is small and
 * REGISTERs are rare next to everything else).
 */
public final class BindingTable implements Registrar {
  private final RegistrarPolicy policy;
  private final Clock clock;
  /** Per user, contact URI -> binding, in registration order. */
  private final Map<String, LinkedHashMap<String, Binding>> byUser = new HashMap<>();

  public BindingTable(RegistrarPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Applies a REGISTER whose sender has been authorised for {@code request.user()}: all of it or
   * nothing (§10.3 step 7: "committed if and only if all binding updates and additions succeed").
   */
  public synchronized RegisterOutcome apply(RegisterRequest request, Instant now) {
    LinkedHashMap<String, Binding> current = live(request.user(), now);
    // Bindings that lapsed since the last sweep are reported with this request's changes, so that
    // every lapse is told exactly once, whoever notices it first.
    List<Change> lapsed = new ArrayList<>();
    Map<String, Binding> all = byUser.getOrDefault(request.user(), new LinkedHashMap<>());
    all.values().stream().filter(b -> !current.containsKey(b.contactUri()))
        .forEach(b -> lapsed.add(new Change(Change.Kind.EXPIRED, b)));
    RegisterOutcome outcome = request.wildcard() ? removeAll(request, current) : update(request, current, now);
    if (outcome instanceof RegisterOutcome.Accepted a && !lapsed.isEmpty()) {
      lapsed.addAll(a.changes());
      return new RegisterOutcome.Accepted(a.bindings(), List.copyOf(lapsed));
    }
    return outcome;
  }

  private RegisterOutcome update(RegisterRequest request, LinkedHashMap<String, Binding> current, Instant now) {

    // Step 7: the expiry of each contact; any one too brief refuses the whole request.
    List<Long> expiries = new ArrayList<>();
    for (Contact c : request.contacts()) {
      long e = c.expires() >= 0 ? c.expires() : request.requestExpires() >= 0 ? request.requestExpires()
          : policy.defaultExpires().toSeconds();
      if (e != 0 && e < policy.minExpires().toSeconds()) return new RegisterOutcome.TooBrief(policy.minExpires().toSeconds());
      expiries.add(Math.min(e, policy.maxExpires().toSeconds()));
    }

    LinkedHashMap<String, Binding> next = new LinkedHashMap<>(current);
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < request.contacts().size(); i++) {
      String uri = request.contacts().get(i).uri();
      long expires = expiries.get(i);
      Binding old = next.get(uri);
      if (old != null && old.callId().equals(request.callId()) && request.cseq() <= old.cseq()) {
        // Same Call-ID, not a higher CSeq: an old or reordered request (step 7); it fails as a whole.
        return new RegisterOutcome.Refused(500, "Out of order CSeq");
      }
      if (expires == 0) {
        if (old != null) {
          next.remove(uri);
          changes.add(new Change(Change.Kind.REMOVED, old));
        }
        continue;
      }
      Binding b = new Binding(request.user(), uri, request.sourceHost(), request.sourcePort(), request.transport(),
          request.callId(), request.cseq(), now.plusSeconds(expires));
      next.remove(uri); // re-inserted last: most recent at the end
      next.put(uri, b);
      changes.add(new Change(old == null ? Change.Kind.ADDED : Change.Kind.REFRESHED, b));
    }
    store(request.user(), next);
    return new RegisterOutcome.Accepted(newestFirst(next), changes);
  }

  /** §10.3 step 6: "*" only with Expires 0 and as the only Contact; then every binding goes. */
  private RegisterOutcome removeAll(RegisterRequest request, LinkedHashMap<String, Binding> current) {
    if (request.requestExpires() != 0 || !request.contacts().isEmpty()) {
      return new RegisterOutcome.Refused(400, "Contact * needs Expires 0 and no other Contact");
    }
    List<Change> changes = new ArrayList<>();
    for (Binding old : current.values()) {
      if (old.callId().equals(request.callId()) && request.cseq() <= old.cseq()) {
        return new RegisterOutcome.Refused(500, "Out of order CSeq");
      }
      changes.add(new Change(Change.Kind.REMOVED, old));
    }
    store(request.user(), new LinkedHashMap<>());
    return new RegisterOutcome.Accepted(List.of(), changes);
  }

  /** Removes and returns the bindings that lapsed by {@code now}. */
  public synchronized List<Binding> sweep(Instant now) {
    List<Binding> lapsed = new ArrayList<>();
    for (var it = byUser.values().iterator(); it.hasNext(); ) {
      LinkedHashMap<String, Binding> contacts = it.next();
      contacts.values().removeIf(b -> {
        boolean gone = !b.expiresAt().isAfter(now);
        if (gone) lapsed.add(b);
        return gone;
      });
      if (contacts.isEmpty()) it.remove();
    }
    lapsed.sort(Comparator.comparing(Binding::expiresAt));
    return lapsed;
  }

  /** The live bindings of {@code user} at {@code now}, newest first. */
  public synchronized List<Binding> contacts(String user, Instant now) {
    return newestFirst(live(user, now));
  }

  @Override
  public List<Binding> contacts(String user) {
    return contacts(user, clock.instant());
  }

  @Override
  public synchronized Set<String> users() {
    Instant now = clock.instant();
    Set<String> users = new TreeSet<>();
    byUser.forEach((u, m) -> {
      if (m.values().stream().anyMatch(b -> b.expiresAt().isAfter(now))) users.add(u);
    });
    return users;
  }

  private LinkedHashMap<String, Binding> live(String user, Instant now) {
    LinkedHashMap<String, Binding> out = new LinkedHashMap<>();
    Map<String, Binding> m = byUser.get(user);
    if (m != null) m.forEach((uri, b) -> {
      if (b.expiresAt().isAfter(now)) out.put(uri, b);
    });
    return out;
  }

  private void store(String user, LinkedHashMap<String, Binding> contacts) {
    if (contacts.isEmpty()) byUser.remove(user);
    else byUser.put(user, contacts);
  }

  private static List<Binding> newestFirst(LinkedHashMap<String, Binding> m) {
    List<Binding> l = new ArrayList<>(m.values());
    Collections.reverse(l);
    return List.copyOf(l);
  }
}
