/** Spring Boot auto-configuration for STP Kit's forms: see the module README. */
@NullMarked
package org.stpkit.spring.forms;

import org.jspecify.annotations.NullMarked;
