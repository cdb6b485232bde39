-- Dispatch without passes (docs/adr/0004): a message is claimable exactly when next_attempt_at is
-- set (QUEUED and RETRYING); every other status clears it, so the claim reads one index in order of
-- priority and of when each message fell due.
UPDATE notify_outbox SET next_attempt_at = NULL WHERE status NOT IN ('QUEUED', 'RETRYING');
DROP INDEX notify_outbox_due;

-- Urgent messages (0) go before normal ones (1).
ALTER TABLE notify_outbox ADD COLUMN priority SMALLINT DEFAULT 1 NOT NULL;
-- The Notify service (named API key) a message goes through; '' is the messenger's default service.
ALTER TABLE notify_outbox ADD COLUMN service VARCHAR(100) DEFAULT '' NOT NULL;
ALTER TABLE notify_outbox ADD COLUMN email_reply_to_id VARCHAR(36) NULL;
ALTER TABLE notify_outbox ADD COLUMN sms_sender_id VARCHAR(36) NULL;
ALTER TABLE notify_outbox ADD COLUMN unsubscribe_url VARCHAR(2000) NULL;
-- A letter from a PDF has a postage and no template.
ALTER TABLE notify_outbox ADD COLUMN postage VARCHAR(20) NULL;
ALTER TABLE notify_outbox ALTER COLUMN template_id DROP NOT NULL;

-- Status polls and the recovery of messages a stopped node left SENDING read by status and age.
CREATE INDEX notify_outbox_status_age ON notify_outbox (status, updated_at);

-- One row per claim rather than per request: slots is how many requests it stands for, per service.
ALTER TABLE notify_send_log ADD COLUMN slots INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE notify_send_log ADD COLUMN service VARCHAR(100) DEFAULT '' NOT NULL;

-- Text messages people sent to the service's number, as Notify reports them; kept once each.
CREATE TABLE notify_received_text (
  id             VARCHAR(36)   NOT NULL PRIMARY KEY,
  service        VARCHAR(100)  NOT NULL,
  user_number    VARCHAR(50)   NOT NULL,
  notify_number  VARCHAR(50)   NULL,
  content        VARCHAR(1000) NOT NULL,
  received_at    TIMESTAMP     NOT NULL,
  handled        BOOLEAN       DEFAULT FALSE NOT NULL
);

CREATE INDEX notify_received_text_at ON notify_received_text (service, received_at);
