package dev.parley.sip.sdp;

import dev.parley.sip.testing.Templates;

/** SDP files from src/test/resources/sdp/. */
final class SdpFiles {
  private SdpFiles() {}

  static String text(String name) {
    return Templates.resource("sdp/" + name);
  }

  static SessionDescription parse(String name) throws SdpException {
    return SdpParser.parse(text(name));
  }
}
