-- db-scheduler's table (github.com/kagkarlsson/db-scheduler): it runs the dispatch on one node at a
-- time and moves it to another when a node stops sending heartbeats.
CREATE TABLE notify_scheduled_tasks (
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

CREATE INDEX notify_scheduled_tasks_execution_time ON notify_scheduled_tasks (execution_time);
CREATE INDEX notify_scheduled_tasks_last_heartbeat ON notify_scheduled_tasks (last_heartbeat);
