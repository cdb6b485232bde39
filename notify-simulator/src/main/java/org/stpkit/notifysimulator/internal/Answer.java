package org.stpkit.notifysimulator.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An HTTP answer, ready to write: status, content type and body. */
record Answer(int status, String contentType, byte[] body) {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Answer json(int status, JsonNode body) {
    try {
      return new Answer(status, "application/json", JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always serialises", e);
    }
  }

  static Answer error(NotifyError error) {
    return json(error.status(), NotifyJson.error(error));
  }

  static Answer pdf(byte[] pdf) {
    return new Answer(200, "application/pdf", pdf);
  }
}
