package org.stpkit.formsoutbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.spi.Submission;
import org.stpkit.forms.spi.SubmissionOutbox;
import org.stpkit.formsoutbox.internal.OutboxAssembly;
import org.stpkit.formsoutbox.spi.SubmissionOutput;

/**
 * The submission outbox: on "Accept and send" a form's submission is written to the forms database,
 * in one transaction with marking its journey sent, before the user sees the confirmation; then it
 * is delivered to each of the form's outputs in the background, on whichever instance db-scheduler
 * runs the delivery, with retries, backoff and a dead letter.
 *
 * <pre>{@code
 * FormsOutbox outbox = FormsOutbox.builder(FormsDatabase.on(dataSource))
 *     .form("apply-for-a-licence", outputs -> outputs
 *         .output("case-system", WebhookOutput.to(URI.create("https://cases.internal/submissions"), signingKeys).build())
 *         .output("reporting", SubmissionTable.inFormsDatabase()))
 *     .build();
 * FormEngine engine = FormEngine.builder(form).submissionHandler(outbox.forForm(form)).build();
 * }</pre>
 */
public final class FormsOutbox implements AutoCloseable {
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");

  private final OutboxAssembly assembly;
  private final Map<String, Map<String, SubmissionOutput>> outputs;
  private final FormsDatabase database;
  private final Clock clock;

  private FormsOutbox(Builder builder) {
    this.database = builder.database;
    this.clock = builder.clock;
    this.outputs = Map.copyOf(builder.outputs);
    this.assembly = OutboxAssembly.assemble(new OutboxAssembly.Settings(database.dataSource(), database.isPostgres(),
        outputs, builder.deliver, builder.inBackground, builder.maxInFlight, builder.maxAttempts,
        builder.backoffInitial, builder.backoffMax, builder.attemptTimeout.multipliedBy(2), builder.retainDelivered,
        builder.heartbeat, builder.nodeName, builder.clock));
  }

  public static Builder builder(FormsDatabase database) {
    return new Builder(Objects.requireNonNull(database, "database"));
  }

  /**
   * Where a form's submissions go: give it to {@code FormEngine.Builder.submissionHandler}.
   *
   * @throws FormsOutboxException when the outbox has no outputs for this form
   */
  public SubmissionOutbox forForm(FormDefinition form) {
    Objects.requireNonNull(form, "form");
    if (!outputs.containsKey(form.id())) {
      throw new FormsOutboxException("The outbox has no outputs for form '" + form.id() + "'; it has outputs for "
          + (outputs.isEmpty() ? "no form" : String.join(", ", outputs.keySet())));
    }
    return new SubmissionOutbox() {
      @Override
      public String record(String journeyKey, Submission submission) {
        if (!submission.formId().equals(form.id())) {
          throw new FormsOutboxException("A submission of form '" + submission.formId() + "' was sent to the outbox of '"
              + form.id() + "'");
        }
        return assembly.record(journeyKey, submission);
      }
    };
  }

  /** Delivers what is due now on this thread, until nothing is: for tests and tools. */
  public void deliverNow() {
    assembly.deliverNow();
  }

  /** Operations on this outbox, on its clock: a redrive is due by the clock its deliveries are claimed by. */
  public FormsOutboxOperations operations() {
    return FormsOutboxOperations.on(database.dataSource(), clock);
  }

  /** Stops delivering; attempts under way finish (up to the attempt timeout) or are taken over later. */
  @Override
  public void close() {
    assembly.close();
  }

  /** The outputs of one form, by name. */
  public static final class FormOutputs {
    private final String formId;
    private final Map<String, SubmissionOutput> outputs = new LinkedHashMap<>();

    private FormOutputs(String formId) {
      this.formId = formId;
    }

    /**
     * An output, by a name that stays the same across deployments (deliveries are kept against it):
     * lower-case letters, digits and hyphens.
     */
    public FormOutputs output(String name, SubmissionOutput output) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(output, "output");
      if (!NAME.matcher(name).matches() || name.length() > 100) {
        throw new IllegalArgumentException("Output names are lower-case letters, digits and hyphens (at most 100): '"
            + name + "' of form '" + formId + "'");
      }
      if (outputs.putIfAbsent(name, output) != null) {
        throw new IllegalArgumentException("Form '" + formId + "' has two outputs named '" + name + "'");
      }
      return this;
    }
  }

  /** What the outbox delivers, and how. */
  public static final class Builder {
    private final FormsDatabase database;
    private final Map<String, Map<String, SubmissionOutput>> outputs = new LinkedHashMap<>();
    private boolean deliver = true;
    private boolean inBackground = true;
    private int maxInFlight = 8;
    private int maxAttempts = 15;
    private Duration backoffInitial = Duration.ofSeconds(5);
    private Duration backoffMax = Duration.ofHours(1);
    private Duration attemptTimeout = Duration.ofSeconds(30);
    private Duration retainDelivered = Duration.ofDays(7);
    private Duration heartbeat = Duration.ofSeconds(5);
    private String nodeName = defaultNodeName();
    private Clock clock = Clock.systemUTC();

    private Builder(FormsDatabase database) {
      this.database = database;
    }

    /** A form's outputs; every form the outbox records for needs at least one. */
    public Builder form(String formId, Consumer<FormOutputs> configure) {
      Objects.requireNonNull(formId, "formId");
      Objects.requireNonNull(configure, "configure");
      FormOutputs form = new FormOutputs(formId);
      configure.accept(form);
      if (form.outputs.isEmpty()) {
        throw new IllegalArgumentException("Form '" + formId + "' needs at least one output");
      }
      if (outputs.putIfAbsent(formId, Map.copyOf(form.outputs)) != null) {
        throw new IllegalArgumentException("Form '" + formId + "' is configured twice");
      }
      return this;
    }

    /** Whether this instance delivers (default true); instances that only serve pages may only record. */
    public Builder deliver(boolean deliver) {
      this.deliver = deliver;
      return this;
    }

    /** Whether delivery runs in the background on db-scheduler (default true); false: only {@link FormsOutbox#deliverNow()}. */
    public Builder deliverInBackground(boolean inBackground) {
      this.inBackground = inBackground;
      return this;
    }

    /** How many attempts this instance makes at once (default 8). */
    public Builder maxInFlight(int maxInFlight) {
      if (maxInFlight < 1) {
        throw new IllegalArgumentException("maxInFlight must be at least 1: " + maxInFlight);
      }
      this.maxInFlight = maxInFlight;
      return this;
    }

    /** Attempts before a delivery that keeps failing becomes a dead letter (default 15: about 6 hours with the default backoff). */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The wait after a first failure, doubling (with jitter) up to {@code max} (default 5 seconds, 1 hour). */
    public Builder backoff(Duration initial, Duration max) {
      positive(initial, "backoff initial");
      positive(max, "backoff max");
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("backoff max must not be below initial: " + initial + ", " + max);
      }
      this.backoffInitial = initial;
      this.backoffMax = max;
      return this;
    }

    /**
     * The longest an output's attempt may take (default 30 seconds; give outputs shorter timeouts).
     * A delivery left in progress twice as long is taken to belong to an instance that stopped, and is
     * tried again.
     */
    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = positive(timeout, "attemptTimeout");
      return this;
    }

    /** How long a submission delivered to all its outputs is kept (default 7 days), then deleted. */
    public Builder retainDelivered(Duration retain) {
      this.retainDelivered = positive(retain, "retainDelivered");
      return this;
    }

    /** db-scheduler's heartbeat (default 5 seconds): four missed, and another instance takes over. */
    public Builder heartbeat(Duration heartbeat) {
      this.heartbeat = positive(heartbeat, "heartbeat");
      return this;
    }

    /** This instance's name in the scheduler and the deliveries it claims (default host-pid). */
    public Builder nodeName(String nodeName) {
      this.nodeName = Objects.requireNonNull(nodeName, "nodeName");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public FormsOutbox build() {
      return new FormsOutbox(this);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + duration);
      }
      return duration;
    }

    private static String defaultNodeName() {
      String host;
      try {
        host = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        host = "unknown-host";
      }
      return host + "-" + ProcessHandle.current().pid();
    }
  }
}
