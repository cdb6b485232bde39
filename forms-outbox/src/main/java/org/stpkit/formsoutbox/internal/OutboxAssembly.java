package org.stpkit.formsoutbox.internal;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.stpkit.forms.spi.Submission;
import org.stpkit.formsoutbox.spi.SubmissionOutput;

/**
 * The outbox's parts from its settings: recording, and, on instances that deliver, the dispatcher
 * and the db-scheduler task that runs it on one instance at a time.
 */
public final class OutboxAssembly implements AutoCloseable {
  /** How long one scheduled run claims before it hands delivery back to the scheduler. */
  private static final Duration RUN_BUDGET = Duration.ofSeconds(10);
  /** How often the scheduler looks for a due run. */
  private static final Duration POLLING_INTERVAL = Duration.ofMillis(250);
  /** Missed heartbeats before another instance takes the delivery over. */
  private static final int MISSED_HEARTBEATS = 4;

  /**
   * What an outbox is built from.
   *
   * @param outputs each form's outputs by name, in the order they were given
   * @param deliver whether this instance delivers (false: it only records)
   * @param inBackground deliver on db-scheduler's thread (false: only when {@link #deliverNow} is called)
   * @param staleAfter a delivery left DELIVERING longer than this belongs to an instance that stopped
   */
  public record Settings(DataSource dataSource, boolean postgres, Map<String, Map<String, SubmissionOutput>> outputs,
      boolean deliver, boolean inBackground, int maxInFlight, int maxAttempts, Duration backoffInitial,
      Duration backoffMax, Duration staleAfter, Duration retainDelivered, Duration heartbeat, String nodeName,
      Clock clock) {}

  private final Settings settings;
  private final SubmissionRecorder recorder;
  private final Optional<Dispatcher> dispatcher;
  private final Optional<Scheduler> scheduler;

  private OutboxAssembly(Settings settings, SubmissionRecorder recorder, Optional<Dispatcher> dispatcher,
      Optional<Scheduler> scheduler) {
    this.settings = settings;
    this.recorder = recorder;
    this.dispatcher = dispatcher;
    this.scheduler = scheduler;
  }

  public static OutboxAssembly assemble(Settings settings) {
    SubmissionRecorder recorder = new SubmissionRecorder(settings.dataSource(), settings.postgres(), settings.clock());
    if (!settings.deliver()) {
      return new OutboxAssembly(settings, recorder, Optional.empty(), Optional.empty());
    }
    Map<Deliveries.Target, SubmissionOutput> targets = new LinkedHashMap<>();
    settings.outputs().forEach((form, outputs) -> outputs.forEach((name, output) ->
        targets.put(new Deliveries.Target(form, name), output)));
    Dispatcher dispatcher = new Dispatcher(new Deliveries(settings.dataSource(), settings.nodeName()), targets,
        new Dispatcher.Settings(settings.maxInFlight(), settings.maxAttempts(), settings.backoffInitial(),
            settings.backoffMax(), settings.staleAfter(), settings.retainDelivered()), settings.clock());
    if (!settings.inBackground()) {
      return new OutboxAssembly(settings, recorder, Optional.of(dispatcher), Optional.empty());
    }
    RecurringTask<Void> task = Tasks.recurring("forms-delivery", FixedDelay.ofMillis(200))
        .execute((instance, context) -> dispatcher.run(RUN_BUDGET));
    Scheduler scheduler = Scheduler.create(settings.dataSource())
        .tableName("forms_scheduled_tasks")
        .startTasks(task)
        .threads(1)
        .pollingInterval(POLLING_INTERVAL)
        .heartbeatInterval(settings.heartbeat())
        .missedHeartbeatsLimit(MISSED_HEARTBEATS)
        .schedulerName(new SchedulerName.Fixed(settings.nodeName()))
        .build();
    scheduler.start();
    return new OutboxAssembly(settings, recorder, Optional.of(dispatcher), Optional.of(scheduler));
  }

  /** Records a submission of a form and its deliveries; the reference of the journey's submission. */
  public String record(String journeyKey, Submission submission) {
    List<String> outputs = List.copyOf(settings.outputs().get(submission.formId()).keySet());
    return recorder.record(journeyKey, submission, outputs);
  }

  /** Delivers what is due, on this thread. */
  public void deliverNow() {
    dispatcher.orElseThrow(() -> new IllegalStateException("This outbox does not deliver (deliver(false))")).deliverNow();
  }

  @Override
  public void close() {
    scheduler.ifPresent(Scheduler::stop);
    dispatcher.ifPresent(Dispatcher::close);
  }
}
