/**
 * Case milestones become GOV.UK Notify messages: start with
 * {@link org.stpkit.notify.MilestoneMessenger#builder()}.
 */
@NullMarked
package org.stpkit.notify;

import org.jspecify.annotations.NullMarked;
