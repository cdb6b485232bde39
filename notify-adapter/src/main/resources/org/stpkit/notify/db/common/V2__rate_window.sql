-- Sends made in the last minute, across every node: the rate limit is counted here, under a lock on
-- notify_rate_lock, so that all nodes together never exceed it, even while one takes over from another.
CREATE TABLE notify_send_log (
  id       VARCHAR(36) NOT NULL PRIMARY KEY,
  sent_at  TIMESTAMP   NOT NULL
);

CREATE INDEX notify_send_log_at ON notify_send_log (sent_at);

CREATE TABLE notify_rate_lock (
  name     VARCHAR(50) NOT NULL PRIMARY KEY
);

INSERT INTO notify_rate_lock (name) VALUES ('send');
