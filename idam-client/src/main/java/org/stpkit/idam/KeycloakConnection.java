package org.stpkit.idam;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and as whom the tool talks to Keycloak's admin API. The tool itself should use a
 * confidential client's service account ({@link #clientCredentials}) holding only the
 * realm-management roles listed in the module README; {@link #adminPassword} is for the one-off
 * setup that declares attributes in the user profile, which needs a realm administrator.
 */
public final class KeycloakConnection {
  private final String serverUrl;
  private final String realm;
  private final String authRealm;
  private final String clientId;
  private final String clientSecret;
  private final String username;
  private final String password;
  private final Duration connectTimeout;
  private final Duration readTimeout;

  private KeycloakConnection(String serverUrl, String realm, String authRealm, String clientId, String clientSecret,
      String username, String password, Duration connectTimeout, Duration readTimeout) {
    this.serverUrl = serverUrl.replaceAll("/+$", "");
    this.realm = realm;
    this.authRealm = authRealm;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.username = username;
    this.password = password;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
  }

  /** A service account of a confidential client in the realm the tool manages. */
  public static KeycloakConnection clientCredentials(String serverUrl, String realm, String clientId, String clientSecret) {
    requireText("serverUrl", serverUrl);
    requireText("realm", realm);
    requireText("clientId", clientId);
    requireText("clientSecret", clientSecret);
    return new KeycloakConnection(serverUrl, realm, realm, clientId, clientSecret, "", "",
        Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  /** An administrator signing in to {@code authRealm} (often {@code master}) through {@code admin-cli}. */
  public static KeycloakConnection adminPassword(String serverUrl, String realm, String authRealm, String username,
      String password) {
    requireText("serverUrl", serverUrl);
    requireText("realm", realm);
    requireText("username", username);
    return new KeycloakConnection(serverUrl, realm, authRealm, "admin-cli", "", username, password,
        Duration.ofSeconds(5), Duration.ofSeconds(30));
  }

  /** Timeouts for each admin API call; a timed-out call is retried. Defaults: 5 s to connect, 30 s to answer. */
  public KeycloakConnection withTimeouts(Duration connect, Duration read) {
    return new KeycloakConnection(serverUrl, realm, authRealm, clientId, clientSecret, username, password,
        Objects.requireNonNull(connect), Objects.requireNonNull(read));
  }

  public String serverUrl() {
    return serverUrl;
  }

  /** The realm whose users are managed. */
  public String realm() {
    return realm;
  }

  public String authRealm() {
    return authRealm;
  }

  public String clientId() {
    return clientId;
  }

  public String clientSecret() {
    return clientSecret;
  }

  public boolean usesPassword() {
    return !username.isEmpty();
  }

  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  public Duration connectTimeout() {
    return connectTimeout;
  }

  public Duration readTimeout() {
    return readTimeout;
  }

  @Override
  public String toString() {
    return (usesPassword() ? username + "@" + authRealm : clientId) + " -> " + serverUrl + "/admin/realms/" + realm;
  }

  private static void requireText(String name, String value) {
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " is blank");
    }
  }
}
