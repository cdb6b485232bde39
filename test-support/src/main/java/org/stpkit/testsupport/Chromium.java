package org.stpkit.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Debian's chromedriver, with a fresh profile. Browser tests
 * are skipped (with the reason) only when {@code -Dstp.skipBrowserTests=true} is given.
 */
public final class Chromium {
  private Chromium() {}

  public static ChromeDriver start() throws Exception {
    Assumptions.assumeFalse(Boolean.getBoolean("stp.skipBrowserTests"),
        "browser tests skipped by -Dstp.skipBrowserTests=true");
    String binary = firstExisting("STP_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser");
    String driver = firstExisting("STP_CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    if (binary == null || driver == null) {
      throw new IllegalStateException("Chromium and chromedriver are needed for browser tests: "
          + "apt-get install -y chromium chromium-driver (or run with -Dstp.skipBrowserTests=true)");
    }
    Path profile = Files.createTempDirectory("stp-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-quic", "--no-first-run", "--window-size=1280,1024",
        "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Path.of(driver).toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return chrome;
  }

  private static String firstExisting(String environmentVariable, String... candidates) {
    String configured = System.getenv(environmentVariable);
    if (configured != null && Files.isExecutable(Path.of(configured))) {
      return configured;
    }
    for (String candidate : candidates) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    return null;
  }
}
