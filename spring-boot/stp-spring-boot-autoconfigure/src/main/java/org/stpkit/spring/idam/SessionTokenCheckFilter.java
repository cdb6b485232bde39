package org.stpkit.spring.idam;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The second line behind back-channel logout: on each signed-in request, the session's access
 * token is refreshed once it has expired (the manager does nothing before then). Keycloak refuses
 * the refresh of a user who was disabled or whose sessions were ended, and then this service's
 * session ends too, within one access-token lifetime, even if Keycloak's back-channel call never
 * arrived. A GET is sent to sign in again; anything else gets 401.
 */
final class SessionTokenCheckFilter extends OncePerRequestFilter {
  private final OAuth2AuthorizedClientManager clients;
  private final String registrationId;

  SessionTokenCheckFilter(OAuth2AuthorizedClientManager clients, String registrationId) {
    this.clients = clients;
    this.registrationId = registrationId;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof OAuth2AuthenticationToken token
        && registrationId.equals(token.getAuthorizedClientRegistrationId()) && !stillAccepted(token, request, response)) {
      new SecurityContextLogoutHandler().logout(request, response, authentication);
      if ("GET".equals(request.getMethod())) {
        String query = request.getQueryString();
        response.sendRedirect(request.getRequestURI() + (query == null ? "" : "?" + query));
      } else {
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      }
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean stillAccepted(OAuth2AuthenticationToken token, HttpServletRequest request, HttpServletResponse response) {
    try {
      OAuth2AuthorizedClient client = clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(registrationId)
          .principal(token)
          .attribute(HttpServletRequest.class.getName(), request)
          .attribute(HttpServletResponse.class.getName(), response)
          .build());
      return client != null;
    } catch (OAuth2AuthorizationException refused) {
      return false;
    }
  }
}
