-- Scheduled conferences (issue 6, seed 002). Portable SQL for SQLite and PostgreSQL, like V1: times
-- and durations are milliseconds in BIGINT, ids are text.

CREATE TABLE schedules (
    id              VARCHAR(36)  PRIMARY KEY,
    room            VARCHAR(64)  NOT NULL,
    title           VARCHAR(255) NOT NULL,
    starts_at       BIGINT       NOT NULL,
    ends_at         BIGINT       NOT NULL,
    warning_ms      BIGINT       NOT NULL,
    join_early_ms   BIGINT       NOT NULL,
    retries         INTEGER      NOT NULL,
    retry_delay_ms  BIGINT       NOT NULL,
    record          BOOLEAN      NOT NULL,
    created_at      BIGINT       NOT NULL
);
CREATE INDEX schedules_room_time ON schedules (room, starts_at);

-- The people of a schedule, in the order they were listed. The organiser is the one with role ORGANISER.
CREATE TABLE schedule_participants (
    schedule_id  VARCHAR(36)  NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    position     INTEGER      NOT NULL,
    name         VARCHAR(255) NOT NULL,
    number       VARCHAR(64),
    dial         VARCHAR(1024),
    role         VARCHAR(16)  NOT NULL,
    pin          VARCHAR(16),
    PRIMARY KEY (schedule_id, position)
);
