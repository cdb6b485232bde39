/** The Jakarta Servlet endpoint for Notify's delivery-receipt callbacks. */
@NullMarked
package org.stpkit.notify.servlet;

import org.jspecify.annotations.NullMarked;
