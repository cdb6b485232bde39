/**
 * Inbound SCIM 2.0 (RFC 7643, 7644) for HR and identity systems to push joiners, movers and leavers:
 * {@link org.stpkit.idam.scim.ScimProvisioning}, framework-neutral, and
 * {@link org.stpkit.idam.scim.ScimServlet}, its thin Jakarta Servlet 6 adapter.
 */
@NullMarked
package org.stpkit.idam.scim;

import org.jspecify.annotations.NullMarked;
