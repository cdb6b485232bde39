/**
 * GOV.UK Frontend components and page template as FreeMarker macros.
 *
 * <p>Start with {@link org.stpkit.templates.GovukTemplates#create()}.
 */
@NullMarked
package org.stpkit.templates;

import org.jspecify.annotations.NullMarked;
