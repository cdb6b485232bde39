/** HTML output and the JavaScript value semantics (truthiness, defaults, escaping) the Nunjucks macros rely on. */
@NullMarked
package org.stpkit.templates.internal.html;

import org.jspecify.annotations.NullMarked;
