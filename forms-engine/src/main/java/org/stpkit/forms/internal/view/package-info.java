/**
 * What each kind of page shows, as typed values the FreeMarker templates read: one record per page
 * kind and the frame every page shares. Values only, already in the user's language; optional parts
 * are {@code null} because that is what templates test with {@code ??}.
 */
@NullMarked
package org.stpkit.forms.internal.view;

import org.jspecify.annotations.NullMarked;
