package org.stpkit.spring.templates;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code stp.templates.*}: the GOV.UK templates in a Spring Boot service.
 *
 * @param enabled whether the templates are configured at all
 * @param validateParams whether component params are checked against govuk-frontend's
 *     {@code macro-options.json} before rendering (a wrong type names the param's path)
 * @param assetPath where govuk-frontend's CSS, JavaScript, fonts and images are served, the page
 *     template's {@code assetPath}
 * @param serveAssets whether design-system-templates' {@code GovukAssetServlet} serves them there
 */
@ConfigurationProperties("stp.templates")
@Validated
public record StpTemplatesProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("true") boolean validateParams,
    @DefaultValue("/assets")
    @Pattern(regexp = "/[A-Za-z0-9._~/-]*[A-Za-z0-9._~-]", message = "must start with / and not end with /, such as /assets")
    String assetPath,
    @DefaultValue("true") boolean serveAssets) {}
