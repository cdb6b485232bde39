/** Implementation of forms-engine; never used from other modules. */
@NullMarked
package org.stpkit.forms.internal;

import org.jspecify.annotations.NullMarked;
