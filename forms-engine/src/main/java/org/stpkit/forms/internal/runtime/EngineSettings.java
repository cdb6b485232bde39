package org.stpkit.forms.internal.runtime;

import java.time.Clock;
import java.time.Duration;
import org.stpkit.forms.FormDefinition;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.forms.spi.SubmissionHandler;
import org.stpkit.templates.GovukTemplates;

/**
 * What a form's engine is built from.
 *
 * @param mountPath where the form is served, such as {@code /apply} ({@code ""} for the root)
 * @param assetPath where govuk-frontend's assets are served
 */
public record EngineSettings(
    FormDefinition form,
    GovukTemplates templates,
    AnswerStore answerStore,
    SubmissionHandler submissionHandler,
    String mountPath,
    String assetPath,
    Duration sessionTimeout,
    Clock clock,
    java.util.Optional<AnswerBinding<?>> binding) {}
