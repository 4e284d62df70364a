package dev.parley.sip.jainsip;

import dev.parley.sip.DigestRealm;
import dev.parley.sip.SipGuard;
import dev.parley.testkit.fuzz.Fuzzer;
import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.Test;

/**
 * Mutated SIP messages through the parser the stack uses ({@link TidyParserFactory}) and then through
 * everything of ours that reads a request before a call exists: the RFC 3261 §8.2 checks, the guard,
 * digest credentials, the INVITE's URIs. The parser may refuse with {@link ParseException}; nothing
 * may throw anything else (the stack would log it and drop the message, or worse, lose a thread).
 */
class SipMessageFuzzTest {
  /** As the RI's channels do: a bad core header fails the message, any other is kept as unparsed. */
  private static final Set<Class<?>> CORE = Set.of(From.class, To.class, Via.class, CSeq.class, CallID.class,
      ContentLength.class, RequestLine.class, StatusLine.class);

  private static final ParseExceptionListener LIKE_THE_STACK = (ex, message, headerClass, header, text) -> {
    if (headerClass != null && CORE.contains(headerClass)) throw ex;
    message.addUnparsed(header);
  };

  private final MessageParser parser = new TidyParserFactory().createMessageParser(null);
  private final RequestGuard guard = new RequestGuard(SipGuard.defaults());
  private final DigestAuthenticator auth =
      new DigestAuthenticator(DigestRealm.of("parley", u -> Optional.of("secret")), Clock.systemUTC());

  @Test
  void anyDatagramIsParsedAndCheckedOrRefusedWithAParseException() {
    Fuzzer.forCorpusOf(SipMessageFuzzTest.class)
        .alsoSeededFrom(SipMessageFuzzTest.class, "sip/torture/valid")
        .alsoSeededFrom(SipMessageFuzzTest.class, "sip/torture/invalid")
        .alsoSeededFrom(SipMessageFuzzTest.class, "sip/rfc4475")
        .dictionary(List.of("\r\n", "\r\n ", ": ", ";tag=", ";branch=z9hG4bK", "<sip:", "sips:", "tel:", ">", "\"",
            "Via: SIP/2.0/UDP 127.0.0.1", "Content-Length: ", "CSeq: 1 INVITE", "Require: ", "Contact: *",
            "Max-Forwards: ", "Content-Type: application/sdp", "Authorization: Digest ", "username=\"", "nonce=\"",
            "%00", "%", "[::1]", "SIP/2.0", "INVITE ", "ACK ", ";lr", ";maddr=", ";received=", ";rport"))
        .rounds(12_000)
        .run(this::parseAndCheck);
  }

  /** The most the stack hands over: a UDP datagram (65,507 bytes) or a TCP message (MAX_MESSAGE_SIZE). */
  private static final int LARGEST_MESSAGE = 65_536;

  private void parseAndCheck(byte[] mutated) throws Exception {
    byte[] input = mutated.length <= LARGEST_MESSAGE ? mutated : java.util.Arrays.copyOf(mutated, LARGEST_MESSAGE);
    SIPMessage m;
    try {
      m = parser.parseSIPMessage(input, true, false, LIKE_THE_STACK);
    } catch (ParseException refused) {
      return;
    }
    if (!(m instanceof SIPRequest request) || request.getRequestLine() == null) return;
    // What RequestDispatcher does before any transaction exists, in its order.
    boolean inDialog = ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() != null;
    if (!Request.ACK.equals(request.getMethod())) guard.screen(request, inDialog);
    RequestChecks.check(request);
    if (Request.INVITE.equals(request.getMethod())) RequestChecks.contact(request);
    Uris.user(request.getRequestURI());
    Uris.user(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI());
    auth.verify(request, false);
    auth.verify(request, true);
    Messages.body(request);
  }
}
