package dev.parley.sip.jainsip;

import dev.parley.sip.NextHop;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.HopImpl;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sip.InvalidArgumentException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.Hop;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * Builds the requests we originate outside a dialog, INVITE and REGISTER (RFC 3261 §8.1.1): a fresh
 * Call-ID and From tag, CSeq 1, Max-Forwards 70, our Via (the stack adds the branch), Contact and
 * User-Agent. A request that should go to a given {@link NextHop} carries it as the application data
 * that {@link FlowRouter} reads.
 */
final class UacMessages {
  private final Messages messages;
  private final SipProvider provider;

  UacMessages(Messages messages, SipProvider provider) {
    this.messages = messages;
    this.provider = provider;
  }

  Messages messages() {
    return messages;
  }

  /**
   * A new out-of-dialog request.
   *
   * @param from our address-of-record (From), e.g. {@code sip:4930@host}; {@code fromDisplay} may be null
   * @param to the To address (for INVITE the callee, for REGISTER our address-of-record)
   * @param transport {@code udp} or {@code tcp}: Via and Contact say it
   */
  Request create(String method, URI requestUri, String from, String fromDisplay, String to, String transport,
      String contactUser, Map<String, String> extraHeaders) throws ParseException, InvalidArgumentException {
    HeaderFactory h = messages.headerFactory();
    Address fromAddress = messages.addressFactory().createAddress(messages.addressFactory().createURI(from));
    if (fromDisplay != null && !fromDisplay.isBlank()) fromAddress.setDisplayName(fromDisplay);
    FromHeader fromHeader = h.createFromHeader(fromAddress, Messages.newTag());
    ToHeader toHeader = h.createToHeader(messages.addressFactory().createAddress(messages.addressFactory().createURI(to)), null);
    CallIdHeader callId = provider.getNewCallId();
    CSeqHeader cseq = h.createCSeqHeader(1L, method);
    String host = messages.originHost();
    ViaHeader via = h.createViaHeader(host, messages.port(), transport.toUpperCase(Locale.ROOT), null);
    Request r = messages.messageFactory().createRequest(requestUri, method, callId, cseq, fromHeader, toHeader,
        List.of(via), h.createMaxForwardsHeader(70));
    SipURI contact = messages.addressFactory().createSipURI(contactUser, host);
    contact.setPort(messages.port());
    if (!"udp".equals(transport)) contact.setTransportParam(transport);
    r.setHeader(h.createContactHeader(messages.addressFactory().createAddress(contact)));
    messages.stampUserAgent(r);
    if (Request.INVITE.equals(method)) messages.addAllow(r);
    for (Map.Entry<String, String> e : extraHeaders.entrySet()) messages.addHeader(r, e.getKey(), e.getValue());
    return r;
  }

  /** The transport of a request to {@code uri} via {@code hop}: the hop's, else the URI's parameter, else UDP. */
  static String transport(URI uri, NextHop hop) {
    if (hop != null) return hop.transport();
    if (uri instanceof SipURI s && s.getTransportParam() != null) return s.getTransportParam().toLowerCase(Locale.ROOT);
    return "udp";
  }

  /** Makes {@link FlowRouter} send {@code r} to {@code hop} (null: the stack's usual routing). */
  static void routeVia(Request r, NextHop hop) {
    if (hop != null) ((SIPMessage) r).setApplicationData(hopOf(hop));
  }

  static Hop hopOf(NextHop hop) {
    return new HopImpl(hop.host(), hop.port(), hop.transport());
  }

  /**
   * The same request again for a challenge (RFC 3261 §22.2, §8.1.3.5): CSeq + 1, a new branch (a new
   * transaction), the credentials header replaced.
   */
  Request retryWithCredentials(Request previous, String authHeaderName, String authValue)
      throws ParseException, InvalidArgumentException {
    Request r = (Request) previous.clone();
    CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
    cseq.setSeqNumber(cseq.getSeqNumber() + 1);
    ViaHeader via = (ViaHeader) r.getHeader(ViaHeader.NAME);
    via.removeParameter("branch");
    r.removeHeader(authHeaderName);
    DigestHeaders.add(messages, r, authHeaderName, authValue);
    Object flow = ((SIPMessage) previous).getApplicationData();
    if (flow != null) ((SIPMessage) r).setApplicationData(flow);
    return r;
  }
}
