/** The simulator's HTTP handling, rules and state; never used from other modules. */
@NullMarked
package org.stpkit.notifysimulator.internal;

import org.jspecify.annotations.NullMarked;
