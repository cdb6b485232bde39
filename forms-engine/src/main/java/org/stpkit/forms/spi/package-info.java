/** Extension points: where answers are kept and where submissions go. */
@NullMarked
package org.stpkit.forms.spi;

import org.jspecify.annotations.NullMarked;
