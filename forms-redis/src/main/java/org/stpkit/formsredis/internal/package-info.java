/** The Redis connection, the session's JSON and the Lua scripts that change it atomically. */
@NullMarked
package org.stpkit.formsredis.internal;

import org.jspecify.annotations.NullMarked;
