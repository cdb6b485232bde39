/** The Jakarta Servlet adapter: a form mounted at a path in any Servlet 6 container. */
@NullMarked
package org.stpkit.forms.servlet;

import org.jspecify.annotations.NullMarked;
