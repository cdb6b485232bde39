package org.stpkit.idam.internal;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.WebTarget;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.BearerAuthFilter;
import org.stpkit.idam.KeycloakConnection;

/** Builds the admin client for a connection: a pooled HTTP client with the connection's timeouts. */
final class KeycloakClients {
  private KeycloakClients() {}

  /** A pooled HTTP client of {@code connections} connections, kept alive between calls. */
  static Client http(KeycloakConnection connection, int connections) {
    return new ResteasyClientBuilderImpl()
        .connectionPoolSize(connections)
        .maxPooledPerRoute(connections)
        .connectTimeout(connection.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(connection.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .build();
  }

  /** An admin client over {@code http}, signed in as the connection says. */
  static Keycloak admin(KeycloakConnection connection, Client http) {
    KeycloakBuilder builder = KeycloakBuilder.builder()
        .serverUrl(connection.serverUrl())
        .realm(connection.authRealm())
        .clientId(connection.clientId())
        .resteasyClient(http);
    if (connection.usesPassword()) {
      builder.grantType(OAuth2Constants.PASSWORD).username(connection.username()).password(connection.password());
    } else {
      builder.grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientSecret(connection.clientSecret());
    }
    return builder.build();
  }

  /** The managed realm's admin API on {@code http}, with the admin client's token (renewed as it renews it). */
  static WebTarget realmTarget(KeycloakConnection connection, Client http, Keycloak admin) {
    return http.target(connection.serverUrl()).path("admin").path("realms").path(connection.realm())
        .register(new BearerAuthFilter(admin.tokenManager()));
  }
}
