/** The Java class of each govuk-frontend component, rendering from its params as its Nunjucks macro does. */
@NullMarked
package org.stpkit.templates.internal.components;

import org.jspecify.annotations.NullMarked;
