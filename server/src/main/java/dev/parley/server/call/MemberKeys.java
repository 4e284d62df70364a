package dev.parley.server.call;

import dev.parley.media.engine.MemberMedia;
import dev.parley.server.conference.Conference;
import dev.parley.server.conference.Member;
import dev.parley.server.conference.Room;
import dev.parley.server.conference.RoomPrompts;
import dev.parley.server.conference.controls.ControlMap;
import dev.parley.server.conference.controls.DigitCollector;
import dev.parley.server.conference.controls.Keypad;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keypad of one member in its room, for calls that dialled in and calls Parley placed alike: runs
 * what a key sequence is bound to, collects a number to invite ({@code *1}, {@code *8NUMBER#}) and
 * keeps the member's last invite for {@code *2}/{@code ##}.
 *
 * <p>Every method runs on the call's key thread (digits and timers are handed to it in order), so the
 * state here needs no lock.
 */
final class MemberKeys {
  private static final Logger log = LoggerFactory.getLogger(MemberKeys.class);
  /** How long the keypad waits for each digit of a number to invite (seed 001: 5 s). */
  private static final long INVITE_DIGIT_TIMEOUT_MILLIS = 5_000;

  /** What the keypad needs of the call it belongs to. */
  interface Call {
    String id();

    Room room();

    Member member();

    MemberMedia media();

    /** The sounds of the member's route: enter-number and trying. */
    RoomPrompts prompts();

    /** The number the member calls from, to say who invited in billing records. */
    String number();

    /** Whether the room's policy lets this member invite now. */
    boolean mayInvite();

    /** Sends the member to where {@code number} routes; false if that is not possible. */
    boolean route(String number);
  }

  private final Call call;
  private final Conference conference;
  private final KeypadActions actions;
  private final Dialer dialer;
  /** Hands a timer's work to the key thread. */
  private final Consumer<Runnable> onKeyThread;
  private Keypad keypad;
  private DigitCollector inviteDigits;
  private Dialer.Invite lastInvite;
  private ScheduledFuture<?> timer;

  MemberKeys(Call call, Conference conference, KeypadActions actions, Dialer dialer, Consumer<Runnable> onKeyThread) {
    this.call = call;
    this.conference = conference;
    this.actions = actions;
    this.dialer = dialer;
    this.onKeyThread = onKeyThread;
  }

  /** The member (re)joined a room: its keys from now on. */
  void start(ControlMap controls, long digitTimeoutMillis) {
    keypad = new Keypad(controls, digitTimeoutMillis);
    inviteDigits = null;
  }

  /** A key the member pressed in its room. */
  void digit(char digit, int durationMillis, String source) {
    Member member = call.member();
    if (keypad == null || member == null) return;
    Room room = call.room();
    log.info("call {}: digit '{}' ({} ms, {})", call.id(), digit, durationMillis, source);
    room.dtmf(member, digit, durationMillis, source);
    if (inviteDigits != null) {
      String number = inviteDigits.press(digit);
      if (number != null) invitationNumber(number);
      else arm(INVITE_DIGIT_TIMEOUT_MILLIS, () -> invitationNumber(null));
      return;
    }
    handle(keypad.press(digit, System.currentTimeMillis()));
    Keypad.Outcome.Run extra = keypad.takePending();
    if (extra != null) handle(extra);
  }

  /** The call ended: no timer fires any more. */
  void stop() {
    cancel();
  }

  private void handle(Keypad.Outcome o) {
    switch (o) {
      case Keypad.Outcome.Run run -> {
        cancel();
        actions.run(call.room(), call.member(), run.sequence(), run.target(), callSide);
      }
      case Keypad.Outcome.Waiting w -> arm(Math.max(1, w.deadlineMillis() - System.currentTimeMillis()),
          () -> handle(keypad.timeout(System.currentTimeMillis())));
      case Keypad.Outcome.Idle i -> cancel();
    }
  }

  // ---------------------------------------------------------------- inviting

  /** {@link KeypadActions.CallSide#invite}: checks the room's policy, then collects the number. */
  private boolean startInvite(boolean prompt) {
    if (!call.mayInvite()) {
      log.info("call {}: may not invite in room {} ({})", call.id(), call.room().name(),
          call.room().profile().invitePolicy().key());
      return false;
    }
    inviteDigits = new DigitCollector(11, '#');
    var ask = call.prompts().enterNumber();
    if (prompt && ask != null) call.media().play("enter-number", false, ask);
    arm(INVITE_DIGIT_TIMEOUT_MILLIS, () -> invitationNumber(null));
    return true;
  }

  /** The number is complete (or the digits timed out: {@code null}). */
  private void invitationNumber(String number) {
    cancel();
    inviteDigits = null;
    Room room = call.room();
    Member inviter = call.member();
    if (number == null || number.length() < 4) {
      log.info("call {}: invite abandoned ({})", call.id(), number == null ? "no digits in time" : "too short");
      room.playTo(inviter, "beep", actions.tones().error);
      return;
    }
    String dial = dialer.forKeyedNumber(number);
    if (dial == null) {
      log.info("call {}: {} digits lead nowhere (no gateway)", call.id(), number.length());
      room.playTo(inviter, "beep", actions.tones().error);
      return;
    }
    var trying = call.prompts().trying();
    if (trying != null) call.media().play("trying", false, trying);
    String id = call.id();
    try {
      lastInvite = dialer.dial(room, dial, room.name(), Set.of(), Placement.invitedBy(inviter.id(), call.number()),
          new Dialer.Outcome() {
            @Override
            public void answered() {
              log.info("call {}: invited {} answered", id, dial);
            }

            @Override
            public void failed(int status, String reason) {
              log.info("call {}: invite of {} failed: {} {}", id, dial, status, reason);
              room.playTo(inviter, "beep", actions.tones().error);
            }
          });
      log.info("call {}: inviting {} into room {}", id, dial, room.name());
    } catch (IllegalArgumentException | IllegalStateException e) {
      log.info("call {}: cannot invite {}: {}", id, dial, e.getMessage());
      room.playTo(inviter, "beep", actions.tones().error);
    }
  }

  private boolean cancelLastInvite() {
    Dialer.Invite i = lastInvite;
    if (i == null) return false;
    lastInvite = null;
    log.info("call {}: ends its invite of {}", call.id(), i.dialString());
    i.end();
    return true;
  }

  private final KeypadActions.CallSide callSide = new KeypadActions.CallSide() {
    @Override
    public boolean route(String number) {
      return call.route(number);
    }

    @Override
    public boolean invite(boolean prompt) {
      return startInvite(prompt);
    }

    @Override
    public boolean cancelInvite() {
      return cancelLastInvite();
    }
  };

  private void arm(long millis, Runnable work) {
    cancel();
    timer = conference.timers().schedule(() -> onKeyThread.accept(work), millis, TimeUnit.MILLISECONDS);
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
