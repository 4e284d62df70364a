-- Billing records and recordings. Portable SQL for SQLite and PostgreSQL: times are epoch
-- milliseconds (UTC) in BIGINT, ids are text, so both databases read and compare them alike.

-- One row per room session: from the room's creation to its end.
CREATE TABLE room_sessions (
    id           VARCHAR(36)  PRIMARY KEY,
    room         VARCHAR(64)  NOT NULL,
    profile      VARCHAR(64)  NOT NULL,
    started_at   BIGINT       NOT NULL,
    ended_at     BIGINT,
    last_seen    BIGINT       NOT NULL,
    peak_members INTEGER      NOT NULL,
    recordings   INTEGER      NOT NULL,
    end_reason   VARCHAR(32)
);
CREATE INDEX room_sessions_room_time ON room_sessions (room, started_at);

-- One row per member per room: opened at join, closed at leave.
CREATE TABLE member_sessions (
    id              VARCHAR(36)  PRIMARY KEY,
    room_session_id VARCHAR(36)  NOT NULL REFERENCES room_sessions (id),
    room            VARCHAR(64)  NOT NULL,
    member_id       INTEGER      NOT NULL,
    caller_number   VARCHAR(255) NOT NULL,
    caller_name     VARCHAR(255) NOT NULL,
    called_number   VARCHAR(255) NOT NULL,
    called_name     VARCHAR(255) NOT NULL,
    direction       VARCHAR(16)  NOT NULL,
    invited_by      VARCHAR(255) NOT NULL,
    joined_at       BIGINT       NOT NULL,
    left_at         BIGINT,
    last_seen       BIGINT       NOT NULL,
    duration_ms     BIGINT,
    leave_reason    VARCHAR(32),
    codec           VARCHAR(32)  NOT NULL,
    call_id         VARCHAR(255) NOT NULL,
    billing         BOOLEAN      NOT NULL
);
CREATE INDEX member_sessions_room_time ON member_sessions (room, joined_at);
CREATE INDEX member_sessions_open ON member_sessions (left_at);

-- One row per recording file.
CREATE TABLE recordings (
    id              VARCHAR(36)   PRIMARY KEY,
    room_session_id VARCHAR(36),
    room            VARCHAR(64)   NOT NULL,
    path            VARCHAR(1024) NOT NULL,
    started_at      BIGINT        NOT NULL,
    ended_at        BIGINT,
    duration_ms     BIGINT,
    size_bytes      BIGINT
);
CREATE INDEX recordings_room_time ON recordings (room, started_at);
