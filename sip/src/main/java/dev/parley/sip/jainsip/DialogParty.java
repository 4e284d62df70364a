package dev.parley.sip.jainsip;

import javax.sip.ServerTransaction;
import javax.sip.message.Request;

/**
 * Our side of a dialog, the application data of its {@link javax.sip.Dialog}: an incoming call
 * ({@link JainSipCall}) or one we placed ({@link OutgoingDialog}). The dispatcher hands it the
 * in-dialog requests on the stack's thread; implementations never block.
 */
interface DialogParty {
  String callId();

  /** An ACK for one of our 2xx responses. */
  void onAck(Request ack);

  void onBye(ServerTransaction st);

  void onReinvite(ServerTransaction st);

  void onInfo(ServerTransaction st);

  boolean isTerminated();

  /** The server is closing: end without signalling. */
  void onServerClosed();
}
