-- A retry looks its message up in Notify before sending it again, in case an earlier send whose
-- answer was lost (a timeout, a dropped connection, a 5xx) was in fact accepted. After a definite
-- refusal to create it (429: Notify checks its limits before it creates anything) there is nothing
-- to find, and the lookup would only spend a request against the very limit that was hit.
-- This is the number of the attempt Notify answered that way: the next attempt (attempts = it) sends
-- without a lookup. NULL, or any other number, means look up first: rows written before this
-- column, and rows an older node changed afterwards (its claim counts one more attempt, so a number
-- left behind no longer matches).
ALTER TABLE notify_outbox ADD COLUMN not_created_attempt INTEGER NULL;

-- A redrive starts a failed message's attempts again from 0 (it gets maxAttempts anew), and 0
-- attempts alone would say it never reached Notify. But a message that failed after a lost answer,
-- a timeout or a 5xx may be in Notify already, so the first send after a redrive looks it up too.
-- This says the message was attempted before a redrive: the redrive sets it when it resets attempts
-- from above 0, and it stays set (it is a fact about the message, read only while attempts = 0).
-- Rows older code redrove are found by their REDRIVEN event: every message that failed had at
-- least one attempt (failures come from a send's answer or Notify's status).
ALTER TABLE notify_outbox ADD COLUMN attempted_before_redrive BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE notify_outbox SET attempted_before_redrive = TRUE
  WHERE EXISTS (SELECT 1 FROM notify_event e WHERE e.message_id = notify_outbox.id AND e.status = 'REDRIVEN');
