/**
 * Form definitions (YAML or JSON) and the engine that serves them as GOV.UK-pattern journeys.
 *
 * <p>Start with {@link org.stpkit.forms.FormDefinitions#load(java.nio.file.Path)}.
 */
@NullMarked
package org.stpkit.forms;

import org.jspecify.annotations.NullMarked;
