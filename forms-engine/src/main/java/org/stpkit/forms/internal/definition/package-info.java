/** Reading and checking form definitions. */
@NullMarked
package org.stpkit.forms.internal.definition;

import org.jspecify.annotations.NullMarked;
