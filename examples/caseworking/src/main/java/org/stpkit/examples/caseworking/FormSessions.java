package org.stpkit.examples.caseworking;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.stpkit.forms.spi.AnswerStore;
import org.stpkit.formsredis.RedisSessions;

/**
 * In production, citizens' journeys through the form are kept in Redis (forms-redis), so any
 * instance of the service serves any step of any journey and a deployment loses no one's answers.
 * In development the forms starter's in-memory store is used.
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
class FormSessions {
  @Bean(destroyMethod = "close")
  RedisSessions formSessionsInRedis(@Value("${spring.data.redis.url}") String redisUrl,
      @Value("${caseworking.form-sessions.namespace}") String namespace) {
    return RedisSessions.builder(redisUrl).namespace(namespace).build();
  }

  /** Replaces the starter's in-memory store: the form's journeys under {@code <namespace>:form:apply-to-extend:}. */
  @Bean
  AnswerStore formAnswerStore(RedisSessions redis) {
    return redis.store(ApplicationIntake.FORM_ID);
  }
}
