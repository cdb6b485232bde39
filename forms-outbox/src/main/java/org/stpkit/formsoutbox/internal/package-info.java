/** The outbox's tables, recording, claiming and delivering, and the scheduler that runs it. */
@NullMarked
package org.stpkit.formsoutbox.internal;

import org.jspecify.annotations.NullMarked;
