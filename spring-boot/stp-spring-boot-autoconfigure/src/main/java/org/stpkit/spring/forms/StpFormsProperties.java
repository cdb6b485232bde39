package org.stpkit.spring.forms;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code stp.forms.*}: form definitions served as GOV.UK journeys.
 *
 * @param enabled whether forms are served at all
 * @param locations where the definitions are, as Spring resource patterns; every match is one form
 * @param paths where each form is served, by form id ({@code stp.forms.paths.apply-to-extend=/apply});
 *     a form not named here is served at {@code /<form id>}
 * @param sessionTimeout how long a journey is kept without a request
 * @param maxBodySize the largest form post accepted; a bigger one gets a GOV.UK "too large" page
 * @param maxFields the most fields one post may have
 */
@ConfigurationProperties("stp.forms")
@Validated
public record StpFormsProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("classpath:forms/*.yaml") @NotEmpty(message = "must name at least one location, such as classpath:forms/*.yaml")
    List<String> locations,
    @DefaultValue Map<String, String> paths,
    @DefaultValue("60m") Duration sessionTimeout,
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue("1000") @Min(value = 1, message = "must be at least 1") @Max(value = 100_000, message = "must be at most 100000")
    int maxFields) {}
