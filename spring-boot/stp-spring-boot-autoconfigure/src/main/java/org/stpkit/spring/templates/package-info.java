/** Spring Boot auto-configuration for STP Kit's templates: see the module README. */
@NullMarked
package org.stpkit.spring.templates;

import org.jspecify.annotations.NullMarked;
