package org.stpkit.forms;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.stpkit.forms.spi.ProgressStore;
import org.stpkit.forms.spi.ReturnLinkSender;

/**
 * How a form whose definition offers "Save and come back later" ({@code saveAndReturn}) keeps the
 * journeys saved and sends their links. Give it to {@link FormEngine.Builder#saveAndReturn}.
 *
 * <pre>{@code
 * SaveAndReturn saving = SaveAndReturn.builder(URI.create("https://apply.example.gov.uk/apply"),
 *         FormsProgressStore.on(database), NotifyReturnLinkSender.milestone(messenger, "PROGRESS_SAVED"))
 *     .linkValidFor(Duration.ofDays(28))
 *     .build();
 * }</pre>
 */
public final class SaveAndReturn {
  private final URI formUrl;
  private final ProgressStore progressStore;
  private final ReturnLinkSender sender;
  private final Duration linkValidFor;
  private final int maxWrongAnswers;

  private SaveAndReturn(Builder builder) {
    this.formUrl = builder.formUrl;
    this.progressStore = builder.progressStore;
    this.sender = builder.sender;
    this.linkValidFor = builder.linkValidFor;
    this.maxWrongAnswers = builder.maxWrongAnswers;
  }

  /**
   * @param formUrl the public address of the form, where its mount path is served (the links are
   *     below it); configured rather than read from requests, whose Host header anyone can set
   * @param progressStore where saved journeys are kept: one every instance shares, that outlives them
   * @param sender sends each link to the address the user gives
   */
  public static Builder builder(URI formUrl, ProgressStore progressStore, ReturnLinkSender sender) {
    return new Builder(formUrl, progressStore, sender);
  }

  /** The public address of the form; links are {@code <formUrl>/return/<secret>}. */
  public URI formUrl() {
    return formUrl;
  }

  public ProgressStore progressStore() {
    return progressStore;
  }

  public ReturnLinkSender sender() {
    return sender;
  }

  /** How long a link works, from when the journey is saved (default 28 days). */
  public Duration linkValidFor() {
    return linkValidFor;
  }

  /** Wrong answers to the security question after which the link no longer works (default 5). */
  public int maxWrongAnswers() {
    return maxWrongAnswers;
  }

  /** The settings of save and return. */
  public static final class Builder {
    private final URI formUrl;
    private final ProgressStore progressStore;
    private final ReturnLinkSender sender;
    private Duration linkValidFor = Duration.ofDays(28);
    private int maxWrongAnswers = 5;

    private Builder(URI formUrl, ProgressStore progressStore, ReturnLinkSender sender) {
      Objects.requireNonNull(formUrl, "formUrl");
      String scheme = formUrl.getScheme();
      if (!formUrl.isAbsolute() || !("https".equals(scheme) || "http".equals(scheme)) || formUrl.getHost() == null
          || formUrl.getRawQuery() != null || formUrl.getRawFragment() != null || formUrl.getPath().endsWith("/")) {
        throw new IllegalArgumentException("formUrl must be an absolute http(s) address with no query, fragment or"
            + " trailing slash, such as https://apply.example.gov.uk/apply: " + formUrl);
      }
      this.formUrl = formUrl;
      this.progressStore = Objects.requireNonNull(progressStore, "progressStore");
      this.sender = Objects.requireNonNull(sender, "sender");
    }

    /** How long a link works (default 28 days). */
    public Builder linkValidFor(Duration validFor) {
      Objects.requireNonNull(validFor, "validFor");
      if (validFor.isNegative() || validFor.isZero()) {
        throw new IllegalArgumentException("linkValidFor must be positive: " + validFor);
      }
      this.linkValidFor = validFor;
      return this;
    }

    /** Wrong answers to the security question after which the link stops working and the answers are deleted (default 5). */
    public Builder maxWrongAnswers(int maxWrongAnswers) {
      if (maxWrongAnswers < 1) {
        throw new IllegalArgumentException("maxWrongAnswers must be at least 1: " + maxWrongAnswers);
      }
      this.maxWrongAnswers = maxWrongAnswers;
      return this;
    }

    public SaveAndReturn build() {
      return new SaveAndReturn(this);
    }
  }
}
