/**
 * Keycloak for services: verify access tokens with {@link org.stpkit.idam.TokenVerifier}.
 */
@NullMarked
package org.stpkit.idam;

import org.jspecify.annotations.NullMarked;
