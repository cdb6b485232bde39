package org.stpkit.formsredis.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.stpkit.formsredis.RedisSessionsException;
import org.stpkit.forms.spi.FormSession;

/**
 * A session as JSON, by its record components: whatever forms-engine adds to {@link FormSession}
 * is kept without a change here. Properties this version does not know are skipped, so that
 * instances of two versions can share sessions during a rolling deployment.
 */
final class SessionJson {
  private static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new Jdk8Module())
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private SessionJson() {}

  static String write(FormSession session) {
    try {
      return JSON.writeValueAsString(session);
    } catch (JsonProcessingException e) {
      throw new RedisSessionsException("Cannot write a session of form " + session.formId() + " as JSON: "
          + e.getOriginalMessage(), e);
    }
  }

  static FormSession read(String json, String where) {
    try {
      return JSON.readValue(json, FormSession.class);
    } catch (JsonProcessingException | RuntimeException e) {
      throw new RedisSessionsException("Cannot read the session stored at " + where + ": " + e.getMessage(), e);
    }
  }
}
