package org.stpkit.examples.caseworking;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.stpkit.spring.idam.KeycloakSecurityConfigurer;

/**
 * Who may see what: citizens' pages (the start page, the form, assets, Notify's receipts) are
 * open; caseworker pages need Keycloak's {@code caseworker} role, decisions its client role
 * {@code caseworking-service:decide}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class ServiceConfiguration {
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  SecurityFilterChain security(HttpSecurity http, KeycloakSecurityConfigurer keycloak) {
    http.authorizeHttpRequests(requests -> requests
            .requestMatchers("/", "/apply", "/apply/**", "/assets/**", "/error", "/actuator/health", "/actuator/health/**")
            .permitAll()
            .requestMatchers("/notify/receipts").permitAll()
            .requestMatchers("/cases", "/cases/**").hasRole("caseworker")
            .anyRequest().authenticated())
        // The form servlet and Notify's receipts have their own checks (the form's CSRF token, the
        // receipt's bearer token), and are outside Spring MVC.
        .csrf(csrf -> csrf.ignoringRequestMatchers("/apply/**", "/notify/receipts"))
        .with(keycloak, Customizer.withDefaults());
    return http.build();
  }
}
