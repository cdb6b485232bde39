-- forms-engine's "Save and come back later": one row per link sent. The link's secret is never kept,
-- only its SHA-256 digest; the saved answers (progress, JSON) are removed when the link is used,
-- refused or expires, and the row itself 90 days after it expires. The email address is not kept.
CREATE TABLE forms_saved_progress (
  id                    VARCHAR(36)   NOT NULL PRIMARY KEY,
  token_hash            VARCHAR(100)  NOT NULL,
  form_id               VARCHAR(200)  NOT NULL,
  form_version          INTEGER       NOT NULL,
  saved_at              TIMESTAMP     NOT NULL,
  expires_at            TIMESTAMP     NOT NULL,
  used_at               TIMESTAMP     NULL,
  -- Answers given to the security question, right or wrong, counted before each is checked.
  attempts              INTEGER       DEFAULT 0 NOT NULL,
  -- PBKDF2, salted: security answers are short and guessable.
  security_answer_hash  VARCHAR(300)  NULL,
  return_path           VARCHAR(1000) NOT NULL,
  -- The answers as typed, the pages completed and the language; NULL once used, refused or expired.
  progress              TEXT          NULL,
  CONSTRAINT forms_saved_progress_token UNIQUE (token_hash)
);

CREATE INDEX forms_saved_progress_expiry ON forms_saved_progress (expires_at);
