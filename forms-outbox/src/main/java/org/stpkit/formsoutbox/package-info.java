/**
 * forms-engine's submissions through a durable outbox: {@link org.stpkit.formsoutbox.FormsDatabase}
 * (PostgreSQL, or H2 embedded), {@link org.stpkit.formsoutbox.FormsOutbox} (recording and delivery),
 * the outputs {@link org.stpkit.formsoutbox.WebhookOutput} and {@link org.stpkit.formsoutbox.SubmissionTable},
 * and {@link org.stpkit.formsoutbox.FormsOutboxOperations} for operators.
 */
@NullMarked
package org.stpkit.formsoutbox;

import org.jspecify.annotations.NullMarked;
