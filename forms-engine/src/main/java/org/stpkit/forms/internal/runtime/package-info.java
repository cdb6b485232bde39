/** The journey: answers, validation, routing and the pages rendered for them. */
@NullMarked
package org.stpkit.forms.internal.runtime;

import org.jspecify.annotations.NullMarked;
