/** Publishing the webhook's public keys from a Servlet 6 container. */
@NullMarked
package org.stpkit.formsoutbox.servlet;

import org.jspecify.annotations.NullMarked;
