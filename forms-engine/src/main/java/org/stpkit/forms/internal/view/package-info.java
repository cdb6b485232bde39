/**
 * What each kind of page shows, as typed values {@code PageWriter} draws: one record per page kind
 * and the frame every page shares. Values only, already in the user's language; an optional part is
 * {@code null} when the page leaves it out.
 */
@NullMarked
package org.stpkit.forms.internal.view;

import org.jspecify.annotations.NullMarked;
