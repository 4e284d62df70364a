package dev.parley.server.call;

import dev.parley.media.audio.Prompt;
import java.util.function.Function;

/**
 * A caller to a scheduled room who was not recognised by its number: it may still give the PIN of a
 * listed person ({@code lookup}), and otherwise hears {@code refusal} ("there is no conference
 * scheduled for you") and is hung up.
 *
 * @param refusal played before the BYE
 * @param lookup the request a keyed PIN makes of the caller, or null for a wrong one; null when nobody
 *     in the schedule has a PIN (then the caller is refused at once)
 */
record ScheduleGate(Prompt refusal, Function<String, JoinRequest> lookup) {}
