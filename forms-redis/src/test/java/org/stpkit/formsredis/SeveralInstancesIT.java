package org.stpkit.formsredis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stpkit.forms.spi.Submission;
import org.stpkit.testsupport.FormBrowser;

/**
 * Several instances of a service on one Redis, as a deployment runs them (each with its own Jetty,
 * engine and connection), users' requests spread over them with no sticky sessions: nothing is lost.
 */
class SeveralInstancesIT {
  private final List<Submission> received = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> running = new ArrayList<>();
  private TestRedis redis;

  @BeforeEach
  void redis() {
    redis = new TestRedis();
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable instance : running) {
      instance.close();
    }
    redis.close();
  }

  private FormInstance instance(String redisUri, int port) throws Exception {
    FormInstance instance = new FormInstance(redisUri, redis.namespace, port, received);
    running.add(instance);
    return instance;
  }

  @Test
  void oneUserAlternatingBetweenTwoInstancesLosesNothingAndSendsOnce() throws Exception {
    FormInstance a = instance(TestRedis.URL, 0);
    FormInstance b = instance(TestRedis.URL, 0);
    FormBrowser browser = FormBrowser.of(a.baseUrl(), b.baseUrl());

    assertThat(browser.get("/apply/").path()).isEqualTo("/apply/name");
    assertThat(browser.post("/apply/name", "name", "Jo Bloggs").path()).isEqualTo("/apply/age");
    assertThat(browser.post("/apply/age", "age", "35").path()).isEqualTo("/apply/river");
    FormBrowser.Page check = browser.post("/apply/river", "river", "Avon");
    assertThat(check.path()).isEqualTo("/apply/check-answers");
    assertThat(check.summary()).containsExactly(Map.entry("What is your name?", "Jo Bloggs"),
        Map.entry("How old are you?", "35"), Map.entry("Which river will you fish in?", "Avon"));

    FormBrowser.Page confirmation = browser.post("/apply/check-answers");
    FormBrowser.Page again = browser.post("/apply/check-answers");
    assertThat(confirmation.path()).isEqualTo("/apply/confirmation");
    assertThat(received).hasSize(1);
    assertThat(confirmation.reference()).isEqualTo(received.get(0).reference()).isEqualTo(again.reference());
    assertThat(received.get(0).answers()).containsOnlyKeys("name", "age", "river").containsEntry("river", "Avon");
  }

  @Test
  void anInstanceRestartedMidJourneyLosesNothing() throws Exception {
    FormInstance a = instance(TestRedis.URL, 0);
    FormInstance b = instance(TestRedis.URL, 0);
    FormBrowser browser = FormBrowser.of(a.baseUrl(), b.baseUrl());
    browser.get("/apply/");
    browser.post("/apply/name", "name", "Jo Bloggs");
    browser.post("/apply/age", "age", "35");

    int port = a.port();
    a.close();
    running.remove(a);
    instance(TestRedis.URL, port);

    FormBrowser.Page check = browser.post("/apply/river", "river", "Avon");
    assertThat(check.path()).isEqualTo("/apply/check-answers");
    assertThat(check.summary()).containsExactly(Map.entry("What is your name?", "Jo Bloggs"),
        Map.entry("How old are you?", "35"), Map.entry("Which river will you fish in?", "Avon"));
    assertThat(browser.post("/apply/check-answers").path()).isEqualTo("/apply/confirmation");
    assertThat(received).hasSize(1);
  }

  @Test
  void twoTabsPostingAtOnceToTwoInstancesLoseNeithersAnswers() throws Exception {
    FormInstance a = instance(TestRedis.URL, 0);
    FormInstance b = instance(TestRedis.URL, 0);
    FormBrowser first = FormBrowser.of(a.baseUrl(), b.baseUrl());
    first.get("/apply/");
    first.post("/apply/name", "name", "Jo");
    first.post("/apply/age", "age", "35");
    first.post("/apply/river", "river", "Avon");
    FormBrowser second = first.newTab();

    ExecutorService tabs = Executors.newFixedThreadPool(2);
    try {
      for (int round = 1; round <= 20; round++) {
        CyclicBarrier together = new CyclicBarrier(2);
        String name = "Jo " + round;
        String river = "Avon " + round;
        Future<?> one = tabs.submit(() -> {
          together.await();
          return first.post("/apply/name", "name", name);
        });
        Future<?> two = tabs.submit(() -> {
          together.await();
          return second.post("/apply/river", "river", river);
        });
        one.get();
        two.get();
        assertThat(first.get("/apply/check-answers").summary()).as("round " + round)
            .containsEntry("What is your name?", name).containsEntry("Which river will you fish in?", river);
      }
    } finally {
      tabs.shutdownNow();
    }
  }

  @Test
  void redisCutOffGivesA503PageAndTheJourneyGoesOnOnceItIsBack() throws Exception {
    URI redisUri = URI.create(TestRedis.URL);
    try (CuttableProxy proxy = new CuttableProxy(redisUri.getHost(), redisUri.getPort())) {
      FormInstance instance = instance("redis://127.0.0.1:" + proxy.port(), 0);
      FormBrowser browser = FormBrowser.of(instance.baseUrl());
      browser.get("/apply/");
      browser.post("/apply/name", "name", "Jo Bloggs");
      browser.get("/apply/age");

      proxy.cut();
      FormBrowser.Page reading = browser.get("/apply/age");
      FormBrowser.Page posting = browser.post("/apply/age", "age", "35");
      for (FormBrowser.Page page : List.of(reading, posting)) {
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.heading()).isEqualTo("Sorry, there is a problem with the service");
        assertThat(page.title()).startsWith("Sorry, there is a problem with the service");
        assertThat(page.html()).contains("Try again later.").doesNotContain("Exception", "at org.", "Redis", "6379");
      }

      proxy.restore();
      // A broken connection is replaced on its next use; allow thirty seconds on a loaded machine.
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      FormBrowser.Page back = browser.get("/apply/age");
      while (back.status() == 503 && System.nanoTime() < deadline) {
        Thread.sleep(200);
        back = browser.get("/apply/age");
      }
      assertThat(back.status()).isEqualTo(200);
      assertThat(browser.post("/apply/age", "age", "35").path()).isEqualTo("/apply/river");
      assertThat(browser.get("/apply/name").inputValue("name")).isEqualTo("Jo Bloggs");
    }
  }
}
