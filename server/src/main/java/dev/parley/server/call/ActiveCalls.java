package dev.parley.server.call;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The calls in progress, so shutdown can end each one with BYE. Thread-safe. */
public final class ActiveCalls {
  private final Set<CallSession> calls = ConcurrentHashMap.newKeySet();

  void add(CallSession s) {
    calls.add(s);
  }

  void remove(CallSession s) {
    calls.remove(s);
  }

  public int size() {
    return calls.size();
  }

  public List<CallSession> snapshot() {
    return List.copyOf(calls);
  }
}
