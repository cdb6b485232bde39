-- notify-adapter's outbox: one row per message a case's milestone makes, written in the caller's
-- transaction, so that nothing is sent for work that was rolled back and nothing is lost.
CREATE TABLE notify_outbox (
  id               VARCHAR(36)   NOT NULL PRIMARY KEY,
  case_ref         VARCHAR(200)  NOT NULL,
  milestone        VARCHAR(200)  NOT NULL,
  message_name     VARCHAR(200)  NOT NULL,
  -- The normalised recipient: the same milestone reached again for the same case and recipient queues nothing.
  recipient_key    VARCHAR(1000) NOT NULL,
  channel          VARCHAR(10)   NOT NULL,
  template_id      VARCHAR(36)   NOT NULL,
  recipient        VARCHAR(1000) NOT NULL,
  personalisation  TEXT          NOT NULL,
  notify_reference VARCHAR(100)  NOT NULL,
  status           VARCHAR(20)   NOT NULL,
  attempts         INTEGER       NOT NULL DEFAULT 0,
  next_attempt_at  TIMESTAMP     NULL,
  notify_id        VARCHAR(36)   NULL,
  failure_type     VARCHAR(100)  NULL,
  failure_message  VARCHAR(4000) NULL,
  created_at       TIMESTAMP     NOT NULL,
  updated_at       TIMESTAMP     NOT NULL,
  CONSTRAINT notify_outbox_reference UNIQUE (notify_reference),
  CONSTRAINT notify_outbox_once UNIQUE (case_ref, milestone, message_name, recipient_key)
);

CREATE INDEX notify_outbox_due ON notify_outbox (status, next_attempt_at);
CREATE INDEX notify_outbox_case ON notify_outbox (case_ref, created_at);

-- What happened to each message, in order: the case timeline.
CREATE TABLE notify_event (
  id          VARCHAR(36)   NOT NULL PRIMARY KEY,
  message_id  VARCHAR(36)   NOT NULL REFERENCES notify_outbox (id),
  at          TIMESTAMP     NOT NULL,
  status      VARCHAR(20)   NOT NULL,
  detail      VARCHAR(4000) NULL
);

CREATE INDEX notify_event_message ON notify_event (message_id, at);
