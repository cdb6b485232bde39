package org.stpkit.idam.internal;

import jakarta.ws.rs.client.Client;
import java.util.concurrent.TimeUnit;
import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.stpkit.idam.KeycloakConnection;

/** Builds the admin client for a connection: a pooled HTTP client with the connection's timeouts. */
final class KeycloakClients {
  private KeycloakClients() {}

  /** An admin client with {@code connections} pooled HTTP connections, signed in as the connection says. */
  static Keycloak open(KeycloakConnection connection, int connections) {
    Client http = new ResteasyClientBuilderImpl()
        .connectionPoolSize(connections)
        .maxPooledPerRoute(connections)
        .connectTimeout(connection.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .readTimeout(connection.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .build();
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
}
