-- A retry looks its message up in Notify before sending it again, in case an earlier send whose
-- answer was lost (a timeout, a dropped connection, a 5xx) was in fact accepted. After a definite
-- refusal to create it (429: Notify checks its limits before it creates anything) there is nothing
-- to find, and the lookup would only spend a request against the very limit that was hit.
-- This is the number of the attempt Notify answered that way: the next attempt (attempts = it) sends
-- without a lookup. NULL, or any other number, means look up first: rows written before this
-- column, and rows an older node changed afterwards (its claim counts one more attempt, so a number
-- left behind no longer matches).
ALTER TABLE notify_outbox ADD COLUMN not_created_attempt INTEGER NULL;
