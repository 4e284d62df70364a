package dev.parley.server.conference;

/** Why a member left a room; billing records and events carry it. */
public enum LeaveReason {
  HUNG_UP,
  KICKED,
  ROOM_ENDED,
  LONELY,
  RTP_TIMEOUT,
  SERVER_STOPPED,
  ERROR
}
