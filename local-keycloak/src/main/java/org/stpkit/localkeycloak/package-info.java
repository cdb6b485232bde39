/**
 * A Keycloak from its Maven Central distribution, run on this machine: {@link
 * org.stpkit.localkeycloak.LocalKeycloak} starts and stops it, {@link
 * org.stpkit.localkeycloak.Distributions} unpacks the distribution once into a cache, and {@link
 * org.stpkit.localkeycloak.KeycloakJava} chooses the JDK it runs on.
 */
@NullMarked
package org.stpkit.localkeycloak;

import org.jspecify.annotations.NullMarked;
