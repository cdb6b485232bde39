/**
 * "Apply to extend your permission to stay": a fictional Home Office-style service assembled from
 * STP Kit with its Spring Boot starters. Citizens apply through a form (forms-engine), caseworkers
 * sign in through Keycloak and record milestones that send the applicant's messages
 * (notify-adapter), and staff accounts come from an HR feed (idam-client).
 */
@NullMarked
package org.stpkit.examples.caseworking;

import org.jspecify.annotations.NullMarked;
