/** Jakarta Servlet adapters for the templates module: serving the assets from the jar. */
@NullMarked
package org.stpkit.templates.servlet;

import org.jspecify.annotations.NullMarked;
