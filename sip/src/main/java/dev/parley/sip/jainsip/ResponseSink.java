package dev.parley.sip.jainsip;

import javax.sip.ResponseEvent;

/**
 * Who waits for the responses of a client transaction we started: the transaction's application
 * data. Called on the stack's thread; never blocks.
 */
interface ResponseSink {
  void onResponse(ResponseEvent event);

  /** The transaction timed out (Timer B or F, RFC 3261 §17.1): no final response ever came. */
  void onTimeout();

  /** A sink for requests whose outcome changes nothing (BYE, CANCEL, INFO). */
  ResponseSink IGNORE = new ResponseSink() {
    @Override
    public void onResponse(ResponseEvent event) {}

    @Override
    public void onTimeout() {}
  };
}
