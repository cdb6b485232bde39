package org.stpkit.spring.forms;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
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
 * @param saveAndReturn "Save and come back later", for the forms whose definitions offer it
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
    int maxFields,
    @DefaultValue @Valid SaveAndReturnProperties saveAndReturn) {

  /**
   * {@code stp.forms.save-and-return.*}: how the forms whose definitions offer "Save and come back
   * later" ({@code saveAndReturn}) keep saved journeys and send their links, with the application's
   * {@code ProgressStore} bean, unless the application defines a {@code SaveAndReturn} bean.
   *
   * @param formUrl each such form's public address, by form id ({@code
   *     stp.forms.save-and-return.form-url.apply=https://apply.example.gov.uk/apply}): the links are
   *     below it; configured, never taken from requests, whose Host header anyone can set
   * @param linkValidFor how long a link works, from when the journey is saved
   * @param maxWrongAnswers wrong answers to the security question after which a link stops working
   * @param milestone the notify catalogue's milestone that emails each link (forms-notify's {@code
   *     NotifyReturnLinkSender}, with the notify starter), when the application has no {@code
   *     ReturnLinkSender} bean
   */
  public record SaveAndReturnProperties(
      @DefaultValue Map<String, URI> formUrl,
      @DefaultValue("28d") Duration linkValidFor,
      @DefaultValue("5") @Min(value = 1, message = "must be at least 1") int maxWrongAnswers,
      @Nullable String milestone) {}
}
