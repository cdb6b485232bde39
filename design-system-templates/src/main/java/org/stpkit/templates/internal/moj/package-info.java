/**
 * MoJ Frontend's components ({@code @ministryofjustice/frontend}): each {@code template.njk} as a
 * Java class, written as the govuk-frontend components in {@code internal.components} are (see
 * {@code dev/PORTING.md}), calling those where MoJ's templates call govuk-frontend's macros.
 */
@NullMarked
package org.stpkit.templates.internal.moj;

import org.jspecify.annotations.NullMarked;
