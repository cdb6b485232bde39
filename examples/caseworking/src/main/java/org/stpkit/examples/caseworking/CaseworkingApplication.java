package org.stpkit.examples.caseworking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts the service: embedded defaults unless the production profile is active. */
@SpringBootApplication
public class CaseworkingApplication {
  public static void main(String[] args) {
    SpringApplication.run(CaseworkingApplication.class, args);
  }
}
