package org.stpkit.spring.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.stpkit.definition.Problem;
import org.stpkit.notify.InvalidCatalogueException;
import org.stpkit.notify.MilestoneCatalogue;
import org.stpkit.notify.MilestoneMessenger;
import org.stpkit.notify.servlet.DeliveryReceiptServlet;
import org.stpkit.notifysimulator.KeyType;
import org.stpkit.notifysimulator.NotifySimulator;
import org.stpkit.notifysimulator.SimulatorConfig;
import org.stpkit.spring.ReachabilityHealthIndicator;
import org.stpkit.spring.StpConfigurationException;

/**
 * Milestones as GOV.UK Notify messages: a {@link MilestoneMessenger} bean (closed with the
 * context) over the catalogue at {@code stp.notify.catalogue}, its outbox in the application's
 * DataSource when there is one, and {@link TransactionalMilestones}, whose {@code reached(...)}
 * joins the current Spring transaction. In the {@code dev} profile with no API key the Notify
 * simulator stands in for Notify (when notify-simulator is on the class path); Notify's delivery
 * receipts are taken at {@code stp.notify.receipts.path} when it is set.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@ConditionalOnClass(MilestoneMessenger.class)
@ConditionalOnBooleanProperty(name = "stp.notify.enabled", matchIfMissing = true)
@EnableConfigurationProperties(StpNotifyProperties.class)
public class StpNotifyAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(StpNotifyAutoConfiguration.class);

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @DependsOnDatabaseInitialization
  MilestoneMessenger milestoneMessenger(StpNotifyProperties properties, ResourceLoader resources,
      ObjectProvider<DataSource> dataSource, ObjectProvider<NotifyEndpoint> simulator) {
    MilestoneMessenger.Builder builder = MilestoneMessenger.builder()
        .catalogue(catalogue(resources, properties.catalogue()))
        .rateLimitPerMinute(properties.rateLimitPerMinute())
        .maxAttempts(properties.maxAttempts())
        .statusPollAfter(properties.statusPollAfter());
    outboxDatabase(properties, dataSource).ifPresentOrElse(builder::dataSource,
        () -> builder.embeddedDatabase(properties.outbox().embeddedFile()));
    NotifyEndpoint endpoint = simulator.getIfAvailable();
    if (endpoint != null) {
      builder.notify(endpoint.apiKey(), endpoint.baseUrl());
    } else if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
      builder.notify(properties.apiKey(), properties.baseUrl().toString());
    } else {
      LOG.warn("stp.notify.api-key is not set: milestone messages are queued in the outbox but not sent");
    }
    if (properties.dispatch() != null) {
      builder.dispatch(properties.dispatch());
    }
    if (properties.checkTemplatesAtStartup() != null) {
      builder.checkTemplatesAtStartup(properties.checkTemplatesAtStartup());
    }
    try {
      return builder.build();
    } catch (InvalidCatalogueException e) {
      throw new StpConfigurationException("The milestone catalogue does not fit Notify's templates",
          e.problems().stream().map(Problem::toString).toList(),
          "Correct " + properties.catalogue() + " or the templates in Notify (or in the simulator's configuration).", e);
    }
  }

  @Bean
  @ConditionalOnMissingBean
  TransactionalMilestones transactionalMilestones(MilestoneMessenger messenger, StpNotifyProperties properties,
      ObjectProvider<DataSource> dataSource) {
    return new TransactionalMilestones(messenger, outboxDatabase(properties, dataSource));
  }

  private static Optional<DataSource> outboxDatabase(StpNotifyProperties properties, ObjectProvider<DataSource> dataSource) {
    switch (properties.outbox().database()) {
      case EMBEDDED:
        return Optional.empty();
      case APPLICATION:
        return Optional.of(dataSource.getIfUnique(() -> {
          throw new StpConfigurationException("No database for the Notify outbox", List.of(
              "stp.notify.outbox.database=application, but the application has no single DataSource bean"),
              "Configure spring.datasource.*, or set stp.notify.outbox.database=embedded.");
        }));
      default:
        return Optional.ofNullable(dataSource.getIfUnique());
    }
  }

  private static MilestoneCatalogue catalogue(ResourceLoader resources, String location) {
    Resource resource = resources.getResource(location);
    if (!resource.exists()) {
      throw new StpConfigurationException("No milestone catalogue", List.of("stp.notify.catalogue: nothing at " + location),
          "Add the catalogue there (notify-adapter's README shows the format), point stp.notify.catalogue at yours, "
              + "or set stp.notify.enabled=false.");
    }
    String name = location.replaceFirst("^classpath\\*?:/?", "");
    try (InputStream in = resource.getInputStream()) {
      return MilestoneCatalogue.fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    } catch (InvalidCatalogueException e) {
      throw new StpConfigurationException("The milestone catalogue has " + e.problems().size()
          + (e.problems().size() == 1 ? " problem" : " problems"), e.problems().stream().map(Problem::toString).toList(),
          "Correct " + name + ".", e);
    } catch (IOException e) {
      throw new StpConfigurationException("The milestone catalogue cannot be read",
          List.of(location + ": " + e.getMessage()), "Check stp.notify.catalogue.", e);
    }
  }

  /** Notify's delivery receipts, at {@code stp.notify.receipts.path}. */
  @Bean
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(ServletRegistrationBean.class)
  @ConditionalOnProperty(name = "stp.notify.receipts.path")
  ServletRegistrationBean<DeliveryReceiptServlet> notifyDeliveryReceiptServlet(MilestoneMessenger messenger,
      StpNotifyProperties properties) {
    String token = properties.receipts().bearerToken();
    String path = properties.receipts().path();
    if (token == null || path == null) {
      throw new IllegalStateException("stp.notify.receipts is validated before this runs");
    }
    ServletRegistrationBean<DeliveryReceiptServlet> registration =
        new ServletRegistrationBean<>(new DeliveryReceiptServlet(messenger, token), path);
    registration.setName("notifyDeliveryReceipts");
    return registration;
  }

  /** Where messages go when the simulator stands in for Notify. */
  record NotifyEndpoint(String baseUrl, String apiKey) {}

  /** The Notify simulator in place of Notify: the dev profile without a key, or {@code stp.notify.simulator.mode=always}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(NotifySimulator.class)
  @Conditional(SimulatorCondition.class)
  static class Simulator {
    @Bean(destroyMethod = "close")
    NotifySimulator notifySimulator(StpNotifyProperties properties, ResourceLoader resources, Environment environment) {
      StpNotifyProperties.Simulator settings = properties.simulator();
      SimulatorConfig config = settings.config() == null ? SimulatorConfig.example() : simulatorConfig(resources, settings.config());
      if (settings.deliveryDelay() != null) {
        config = config.withDeliveryDelay(settings.deliveryDelay());
      }
      URI callback = callbackUrl(properties, environment);
      if (callback != null && properties.receipts().bearerToken() != null) {
        config = config.withCallback(new SimulatorConfig.Callback(callback, properties.receipts().bearerToken(), 5,
            Duration.ofSeconds(2)));
      }
      NotifySimulator simulator = NotifySimulator.start(config, settings.host(), settings.port(), java.time.Clock.systemUTC());
      LOG.info("Notify simulator at {} stands in for GOV.UK Notify (sent messages: {}/_simulator/notifications)",
          simulator.baseUrl(), simulator.baseUrl());
      return simulator;
    }

    @Bean
    NotifyEndpoint notifySimulatorEndpoint(NotifySimulator simulator) {
      return new NotifyEndpoint(simulator.baseUrl(), simulator.apiKey(KeyType.LIVE));
    }

    private static @Nullable URI callbackUrl(StpNotifyProperties properties, Environment environment) {
      if (properties.simulator().callbackUrl() != null) {
        return properties.simulator().callbackUrl();
      }
      String path = properties.receipts().path();
      int port = environment.getProperty("server.port", Integer.class, 8080);
      if (path == null || path.isBlank() || port == 0) {
        return null;
      }
      return URI.create("http://127.0.0.1:" + port + path);
    }

    private static SimulatorConfig simulatorConfig(ResourceLoader resources, String location) {
      Resource resource = resources.getResource(location);
      try (InputStream in = resource.getInputStream()) {
        return SimulatorConfig.fromYaml(new String(in.readAllBytes(), StandardCharsets.UTF_8),
            location.replaceFirst("^classpath\\*?:/?", ""));
      } catch (IOException e) {
        throw new StpConfigurationException("The Notify simulator's configuration cannot be read",
            List.of("stp.notify.simulator.config: " + location + ": " + e.getMessage()), "Check stp.notify.simulator.config.", e);
      } catch (RuntimeException e) {
        throw new StpConfigurationException("The Notify simulator's configuration has a problem",
            List.of(e.getMessage() == null ? e.toString() : e.getMessage()), "Correct " + location + ".", e);
      }
    }
  }

  /** The outbox's backlog and Notify's reachability, as Actuator health. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class HealthChecks {
    @Bean
    @ConditionalOnMissingBean(name = "notifyOutboxHealthIndicator")
    NotifyOutboxHealthIndicator notifyOutboxHealthIndicator(MilestoneMessenger messenger, StpNotifyProperties properties) {
      return new NotifyOutboxHealthIndicator(messenger, properties.health().maxBacklogAge());
    }

    @Bean
    @ConditionalOnMissingBean(name = "notifyHealthIndicator")
    ReachabilityHealthIndicator notifyHealthIndicator(StpNotifyProperties properties, ObjectProvider<NotifyEndpoint> simulator) {
      NotifyEndpoint endpoint = simulator.getIfAvailable();
      String base = endpoint != null ? endpoint.baseUrl() : properties.baseUrl().toString();
      return new ReachabilityHealthIndicator("Notify", URI.create(base.replaceFirst("/+$", "") + "/_status"),
          Duration.ofSeconds(3), false);
    }
  }

  /** Messages by status as Micrometer gauges. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
  static class Metrics {
    @Bean
    NotifyMetrics stpNotifyMetrics(MilestoneMessenger messenger) {
      return new NotifyMetrics(messenger, Duration.ofSeconds(10));
    }
  }
}
