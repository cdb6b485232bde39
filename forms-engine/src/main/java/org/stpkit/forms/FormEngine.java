package org.stpkit.forms;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.stpkit.forms.internal.runtime.JourneyFlow;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.forms.spi.FileStore;
import org.stpkit.forms.spi.InMemoryAnswerStore;
import org.stpkit.forms.spi.SubmissionHandler;
import org.stpkit.forms.spi.VirusScanner;
import org.stpkit.templates.GovukTemplates;

/**
 * Serves one form as a GOV.UK-pattern journey, framework-neutral: a {@link FormRequest} in, a
 * {@link FormResponse} (a page or a redirect) out. Thread-safe; build one per form and share it.
 *
 * <pre>{@code
 * FormEngine engine = FormEngine.builder(FormDefinitions.load(path))
 *     .mountPath("/apply")
 *     .submissionHandler(submission -> outbox.add(submission))
 *     .build();
 * FormResponse response = engine.handle(FormRequest.get("/age", sessionId));
 * }</pre>
 */
public final class FormEngine {
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(FormEngine.class.getName());
  private final JourneyFlow journey;
  private final FormDefinition form;
  private final String mountPath;

  private FormEngine(Builder builder) {
    this.form = builder.form;
    this.mountPath = builder.mountPath;
    this.journey = JourneyFlow.create(new JourneyFlow.Settings(builder.form, Optional.ofNullable(builder.saveAndReturn),
        builder.templates == null ? ownTemplates() : builder.templates,
        builder.answerStore == null ? new InMemoryAnswerStore(builder.clock) : builder.answerStore,
        Objects.requireNonNull(builder.submissionHandler), builder.mountPath, builder.assetPath, builder.sessionTimeout,
        builder.clock, Optional.ofNullable(builder.bindTo), builder.messages,
        builder.timeoutWarning == null ? defaultWarning(builder.sessionTimeout) : builder.timeoutWarning),
        Optional.ofNullable(builder.virusScanner), Optional.ofNullable(builder.fileStore));
  }

  /**
   * The engine's own templates skip the check of each component's params against govuk-frontend's
   * documented options: the engine builds every params map itself, from a definition already checked
   * when it was read, and FormAccessibilityIT draws every kind of page with the check on. The check
   * was about a seventh of the engine's own work for a page cycle ({@code FormPageCycleBenchmark}).
   */
  private static GovukTemplates ownTemplates() {
    return GovukTemplates.builder().validateParams(false).build();
  }

  /** Two minutes before, or half way through a session shorter than four minutes. */
  private static Duration defaultWarning(Duration sessionTimeout) {
    Duration twoMinutes = Duration.ofMinutes(2);
    return sessionTimeout.compareTo(twoMinutes.multipliedBy(2)) < 0 ? sessionTimeout.dividedBy(2) : twoMinutes;
  }

  public static Builder builder(FormDefinition form) {
    return new Builder(form);
  }

  public FormDefinition form() {
    return form;
  }

  /** Answers one request. Never throws for anything a user can send: bad input gets a page. */
  public FormResponse handle(FormRequest request) {
    return journey.handle(Objects.requireNonNull(request, "request"));
  }

  /**
   * The GOV.UK page for a request an adapter refuses before the engine sees it (400 unreadable, 405,
   * 413 too large) or for an unexpected failure (500).
   */
  public FormResponse.Page problemPage(int status) {
    return journey.problemPage(status);
  }

  /** The path the form is served at ({@code ""} for the root). */
  public String mountPath() {
    return mountPath;
  }

  /** How a form is served. */
  public static final class Builder {
    private final FormDefinition form;
    private @Nullable GovukTemplates templates;
    private @Nullable AnswerStore answerStore;
    private @Nullable SubmissionHandler submissionHandler;
    private @Nullable SaveAndReturn saveAndReturn;
    private String mountPath = "";
    private String assetPath = "/assets";
    private Duration sessionTimeout = Duration.ofMinutes(60);
    private Clock clock = Clock.systemUTC();
    private @Nullable Class<? extends Record> bindTo;
    private final Map<String, Map<String, String>> messages = new HashMap<>();
    private @Nullable Duration timeoutWarning;
    private @Nullable VirusScanner virusScanner;
    private @Nullable FileStore fileStore;

    private Builder(FormDefinition form) {
      this.form = Objects.requireNonNull(form, "form");
    }

    /** Where the form is served, such as {@code /apply}; links and redirects start with it. Default: the root. */
    public Builder mountPath(String mountPath) {
      Objects.requireNonNull(mountPath, "mountPath");
      if (!mountPath.isEmpty() && (!mountPath.startsWith("/") || mountPath.endsWith("/"))) {
        throw new IllegalArgumentException("mountPath must be empty or start with / and not end with /: " + mountPath);
      }
      this.mountPath = mountPath;
      return this;
    }

    /** Where govuk-frontend's assets are served (default {@code /assets}). */
    public Builder assetPath(String assetPath) {
      this.assetPath = Objects.requireNonNull(assetPath, "assetPath");
      return this;
    }

    /**
     * Shared templates; by default the engine makes its own, which do not check the params it builds
     * against govuk-frontend's documented options (its tests do).
     */
    public Builder templates(GovukTemplates templates) {
      this.templates = Objects.requireNonNull(templates, "templates");
      return this;
    }

    /** Where journeys are kept (default: in memory). */
    public Builder answerStore(AnswerStore answerStore) {
      this.answerStore = Objects.requireNonNull(answerStore, "answerStore");
      return this;
    }

    /** Where completed forms go; required. */
    public Builder submissionHandler(SubmissionHandler submissionHandler) {
      this.submissionHandler = Objects.requireNonNull(submissionHandler, "submissionHandler");
      return this;
    }

    /**
     * Where journeys saved with "Save and come back later" are kept, and how their links are sent: required
     * when the form's definition offers it ({@code saveAndReturn}), and used only then.
     */
    public Builder saveAndReturn(SaveAndReturn saveAndReturn) {
      this.saveAndReturn = Objects.requireNonNull(saveAndReturn, "saveAndReturn");
      return this;
    }

    /** How long a journey is kept without a request (default 60 minutes). */
    public Builder sessionTimeout(Duration sessionTimeout) {
      Objects.requireNonNull(sessionTimeout, "sessionTimeout");
      if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
        throw new IllegalArgumentException("sessionTimeout must be positive: " + sessionTimeout);
      }
      this.sessionTimeout = sessionTimeout;
      return this;
    }

    /**
     * How long before the session times out a modal warning opens, with a button that keeps the
     * session alive (default two minutes, or half a session shorter than four minutes). It must be
     * shorter than the session timeout.
     */
    public Builder timeoutWarning(Duration before) {
      Objects.requireNonNull(before, "before");
      if (before.isNegative() || before.isZero()) {
        throw new IllegalArgumentException("timeoutWarning must be positive: " + before);
      }
      this.timeoutWarning = before;
      return this;
    }

    /**
     * Binds the answers to a record whose components are named as the questions, and checks them
     * with the record's Jakarta Validation constraints: each answer when its page is posted (the
     * message shows on that field), the whole record (class-level constraints too) before sending.
     * The submission then carries the record: {@link org.stpkit.forms.spi.Submission#answersAs(Class)}.
     *
     * @throws FormsException at {@link #build()} naming each component that matches no question or
     *     whose type cannot hold the question's answer
     */
    public Builder bindAnswersTo(Class<? extends Record> recordType) {
      this.bindTo = Objects.requireNonNull(recordType, "recordType");
      return this;
    }

    /**
     * Replaces the engine's own words in one language ({@code en} or {@code cy}) by message key, as
     * in the bundle {@code org/stpkit/forms/messages/forms.properties}: buttons, page titles, problem
     * pages, check your answers. Patterns are {@link java.text.MessageFormat}s.
     */
    public Builder messages(String language, Map<String, String> overrides) {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(overrides, "overrides");
      messages.merge(language, Map.copyOf(overrides), (before, added) -> {
        Map<String, String> merged = new HashMap<>(before);
        merged.putAll(added);
        return Map.copyOf(merged);
      });
      return this;
    }

    /**
     * What scans every uploaded file before it is kept: required for a form with file questions
     * ({@code ClamAvScanner.at(host, 3310).build()}; {@link VirusScanner#acceptingUnscanned()} only for prototypes).
     */
    public Builder virusScanner(VirusScanner virusScanner) {
      this.virusScanner = Objects.requireNonNull(virusScanner, "virusScanner");
      return this;
    }

    /**
     * Where uploaded files are kept while their journey lasts (default: a new directory in the system's
     * temporary folder; {@code FileSystemFileStore.in(directory)} for a directory of yours).
     */
    public Builder fileStore(FileStore fileStore) {
      this.fileStore = Objects.requireNonNull(fileStore, "fileStore");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public FormEngine build() {
      if (submissionHandler == null) {
        throw new IllegalStateException("A FormEngine needs a submissionHandler: where completed forms go");
      }
      if (form.saveAndReturn().isPresent() && saveAndReturn == null) {
        // Refused at start-up: a button that saves nothing, or sends no link, would lose users' answers.
        String problem = "Form '" + form.id() + "' offers save and return (saveAndReturn in its definition) but the"
            + " engine has no return-link sender: give it saveAndReturn(SaveAndReturn.builder(formUrl, progressStore,"
            + " sender).build()), such as forms-outbox's FormsProgressStore and forms-notify's NotifyReturnLinkSender";
        LOG.severe(problem);
        throw new IllegalStateException(problem);
      }
      if (timeoutWarning != null && timeoutWarning.compareTo(sessionTimeout) >= 0) {
        throw new IllegalStateException("The timeout warning (" + timeoutWarning + ") must open before the session times out ("
            + sessionTimeout + ")");
      }
      return new FormEngine(this);
    }
  }
}
