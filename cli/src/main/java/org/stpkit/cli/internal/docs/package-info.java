/**
 * {@code stp docs}: the documentation site built from Markdown in {@code docs/} through the kit's
 * own GOV.UK templates, and every check that keeps it true (included samples, schemas, links).
 */
@NullMarked
package org.stpkit.cli.internal.docs;

import org.jspecify.annotations.NullMarked;
