package org.stpkit.spring.idam;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code stp.idam.*}: staff sign in through Keycloak, and joiners, movers and leavers keep the
 * realm in line with HR.
 *
 * @param enabled whether anything here is configured (it also needs {@code keycloak.server-url})
 * @param keycloak the realm and this service's client in it
 * @param roles how Keycloak's roles become Spring Security authorities
 * @param login sign-in in the browser (OIDC) and how sessions end
 * @param reconcile the scheduled joiners, movers and leavers run
 */
@ConfigurationProperties("stp.idam")
@Validated
public record StpIdamProperties(
    @DefaultValue("true") boolean enabled,
    @Valid @DefaultValue Keycloak keycloak,
    @Valid @DefaultValue Roles roles,
    @Valid @DefaultValue Login login,
    @Valid @DefaultValue Reconcile reconcile) {

  /**
   * @param serverUrl Keycloak's base URL, such as {@code https://sso.example.gov.uk}
   * @param realm the realm staff sign in to
   * @param clientId this service's client in the realm
   * @param clientSecret its secret (confidential client)
   * @param audience the audience bearer tokens must carry (default: the client id; Keycloak adds it with an audience mapper)
   * @param registrationId the name of the sign-in registration, in Spring's URLs ({@code /oauth2/authorization/<id>})
   * @param scopes the scopes asked for at sign-in
   */
  public record Keycloak(
      @Nullable URI serverUrl,
      @Nullable String realm,
      @Nullable String clientId,
      @Nullable String clientSecret,
      @Nullable String audience,
      @DefaultValue("keycloak") @NotBlank(message = "must not be blank") String registrationId,
      @DefaultValue({"openid", "profile", "email"}) @NotEmpty(message = "must name at least openid") List<String> scopes) {

    @AssertTrue(message = "stp.idam.keycloak.realm and stp.idam.keycloak.client-id must be set with stp.idam.keycloak.server-url")
    public boolean isRealmAndClientGiven() {
      return serverUrl == null || (realm != null && !realm.isBlank() && clientId != null && !clientId.isBlank());
    }

    @AssertTrue(message = "stp.idam.keycloak.scopes must include openid: sign-in is OpenID Connect")
    public boolean isOpenIdAsked() {
      return scopes.contains("openid");
    }

    /** {@code <serverUrl>/realms/<realm>}. */
    public String issuer() {
      return String.valueOf(serverUrl).replaceFirst("/+$", "") + "/realms/" + realm;
    }
  }

  /**
   * @param clients the clients whose roles become authorities, as {@code ROLE_<client>:<role>} (default: this service's)
   * @param prefix what each authority starts with ({@code ROLE_}, so that {@code hasRole("caseworker")} works)
   */
  public record Roles(@DefaultValue List<String> clients, @DefaultValue("ROLE_") String prefix) {}

  /**
   * @param backChannelLogout whether Keycloak's back-channel logout ends this service's sessions
   *     (Keycloak calls {@code /logout/connect/back-channel/<registration-id>}: set that as the client's back-channel logout URL)
   * @param tokenCheck whether each signed-in request checks that Keycloak still accepts the session, by
   *     refreshing the access token once it has expired; a refused refresh (a disabled user, an ended session) signs the user out
   * @param postLogoutRedirect where Keycloak sends the browser after signing out
   */
  public record Login(
      @DefaultValue("true") boolean backChannelLogout,
      @DefaultValue("true") boolean tokenCheck,
      @DefaultValue("{baseUrl}/") String postLogoutRedirect) {}

  /**
   * @param enabled whether the run is scheduled
   * @param feed the HR feed (CSV or SCIM JSON), a Spring resource location
   * @param policy the access policy (YAML), a Spring resource location
   * @param every how often it runs
   * @param initialDelay how long after start-up the first run waits
   * @param clientId the tool's confidential client, whose service account holds the realm-management roles it needs
   * @param clientSecret its secret
   * @param auditLog where every change is appended, as JSON lines
   * @param allowMassChange whether a plan over the policy's thresholds is applied (never by default)
   */
  public record Reconcile(
      @DefaultValue("false") boolean enabled,
      @Nullable String feed,
      @Nullable String policy,
      @DefaultValue("1h") Duration every,
      @DefaultValue("1m") Duration initialDelay,
      @DefaultValue("stp-idam") String clientId,
      @Nullable String clientSecret,
      @DefaultValue("stp-idam-audit.jsonl") Path auditLog,
      @DefaultValue("false") boolean allowMassChange) {

    @AssertTrue(message = "stp.idam.reconcile.feed, .policy and .client-secret must be set when stp.idam.reconcile.enabled=true")
    public boolean isComplete() {
      return !enabled || (feed != null && !feed.isBlank() && policy != null && !policy.isBlank()
          && clientSecret != null && !clientSecret.isBlank());
    }

    @AssertTrue(message = "stp.idam.reconcile.every must be at least one second")
    public boolean isEveryPositive() {
      return every.compareTo(Duration.ofSeconds(1)) >= 0;
    }
  }
}
