package org.stpkit.examples.caseworking;

import java.time.Instant;
import java.util.Map;

/**
 * An application to extend permission to stay, as the service keeps it.
 *
 * @param answers the citizen's answers as shown to caseworkers, by question name, in form order
 * @param status the last milestone reached
 */
public record Application(String reference, String applicantName, String applicantEmail, String permissionType,
    Map<String, String> answers, Milestone status, Instant submittedAt) {}
