/** The {@code stp} command-line tool. */
@NullMarked
package org.stpkit.cli;

import org.jspecify.annotations.NullMarked;
