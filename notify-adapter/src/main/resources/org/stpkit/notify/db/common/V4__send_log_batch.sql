-- A slot is held until 60 seconds after the request it stands for has ended (when the pass that
-- made it finishes), so that Notify, which counts a request when it arrives, never sees more than
-- the limit in a minute.
ALTER TABLE notify_send_log ADD COLUMN batch_id VARCHAR(36);
