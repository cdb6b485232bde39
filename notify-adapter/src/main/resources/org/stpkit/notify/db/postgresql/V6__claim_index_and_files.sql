-- Only claimable messages are in the claim index.
CREATE INDEX notify_outbox_claimable ON notify_outbox (priority, next_attempt_at) WHERE next_attempt_at IS NOT NULL;

-- Files sent by email and letters' PDFs, kept with their message until Notify has it, then deleted.
CREATE TABLE notify_attachment (
  message_id                    VARCHAR(36)  NOT NULL REFERENCES notify_outbox (id),
  -- The template placeholder of an emailed file's link; '' for a letter's PDF.
  placeholder                   VARCHAR(200) NOT NULL,
  filename                      VARCHAR(500) NOT NULL,
  content                       BYTEA        NOT NULL,
  confirm_email_before_download BOOLEAN      NOT NULL,
  retention_weeks               INTEGER      NOT NULL,
  PRIMARY KEY (message_id, placeholder)
);
