/** Spring Boot auto-configuration for STP Kit's idam: see the module README. */
@NullMarked
package org.stpkit.spring.idam;

import org.jspecify.annotations.NullMarked;
