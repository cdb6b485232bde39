/**
 * Reading the YAML and JSON files people write — form definitions, access policies, milestone
 * catalogues, simulator configurations — so that every value keeps its line and column, and
 * reporting every problem at once as {@code file:line:column: path: message}.
 *
 * <pre>{@code
 * LocatedDocument document = LocatedDocument.parse(text, "policy.yaml");
 * List<Problem> problems = new ArrayList<>(document.problems());   // syntax, keys given twice, aliases
 * document.root().ifPresent(root -> {
 *   LocatedNode rules = root.get("rules").orElse(null);
 *   if (rules == null) problems.add(root.problem("rules is required"));
 * });
 * }</pre>
 */
@NullMarked
package org.stpkit.definition;

import org.jspecify.annotations.NullMarked;
