package org.stpkit.formsoutbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.stpkit.forms.spi.Submission;

/** Submissions of the test form as the engine makes them. */
final class Submissions {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private Submissions() {}

  /** A submission of {@code fishing-licence} with a reference of its own. */
  static Submission of(String name) {
    Map<String, Object> answers = new LinkedHashMap<>();
    answers.put("name", name);
    answers.put("age", new BigDecimal("35"));
    answers.put("river", "Avon");
    return new Submission("fishing-licence", 2, "FL-TEST-" + String.format("%04d", NEXT.incrementAndGet()), answers,
        List.of("/name", "/age", "/river"), Instant.now().truncatedTo(ChronoUnit.MILLIS), Optional.empty());
  }
}
