/** The CLI's commands; not an API. */
@NullMarked
package org.stpkit.cli.internal;

import org.jspecify.annotations.NullMarked;
