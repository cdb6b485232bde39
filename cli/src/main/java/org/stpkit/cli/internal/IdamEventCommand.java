package org.stpkit.cli.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.stpkit.definition.Problem;
import org.stpkit.idam.AccessPolicy;
import org.stpkit.idam.HrFeed;
import org.stpkit.idam.IdamException;
import org.stpkit.idam.KeycloakConnection;
import org.stpkit.idam.Plan;
import org.stpkit.idam.Reconciler;
import org.stpkit.idam.StaffRecord;
import org.stpkit.idam.UserPlan;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stp idam event joiner|mover|leaver}: one person's HR event planned and applied at once,
 * without waiting for the next whole feed. The person is checked exactly as a feed row is, since
 * the options are written out as a one-row feed and read back.
 */
@Command(
    name = "event",
    description = {
      "Plans and applies one person's joiner, mover or leaver event at once.",
      "The same rules as for a whole feed; nobody else is touched. The person comes from the options or from"
          + " --record, and is checked as a feed row is.",
      "joiner, mover: the person as HR now holds them. What is given replaces what Keycloak holds for the"
          + " person: attributes the policy copies but the event leaves out are cleared, and access follows"
          + " the policy's rules.",
      "leaver: an urgent leaver, disabled and signed out now. With only --employee-number, Keycloak's names"
          + " and attributes are kept; given as a whole person, the end date is today unless an earlier one is"
          + " given, and what is given replaces what Keycloak holds."
    },
    mixinStandardHelpOptions = true,
    sortOptions = false,
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:applied (with --dry-run: nothing to change)",
      "1:some of the person's changes failed",
      "2:unusable input (a missing option or file, an invalid person or policy, no client secret), or"
          + " Keycloak unreachable or refusing",
      "3:with --dry-run: the plan has changes",
      "4:refused, nothing changed: the plan is over the policy's thresholds"
    })
final class IdamEventCommand implements Callable<Integer> {
  enum Event {
    JOINER, MOVER, LEAVER;

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  @Parameters(index = "0", paramLabel = "joiner|mover|leaver", converter = EventConverter.class,
      description = "The kind of event. The plan decides what happens from Keycloak's state; a note says when"
          + " that differs from the event named.")
  Event event;

  @Option(names = "--policy", required = true, paramLabel = "<file>", description = IdamCommand.POLICY_DESCRIPTION)
  Path policy;

  @Option(names = "--employee-number", paramLabel = "<number>",
      description = "HR's key for the person; Keycloak users are matched on it, never on the username. Required"
          + " without --record.")
  @Nullable String employeeNumber;

  @Option(names = "--record", paramLabel = "<file>",
      description = "The person as one SCIM 2.0 user, a JSON object as HR's SCIM client sends it, instead of the"
          + " attribute options.")
  @Nullable Path record;

  @ArgGroup(exclusive = false, heading = "%nThe person as HR holds them (instead of --record):%n")
  @Nullable Person person;

  @Option(names = "--dry-run", description = "Print the plan only; change nothing.")
  boolean dryRun;

  @Mixin IdamApplyOptions apply;

  @Mixin KeycloakServiceAccountOptions keycloak;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The HR attributes, one option each; named as {@link StaffRecord#ATTRIBUTES} in kebab case. */
  static final class Person {
    @Option(names = "--given-name", paramLabel = "<name>", description = "Required.")
    @Nullable String givenName;

    @Option(names = "--family-name", paramLabel = "<name>", description = "Required.")
    @Nullable String familyName;

    @Option(names = "--user-name", paramLabel = "<username>",
        description = "HR's username for the person, when the policy's username template uses it.")
    @Nullable String userName;

    @Option(names = "--email", paramLabel = "<address>") @Nullable String email;

    @Option(names = "--department", paramLabel = "<text>") @Nullable String department;

    @Option(names = "--cost-center", paramLabel = "<text>") @Nullable String costCenter;

    @Option(names = "--organization", paramLabel = "<text>") @Nullable String organization;

    @Option(names = "--division", paramLabel = "<text>") @Nullable String division;

    @Option(names = "--title", paramLabel = "<text>", description = "Job title.") @Nullable String title;

    @Option(names = "--job-code", paramLabel = "<text>") @Nullable String jobCode;

    @Option(names = "--location", paramLabel = "<text>") @Nullable String location;

    @Option(names = "--manager", paramLabel = "<number>", description = "The manager's employee number.")
    @Nullable String manager;

    @Option(names = "--start-date", paramLabel = "<yyyy-mm-dd>", description = "The first day of employment.")
    @Nullable String startDate;

    @Option(names = "--end-date", paramLabel = "<yyyy-mm-dd>", description = "The first day without access.")
    @Nullable String endDate;

    /** The attributes given, by {@link StaffRecord#ATTRIBUTES} name. */
    Map<String, String> attributes() {
      Map<String, String> given = new LinkedHashMap<>();
      put(given, "userName", userName);
      put(given, "givenName", givenName);
      put(given, "familyName", familyName);
      put(given, "email", email);
      put(given, "department", department);
      put(given, "costCenter", costCenter);
      put(given, "organization", organization);
      put(given, "division", division);
      put(given, "title", title);
      put(given, "jobCode", jobCode);
      put(given, "location", location);
      put(given, "manager", manager);
      put(given, "startDate", startDate);
      put(given, "endDate", endDate);
      return given;
    }

    private static void put(Map<String, String> attributes, String name, @Nullable String value) {
      if (value != null) {
        attributes.put(name, value);
      }
    }
  }

  /** Reads {@code joiner}, {@code mover} and {@code leaver} as picocli reads nothing lower-case into an enum. */
  static final class EventConverter implements CommandLine.ITypeConverter<Event> {
    @Override
    public Event convert(String value) {
      for (Event candidate : Event.values()) {
        if (candidate.word().equals(value)) {
          return candidate;
        }
      }
      throw new CommandLine.TypeConversionException("'" + value + "' is not joiner, mover or leaver");
    }
  }

  @Override
  public Integer call() {
    return IdamCommand.run(spec, () -> {
      checkHowThePersonIsGiven();
      KeycloakConnection connection = keycloak.connection();
      AccessPolicy accessPolicy = AccessPolicy.load(policy);
      boolean byNumberOnly = event == Event.LEAVER && record == null && person == null;
      StaffRecord given = byNumberOnly ? null : record == null ? personFromOptions() : personFromRecord(record);
      try (Reconciler reconciler = IdamCommand.reconciler(connection, accessPolicy, 1, apply.auditLog)) {
        Plan plan;
        String number;
        if (given == null) {
          number = Objects.requireNonNull(employeeNumber);
          plan = reconciler.planUrgentLeaver(number);
        } else {
          StaffRecord person = event == Event.LEAVER ? asLeaver(given, reconciler.today()) : given;
          number = person.employeeNumber();
          plan = reconciler.planEvent(person);
        }
        spec.commandLine().getOut().print(plan.toTable());
        spec.commandLine().getOut().flush();
        noteWhenThePlanDiffersFromTheEvent(plan, number, spec.commandLine().getErr());
        if (dryRun) {
          return IdamCommand.planned(plan);
        }
        spec.commandLine().getOut().println();
        return IdamCommand.applyAndReport(spec, reconciler, plan, apply.allowMassChange);
      }
    });
  }

  /** The options alone, before anything is read: the person from the options or --record, not both. */
  private void checkHowThePersonIsGiven() {
    if (record != null) {
      if (person != null) {
        throw new IdamCommand.UnusableInput("give the person as --record or as options, not both");
      }
      return;
    }
    if (employeeNumber == null) {
      throw new IdamCommand.UnusableInput("give --employee-number and the person's attributes, or --record");
    }
    if (event == Event.LEAVER && person == null) {
      return; // An urgent leaver by employee number alone: Keycloak's names and attributes are kept.
    }
    Map<String, String> attributes = person == null ? Map.of() : person.attributes();
    if (!attributes.containsKey("givenName") || !attributes.containsKey("familyName")) {
      throw new IdamCommand.UnusableInput(event == Event.LEAVER
          ? "a leaver given as a person needs --given-name and --family-name as HR holds them; or give"
              + " --employee-number alone"
          : "give --given-name and --family-name, or --record");
    }
  }

  private StaffRecord personFromOptions() {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("employeeNumber", Objects.requireNonNull(employeeNumber));
    row.putAll(Objects.requireNonNull(person).attributes());
    String csv = String.join(",", row.keySet()) + "\n"
        + row.values().stream().map(IdamEventCommand::csvField).collect(Collectors.joining(",")) + "\n";
    return onlyPerson(readAsFeed(csv, ".csv", "the options"), "the options have problems:",
        problem -> "--" + kebabCase(problem.path()) + ": " + problem.message());
  }

  private StaffRecord personFromRecord(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new IdamCommand.UnusableInput("there is no record file at " + file);
    } catch (MalformedInputException e) {
      throw new IdamCommand.UnusableInput("the record file " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw new IdamCommand.UnusableInput("cannot read the record file " + file + ": " + e.getMessage());
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (!text.strip().startsWith("{")) {
      throw new IdamCommand.UnusableInput(file + " should hold one SCIM user, a JSON object");
    }
    // An array of one user reads as a feed; the '[' shares the first line, so line numbers hold.
    StaffRecord read = onlyPerson(readAsFeed("[" + text + "\n]", ".json", file.toString()), file + " has problems:",
        Problem::toString);
    if (employeeNumber != null && !employeeNumber.equals(read.employeeNumber())) {
      throw new IdamCommand.UnusableInput("--employee-number " + employeeNumber + " is not the record's, "
          + read.employeeNumber());
    }
    return read;
  }

  /** Reads {@code text} as a feed would be read, naming it {@code label} in any error. */
  private static HrFeed readAsFeed(String text, String suffix, String label) {
    try {
      return suffix.equals(".csv")
          ? HrFeed.readCsv(new java.io.StringReader(text), label)
          : HrFeed.readJson(new java.io.StringReader(text), label);
    } catch (IdamException unreadable) {
      throw new IdamCommand.UnusableInput(String.valueOf(unreadable.getMessage()));
    }
  }

  private static StaffRecord onlyPerson(HrFeed feed, String heading, Function<Problem, String> describe) {
    if (!feed.problems().isEmpty()) {
      throw new IdamCommand.UnusableInput(heading + feed.problems().stream().map(describe)
          .collect(Collectors.joining("\n  ", "\n  ", "")));
    }
    List<StaffRecord> records = feed.records();
    if (records.size() != 1) {
      throw new IdamCommand.UnusableInput("expected one person, found " + records.size());
    }
    return records.get(0);
  }

  /** The leaver's record: inactive, ending today unless HR gave an earlier day. */
  private static StaffRecord asLeaver(StaffRecord person, LocalDate today) {
    LocalDate end = person.endDate().orElse(today);
    if (end.isAfter(today)) {
      throw new IdamCommand.UnusableInput("a leaver event ends access now, but the end date given is " + end
          + "; for a later end date, send a mover event with --end-date");
    }
    return person.toBuilder().active(false).endDate(end).build();
  }

  /** A joiner who already has an account, or a mover who has none, may be a mistyped employee number. */
  private void noteWhenThePlanDiffersFromTheEvent(Plan plan, String number, PrintWriter err) {
    Optional<UserPlan> planned = plan.users().stream().filter(user -> user.employeeNumber().equals(number))
        .findFirst();
    String note = null;
    if (event == Event.JOINER && planned.map(user -> user.userId().isPresent()).orElse(false)) {
      note = number + " already has an account, " + planned.get().username() + ": planned as " + kind(planned.get());
    } else if (event == Event.MOVER && planned.map(user -> user.userId().isEmpty()).orElse(false)) {
      note = number + " has no account the tool manages: planned as " + kind(planned.get());
    } else if (event == Event.LEAVER && plan.isEmpty() && plan.notices().isEmpty()) {
      note = "nothing to do for " + number + ": no account the tool manages has this employee number, or it has"
          + " already left";
    }
    if (note != null) {
      err.println("note: " + note);
      err.flush();
    }
  }

  private static String kind(UserPlan user) {
    return user.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String csvField(String value) {
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static String kebabCase(String attribute) {
    return attribute.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
  }
}
