/** Spring Boot auto-configuration for STP Kit's notify: see the module README. */
@NullMarked
package org.stpkit.spring.notify;

import org.jspecify.annotations.NullMarked;
