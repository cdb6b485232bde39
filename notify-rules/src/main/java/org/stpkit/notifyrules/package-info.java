/**
 * GOV.UK Notify's own rules, in one place: what recipients Notify accepts and how it normalises
 * them, what a file sent by email may be, and letter postage. notify-adapter checks messages with
 * them before anything is queued; notify-simulator answers with Notify's errors from them.
 */
@NullMarked
package org.stpkit.notifyrules;

import org.jspecify.annotations.NullMarked;
