/**
 * GOV.UK Frontend components (Java, and FreeMarker directives by their Nunjucks macro names) and the page template.
 *
 * <p>Start with {@link org.stpkit.templates.GovukTemplates#create()}.
 */
@NullMarked
package org.stpkit.templates;

import org.jspecify.annotations.NullMarked;
