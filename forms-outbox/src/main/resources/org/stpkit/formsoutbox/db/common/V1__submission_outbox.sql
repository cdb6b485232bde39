-- forms-outbox: one row per completed journey, written on "Accept and send" in the transaction that
-- also writes its deliveries. The unique journey key is what marks the journey sent: a second
-- attempt (a double click, another instance, a retry after a lost answer) writes nothing and reads
-- the reference recorded first.
CREATE TABLE forms_submission (
  id            VARCHAR(36)   NOT NULL PRIMARY KEY,
  form_id       VARCHAR(200)  NOT NULL,
  form_version  INTEGER       NOT NULL,
  reference     VARCHAR(100)  NOT NULL,
  -- A digest of the session id (never the id itself, which would let a reader take over a journey).
  journey_key   VARCHAR(100)  NOT NULL,
  submitted_at  TIMESTAMP     NOT NULL,
  recorded_at   TIMESTAMP     NOT NULL,
  -- The submission's JSON (forms-engine's SubmissionJson, schemaVersion 1).
  payload       TEXT          NOT NULL,
  CONSTRAINT forms_submission_reference UNIQUE (reference),
  CONSTRAINT forms_submission_journey UNIQUE (form_id, journey_key)
);

-- One row per output of a submission; its id is the idempotency key receivers see on every attempt.
-- A delivery is claimable exactly when next_attempt_at is set (QUEUED and RETRYING).
CREATE TABLE forms_delivery (
  id              VARCHAR(36)   NOT NULL PRIMARY KEY,
  submission_id   VARCHAR(36)   NOT NULL REFERENCES forms_submission (id),
  form_id         VARCHAR(200)  NOT NULL,
  output          VARCHAR(100)  NOT NULL,
  status          VARCHAR(20)   NOT NULL,
  attempts        INTEGER       DEFAULT 0 NOT NULL,
  next_attempt_at TIMESTAMP     NULL,
  claimed_by      VARCHAR(200)  NULL,
  last_error      VARCHAR(4000) NULL,
  created_at      TIMESTAMP     NOT NULL,
  updated_at      TIMESTAMP     NOT NULL,
  delivered_at    TIMESTAMP     NULL,
  CONSTRAINT forms_delivery_once UNIQUE (submission_id, output)
);

-- Deliveries a stopped instance left DELIVERING, the dead letters, and the counters read by status and age.
CREATE INDEX forms_delivery_status_age ON forms_delivery (status, updated_at);

-- The table output's default table: submissions a service reads, once each.
CREATE TABLE forms_received_submission (
  reference     VARCHAR(100)  NOT NULL PRIMARY KEY,
  form_id       VARCHAR(200)  NOT NULL,
  form_version  INTEGER       NOT NULL,
  submitted_at  TIMESTAMP     NOT NULL,
  received_at   TIMESTAMP     NOT NULL,
  payload       TEXT          NOT NULL
);

CREATE INDEX forms_received_submission_form ON forms_received_submission (form_id, submitted_at);
