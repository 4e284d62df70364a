package dev.parley.server.api;

/**
 * A request the API refuses, with the HTTP status and the stable error code clients may branch on.
 * Thrown by handlers; {@link ApiServer} turns it into {@code {"error": {"code", "message"}}}.
 */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String code;

  public ApiException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  /** e.g. {@code room_not_found}; listed in the OpenAPI document's {@code Error} schema. */
  public String code() {
    return code;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "bad_request", message);
  }

  public static ApiException roomNotFound(String room) {
    return new ApiException(404, "room_not_found", "no room named '" + room + "'");
  }

  public static ApiException memberNotFound(String room, String member) {
    return new ApiException(404, "member_not_found", "no member " + member + " in room '" + room + "'");
  }

  /** For actions whose feature is not built yet: said plainly rather than faked. */
  public static ApiException notImplemented(String what) {
    return new ApiException(501, "not_implemented", what + " is not implemented yet");
  }
}
