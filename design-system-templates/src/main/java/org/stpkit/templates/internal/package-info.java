/** Implementation of the templates module; never referenced from outside it. */
@NullMarked
package org.stpkit.templates.internal;

import org.jspecify.annotations.NullMarked;
