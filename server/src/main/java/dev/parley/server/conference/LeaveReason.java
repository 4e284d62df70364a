package dev.parley.server.conference;

/** Why a member left a room; billing records and events carry it. */
public enum LeaveReason {
  HUNG_UP,
  KICKED,
  /** Sent to another room (a route key, the API); the call goes on there. */
  MOVED,
  ROOM_ENDED,
  LONELY,
  RTP_TIMEOUT,
  SERVER_STOPPED,
  ERROR
}
