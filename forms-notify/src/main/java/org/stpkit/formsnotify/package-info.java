/**
 * forms-outbox's bridge to notify-adapter: {@link org.stpkit.formsnotify.NotifyOutput} delivers a
 * submission by reaching a milestone with it, so that the catalogue's messages (the user's
 * confirmation email, the team's notification) are sent through Notify, once each.
 */
@NullMarked
package org.stpkit.formsnotify;

import org.jspecify.annotations.NullMarked;
