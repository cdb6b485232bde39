/** Catalogue reading, recipient rules and the outbox; never used from other modules. */
@NullMarked
package org.stpkit.notify.internal;

import org.jspecify.annotations.NullMarked;
