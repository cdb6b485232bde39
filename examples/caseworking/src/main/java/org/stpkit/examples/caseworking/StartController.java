package org.stpkit.examples.caseworking;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The service's start page, GOV.UK's start-page pattern in front of the form. */
@Controller
class StartController {
  @GetMapping("/")
  String start() {
    return "start";
  }
}
