package dev.parley.sip.jainsip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.stack.SIPTransaction;
import java.util.Locale;
import javax.sip.ServerTransaction;
import javax.sip.address.Address;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;

/**
 * What an initial INVITE says about its call, read once when it arrives (see {@link
 * dev.parley.sip.IncomingCall} for each field's meaning).
 *
 * @param remoteHost the packet's source, which behind NAT is not what Via or Contact claim
 * @param transport {@code udp} or {@code tcp}: the transport the INVITE came over
 */
record InviteFacts(
    String callId,
    String requestUser,
    String fromUri,
    String fromUser,
    String fromDisplayName,
    String toUri,
    String remoteHost,
    int remotePort,
    String transport,
    String offerSdp) {

  static InviteFacts of(ServerTransaction inviteTx) {
    Request invite = inviteTx.getRequest();
    SIPMessage m = (SIPMessage) invite;
    Address from = ((FromHeader) invite.getHeader(FromHeader.NAME)).getAddress();
    String display = from.getDisplayName();
    return new InviteFacts(
        ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId(),
        Uris.user(invite.getRequestURI()),
        from.getURI().toString(),
        Uris.user(from.getURI()),
        display == null || display.isBlank() ? null : display,
        ((ToHeader) invite.getHeader(ToHeader.NAME)).getAddress().getURI().toString(),
        m.getPeerPacketSourceAddress().getHostAddress(),
        m.getPeerPacketSourcePort(),
        ((SIPTransaction) inviteTx).getTransport().toLowerCase(Locale.ROOT),
        Messages.body(invite));
  }
}
