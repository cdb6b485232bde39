package org.stpkit.forms.internal.view;

import org.jspecify.annotations.Nullable;

/** The confirmation page: the reference in a panel and what happens next. */
public record ConfirmationView(PageFrame frame, String heading, String reference, @Nullable String body) {}
