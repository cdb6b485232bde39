package org.stpkit.localkeycloak;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A Keycloak from its distribution ({@code org.keycloak:keycloak-quarkus-dist}, unpacked), run on
 * this machine in development mode for tests, demos and local development: on one address and fixed
 * ports, with realm files imported, and stopped with its whole process tree. Not for production,
 * where Keycloak runs as its own service.
 *
 * <pre>{@code
 * try (LocalKeycloak keycloak = LocalKeycloak.builder(Path.of("target/keycloak-26.7.3"))
 *     .importRealm(Path.of("caseworking-realm.json"))
 *     .build()) {
 *   keycloak.start();                       // waits until the realm answers
 *   String issuer = keycloak.issuer("caseworking");
 * }
 * }</pre>
 *
 * <p>Keycloak keeps its development database under the distribution's {@code data} folder, so one
 * distribution serves one Keycloak at a time; {@link Builder#freshData(boolean)} empties it first.
 *
 * <p>Over 350 lines because its {@link Builder} and every option it documents are part of this one
 * public type.
 */
public final class LocalKeycloak implements AutoCloseable {
  private final Builder settings;
  private final int port;
  private final int managementPort;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private @Nullable Process process;

  private LocalKeycloak(Builder settings, int port, int managementPort) {
    this.settings = settings;
    this.port = port;
    this.managementPort = managementPort;
  }

  /** A Keycloak run from the unpacked distribution in {@code home} (the folder holding {@code bin/kc.sh}). */
  public static Builder builder(Path home) {
    return new Builder(home);
  }

  /**
   * Starts Keycloak and waits until every imported realm answers its discovery request.
   *
   * @throws LocalKeycloakException with {@link LocalKeycloakException.Reason#PORT_IN_USE} when the
   *     port is taken, {@link LocalKeycloakException.Reason#STOPPED} when Keycloak exits while
   *     starting, {@link LocalKeycloakException.Reason#TIMED_OUT} when it does not answer in time
   */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    requireFree(port, "HTTP");
    requireFree(managementPort, "management");
    List<String> command = new ArrayList<>(List.of(settings.home.resolve("bin/kc.sh").toString(), "start-dev",
        "--http-host=" + settings.host, "--http-port=" + port, "--http-management-port=" + managementPort,
        "--cache=local"));
    if (!settings.realmFiles.isEmpty()) {
      command.add("--import-realm");
    }
    command.addAll(settings.arguments);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("JAVA_HOME", settings.javaHome.toString());
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", settings.adminUser);
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword);
    builder.environment().putAll(settings.environment);
    builder.redirectErrorStream(true);
    try {
      Files.createDirectories(settings.log.toAbsolutePath().getParent());
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(settings.log.toFile()));
      process = builder.start();
    } catch (IOException e) {
      throw new LocalKeycloakException(LocalKeycloakException.Reason.STOPPED,
          "Keycloak could not be started from " + settings.home + ": " + e.getMessage(), e);
    }
    awaitRealms();
  }

  /** Stops Keycloak (its data stays); {@link #start()} brings it back on the same ports. */
  public synchronized void stop() {
    Process running = process;
    if (running == null) {
      return;
    }
    process = null;
    // kc.sh starts the JVM as its child: the whole tree is stopped, and waited for, so that the
    // ports are free again when this returns (a restart binds them at once).
    List<ProcessHandle> tree = new ArrayList<>(running.descendants().toList());
    tree.add(running.toHandle());
    tree.forEach(ProcessHandle::destroy);
    if (!awaitExit(tree, Duration.ofSeconds(30))) {
      tree.forEach(ProcessHandle::destroyForcibly);
      awaitExit(tree, Duration.ofSeconds(10));
    }
  }

  private static boolean awaitExit(List<ProcessHandle> tree, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    for (ProcessHandle member : tree) {
      try {
        member.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return false;
      } catch (java.util.concurrent.ExecutionException e) {
        // onExit never fails; nothing to wait for.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  /** Stops Keycloak and starts it again with the same data and ports, as an operator's restart does. */
  public void restart() {
    stop();
    start();
  }

  public boolean isRunning() {
    Process running = process;
    return running != null && running.isAlive();
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public String baseUrl() {
    return "http://" + hostForUrl() + ":" + port;
  }

  /** A realm's issuer: {@code <baseUrl>/realms/<realm>}. */
  public String issuer(String realm) {
    return baseUrl() + "/realms/" + Objects.requireNonNull(realm, "realm");
  }

  public int port() {
    return port;
  }

  public int managementPort() {
    return managementPort;
  }

  /** The file Keycloak's output goes to. */
  public Path log() {
    return settings.log;
  }

  public String adminUser() {
    return settings.adminUser;
  }

  public String adminPassword() {
    return settings.adminPassword;
  }

  @Override
  public void close() {
    stop();
  }

  private String hostForUrl() {
    return settings.host.contains(":") ? "[" + settings.host + "]" : settings.host;
  }

  private void requireFree(int candidate, String what) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(settings.host), candidate));
    } catch (IOException e) {
      throw new LocalKeycloakException(LocalKeycloakException.Reason.PORT_IN_USE,
          "Keycloak's " + what + " port " + settings.host + ":" + candidate + " is in use by another program", e);
    }
  }

  private void awaitRealms() {
    long deadline = System.nanoTime() + settings.startTimeout.toNanos();
    List<String> realms = settings.realmNames.isEmpty() ? List.of("master") : settings.realmNames;
    for (String realm : realms) {
      URI discovery = URI.create(issuer(realm) + "/.well-known/openid-configuration");
      while (!answers(discovery)) {
        Process running = process;
        if (running == null || !running.isAlive()) {
          process = null;
          throw new LocalKeycloakException(LocalKeycloakException.Reason.STOPPED,
              "Keycloak stopped while starting; its output is in " + settings.log);
        }
        if (System.nanoTime() > deadline) {
          stop();
          throw new LocalKeycloakException(LocalKeycloakException.Reason.TIMED_OUT,
              "Keycloak did not answer for realm '" + realm + "' within " + settings.startTimeout.toSeconds()
                  + " s; its output is in " + settings.log);
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          stop();
          Thread.currentThread().interrupt();
          throw new LocalKeycloakException(LocalKeycloakException.Reason.STOPPED, "Interrupted while Keycloak started", e);
        }
      }
    }
  }

  private boolean answers(URI uri) {
    try {
      return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (ConnectException notListeningYet) {
      return false;
    } catch (IOException notReadyYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** How a local Keycloak is run. */
  public static final class Builder {
    private final Path home;
    private String host = "127.0.0.1";
    private int port;
    private int managementPort;
    private final List<Path> realmFiles = new ArrayList<>();
    private final List<String> realmNames = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> arguments = new ArrayList<>();
    private boolean freshData;
    private String adminUser = "admin";
    private String adminPassword = "admin";
    private @Nullable Path javaHome;
    private @Nullable Path log;
    private Duration startTimeout = Duration.ofMinutes(4);

    private Builder(Path home) {
      this.home = Objects.requireNonNull(home, "home").toAbsolutePath();
    }

    /** The address Keycloak listens on (default 127.0.0.1). */
    public Builder host(String value) {
      this.host = Objects.requireNonNull(value, "host");
      return this;
    }

    /** The HTTP port (default: a free one, chosen at {@link #build()}). */
    public Builder port(int value) {
      this.port = port(value, "port");
      return this;
    }

    /** The management port, for health and metrics (default: a free one). */
    public Builder managementPort(int value) {
      this.managementPort = port(value, "managementPort");
      return this;
    }

    /**
     * A realm file (a realm export) to import at start. A realm that already exists is kept as it
     * is: Keycloak skips it. Its name is read from the file name ({@code <realm>-realm.json} or
     * {@code <realm>.json}), and {@link #start()} waits for it.
     */
    public Builder importRealm(Path realmFile) {
      Objects.requireNonNull(realmFile, "realmFile");
      String name = realmFile.getFileName().toString();
      if (!name.endsWith(".json")) {
        throw new IllegalArgumentException("A realm file is a realm export in JSON: " + realmFile);
      }
      realmFiles.add(realmFile);
      realmNames.add(name.replaceFirst("(-realm)?\\.json$", ""));
      return this;
    }

    /**
     * An environment variable for Keycloak: realm files may use {@code ${NAME}} placeholders,
     * which Keycloak fills from its environment when it imports them.
     */
    public Builder environment(String name, String value) {
      environment.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** More {@code kc.sh start-dev} options, such as {@code --log-level=warn}. */
    public Builder argument(String option) {
      arguments.add(Objects.requireNonNull(option, "option"));
      return this;
    }

    /** Whether Keycloak's database is emptied before the first start (default false: realms and users stay). */
    public Builder freshData(boolean value) {
      this.freshData = value;
      return this;
    }

    /** The master realm's first administrator, made on the first start (default admin / admin). */
    public Builder admin(String user, String password) {
      this.adminUser = Objects.requireNonNull(user, "user");
      this.adminPassword = Objects.requireNonNull(password, "password");
      return this;
    }

    /** The JDK Keycloak runs on (default {@link KeycloakJava#choose()}). */
    public Builder javaHome(Path value) {
      this.javaHome = Objects.requireNonNull(value, "javaHome");
      return this;
    }

    /** Where Keycloak's output is appended (default {@code <home>/keycloak.log}). */
    public Builder log(Path value) {
      this.log = Objects.requireNonNull(value, "log");
      return this;
    }

    /** How long {@link #start()} waits for the realms to answer (default 4 minutes, for a busy machine). */
    public Builder startTimeout(Duration value) {
      Objects.requireNonNull(value, "startTimeout");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("startTimeout must be positive: " + value);
      }
      this.startTimeout = value;
      return this;
    }

    /**
     * Checks the distribution, chooses free ports where none were given and puts the realm files in
     * place; nothing starts until {@link LocalKeycloak#start()}.
     *
     * @throws LocalKeycloakException {@link LocalKeycloakException.Reason#NO_DISTRIBUTION} when
     *     {@code home} holds no Keycloak
     */
    public LocalKeycloak build() {
      if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
        throw new LocalKeycloakException(LocalKeycloakException.Reason.NO_DISTRIBUTION,
            "No Keycloak distribution at " + home + " (no bin/kc.sh)");
      }
      if (javaHome == null) {
        javaHome = KeycloakJava.choose();
      }
      if (log == null) {
        log = home.resolve("keycloak.log");
      }
      try {
        Path data = home.resolve("data");
        if (freshData) {
          Distributions.deleteTree(data);
        }
        Path imports = data.resolve("import");
        Files.createDirectories(imports);
        for (int i = 0; i < realmFiles.size(); i++) {
          Files.copy(realmFiles.get(i), imports.resolve(realmNames.get(i) + "-realm.json"),
              StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new LocalKeycloakException(LocalKeycloakException.Reason.NO_DISTRIBUTION,
            "Cannot prepare Keycloak's data folder under " + home + ": " + e.getMessage(), e);
      }
      return new LocalKeycloak(this, port == 0 ? freePort(host) : port,
          managementPort == 0 ? freePort(host) : managementPort);
    }

    private static int port(int value, String name) {
      if (value < 0 || value > 65_535) {
        throw new IllegalArgumentException(name + " must be 0 (any free port) to 65535: " + value);
      }
      return value;
    }

    private static int freePort(String host) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new LocalKeycloakException(LocalKeycloakException.Reason.PORT_IN_USE,
            "No free port on " + host + ": " + e.getMessage(), e);
      }
    }
  }
}
