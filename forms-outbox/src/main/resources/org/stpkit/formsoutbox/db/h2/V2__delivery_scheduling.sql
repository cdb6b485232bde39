-- db-scheduler's table (github.com/kagkarlsson/db-scheduler): it runs the delivery on one instance at
-- a time and moves it to another when an instance stops sending heartbeats.
CREATE TABLE forms_scheduled_tasks (
  task_name            VARCHAR(255) NOT NULL,
  task_instance        VARCHAR(255) NOT NULL,
  task_data            VARBINARY,
  execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
  picked               BOOLEAN NOT NULL,
  picked_by            VARCHAR(255),
  last_success         TIMESTAMP WITH TIME ZONE,
  last_failure         TIMESTAMP WITH TIME ZONE,
  consecutive_failures INT,
  last_heartbeat       TIMESTAMP WITH TIME ZONE,
  version              BIGINT NOT NULL,
  priority             SMALLINT,
  PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX forms_scheduled_tasks_execution_time ON forms_scheduled_tasks (execution_time);
CREATE INDEX forms_scheduled_tasks_last_heartbeat ON forms_scheduled_tasks (last_heartbeat);

-- H2 has no partial indexes; rows with no next_attempt_at sort first and are skipped by the range.
CREATE INDEX forms_delivery_due ON forms_delivery (next_attempt_at);
