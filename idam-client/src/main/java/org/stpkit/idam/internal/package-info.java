/** Implementation of idam-client; never used from other modules. */
@NullMarked
package org.stpkit.idam.internal;

import org.jspecify.annotations.NullMarked;
