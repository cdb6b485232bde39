package org.stpkit.examples.caseworking;

import java.time.Instant;
import java.util.Optional;

/** A milestone a caseworker (or the citizen's submission) recorded on an application. */
public record CaseEvent(Milestone milestone, Optional<String> detail, String recordedBy, Instant recordedAt) {}
