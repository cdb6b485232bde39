package org.stpkit.idam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stpkit.definition.Problem;

/** Reading the HR feed: CSV and SCIM JSON to the same records, every bad row reported where it is. */
class HrFeedTest {
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String HR = "urn:stpkit:params:scim:schemas:extension:hr:1.0:User";

  @TempDir
  Path temp;

  // --- the same people from CSV and from JSON ---

  @Test
  void readsEveryColumnOfACsvFeed() {
    HrFeed feed = HrFeed.read(resource("staff.csv"));

    assertThat(feed.problems()).isEmpty();
    assertThat(feed.records()).extracting(StaffRecord::employeeNumber, StaffRecord::line, StaffRecord::active)
        .containsExactly(tuple("E1001", 2, true), tuple("E1002", 3, true), tuple("E1003", 4, false));
    Map<String, String> charles = new LinkedHashMap<>();
    charles.put("employeeNumber", "E1002");
    charles.put("userName", "charles.babbage");
    charles.put("givenName", "Charles");
    charles.put("familyName", "Babbage");
    charles.put("email", "charles.babbage@example.org");
    charles.put("department", "Engineering");
    charles.put("costCenter", "CC-100");
    charles.put("organization", "STP");
    charles.put("division", "Digital");
    charles.put("title", "Engineer");
    charles.put("jobCode", "ENG-2");
    charles.put("location", "London");
    charles.put("manager", "E1001");
    charles.put("startDate", "2021-03-01");
    charles.put("endDate", "2026-03-31");
    assertThat(feed.records().get(1).attributes()).containsExactlyEntriesOf(charles);
    assertThat(feed.records().get(0).attributes()).doesNotContainKeys("manager", "endDate");
  }

  @Test
  void csvAndJsonGiveEqualRecordsForTheSamePeople() {
    HrFeed csv = HrFeed.read(resource("staff.csv"));
    HrFeed json = HrFeed.read(resource("staff.json"));

    assertThat(json.problems()).isEmpty();
    assertThat(json.records()).hasSize(3).containsExactlyElementsOf(csv.records());
    // Each JSON record's line is where its user object starts.
    assertThat(json.records()).extracting(StaffRecord::line).containsExactly(7, 35, 56);
    assertThat(json.source()).endsWith("staff.json");
  }

  @Test
  void jsonTakesThePrimaryEmailElseTheFirst() {
    HrFeed feed = json(users(
        user("E1", "\"emails\": [{\"value\": \"home@example.net\"}, {\"value\": \"work@example.org\", \"primary\": true}]"),
        user("E2", "\"emails\": [{\"value\": \"first@example.org\"}, {\"value\": \"second@example.org\"}]")));

    assertThat(feed.records()).extracting(record -> record.email().orElseThrow())
        .containsExactly("work@example.org", "first@example.org");
  }

  @Test
  void jsonActiveIsTrueUnlessFalse() {
    HrFeed feed = json(users(user("E1", "\"active\": false"), user("E2", "\"active\": true"), user("E3", "\"active\": null")));

    assertThat(feed.records()).extracting(StaffRecord::active).containsExactly(false, true, true);
  }

  // --- CSV syntax ---

  @Test
  void quotedCommasQuotesAndLineBreaksStayInTheirFieldAndLaterRowsKeepTheirLines() {
    HrFeed feed = csv("employeeNumber,givenName,familyName,department,title,notes\r\n"
        + "E1,Ada,Lovelace,\"Operations, North\",\"Analyst \"\"Tier 2\"\"\",\"first\r\nsecond\r\nthird\"\r\n"
        + "E2,Charles,Babbage,\"Engineering\nLondon\",Engineer,\r\n"
        + "E3,Grace,Hopper,Operations,,\r\n");

    assertThat(feed.records()).extracting(StaffRecord::employeeNumber, StaffRecord::line)
        .containsExactly(tuple("E1", 2), tuple("E3", 7));
    StaffRecord ada = feed.records().get(0);
    assertThat(ada.attribute("department")).contains("Operations, North");
    assertThat(ada.attribute("title")).contains("Analyst \"Tier 2\"");
    // The department's line break is a control character: the row is left out at the line it starts on.
    assertThat(feed.rowProblems()).extracting(HrFeedTest::line, HrFeedTest::path, HrFeed.RowProblem::employeeNumber)
        .containsExactly(tuple(1, "header", Optional.empty()), tuple(5, "department", Optional.of("E2")));
  }

  @Test
  void loneCarriageReturnsEndLinesToo() {
    HrFeed feed = csv("employeeNumber,givenName,familyName\rE1,Ada,Lovelace\r\rE2,Charles,Babbage\r");

    assertThat(feed.records()).extracting(StaffRecord::employeeNumber, StaffRecord::line)
        .containsExactly(tuple("E1", 2), tuple("E2", 4));
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstColumn() {
    HrFeed withBom = HrFeed.read(resource("staff-bom.csv"));

    assertThat(withBom.problems()).isEmpty();
    assertThat(withBom.records()).containsExactlyElementsOf(HrFeed.read(resource("staff.csv")).records());
    assertThat(withBom.records()).extracting(StaffRecord::line).containsExactly(2, 3, 4);
    assertThat(json("\uFEFF" + users(user("E1", ""))).records()).extracting(StaffRecord::employeeNumber).containsExactly("E1");
  }

  @Test
  void blankLinesAreSkippedButCounted() {
    HrFeed feed = csv("employeeNumber,givenName,familyName\n\nE1,Ada,Lovelace\n   \n,,\nE2,Charles,Babbage\n\n");

    assertThat(feed.problems()).isEmpty();
    assertThat(feed.records()).extracting(StaffRecord::employeeNumber, StaffRecord::line)
        .containsExactly(tuple("E1", 3), tuple("E2", 6));
  }

  @Test
  void aQuoteNeverClosedMakesTheFeedUnusable() {
    // Read on, everyone after line 2 would vanish into one field and look like a leaver.
    assertThatThrownBy(() -> csv("employeeNumber,givenName,familyName\nE1,\"Ada,Lovelace\nE2,Charles,Babbage\n"))
        .isInstanceOf(IdamException.class)
        .hasMessageContaining("test.csv:2")
        .hasMessageContaining("never closed");
  }

  @Test
  void textAfterAClosingQuoteLeavesTheRowOut() {
    HrFeed feed = csv("employeeNumber,givenName,familyName\nE1,\"Ada\" Augusta,Lovelace\nE2,Charles,Babbage\n");

    assertThat(feed.records()).extracting(StaffRecord::employeeNumber).containsExactly("E2");
    assertThat(feed.rowProblems()).extracting(HrFeedTest::line, HrFeedTest::path, HrFeed.RowProblem::employeeNumber)
        .containsExactly(tuple(2, "row", Optional.of("E1")));
  }

  @Test
  void aRowWithTheWrongNumberOfFieldsIsLeftOutButItsPersonHeld() {
    HrFeed feed = csv("employeeNumber,givenName,familyName,department\n"
        + "E1,Ada,Lovelace,Operations, North\n"
        + "E2,Charles\n"
        + "E3,Grace,Hopper,Operations\n");

    assertThat(feed.records()).extracting(StaffRecord::employeeNumber).containsExactly("E3");
    assertThat(feed.rowProblems()).extracting(HrFeedTest::line, HrFeedTest::path, HrFeed.RowProblem::employeeNumber)
        .containsExactly(tuple(2, "row", Optional.of("E1")), tuple(3, "row", Optional.of("E2")));
    assertThat(feed.problems().get(0).message()).contains("5 fields", "header has 4");
    assertThat(feed.heldEmployeeNumbers()).containsExactly("E1", "E2");
  }

  // --- the CSV header ---

  @Test
  void headerNamesMatchIgnoringCaseSpacesUnderscoresAndHyphens() {
    HrFeed feed = csv("Employee Number,given_name,FAMILY-NAME,E-Mail,User Name,cost_center,Start Date,End-Date,Active\n"
        + "E1,Ada,Lovelace,ada@example.org,ada.l,CC-1,2024-01-01,2025-01-01,no\n");

    assertThat(feed.problems()).isEmpty();
    StaffRecord ada = feed.records().get(0);
    assertThat(ada.employeeNumber()).isEqualTo("E1");
    assertThat(ada.givenName()).isEqualTo("Ada");
    assertThat(ada.familyName()).isEqualTo("Lovelace");
    assertThat(ada.email()).contains("ada@example.org");
    assertThat(ada.userName()).contains("ada.l");
    assertThat(ada.attribute("costCenter")).contains("CC-1");
    assertThat(ada.startDate()).hasValueSatisfying(day -> assertThat(day).hasToString("2024-01-01"));
    assertThat(ada.endDate()).hasValueSatisfying(day -> assertThat(day).hasToString("2025-01-01"));
    assertThat(ada.active()).isFalse();
  }

  @Test
  void anUnknownColumnIsReportedOnceAndOtherwiseIgnored() {
    HrFeed feed = csv("employeeNumber,givenName,Shoe Size,familyName\nE1,Ada,5,Lovelace\nE2,Charles,9,Babbage\n");

    assertThat(feed.records()).extracting(StaffRecord::employeeNumber).containsExactly("E1", "E2");
    assertThat(feed.records().get(0).attributes()).containsOnlyKeys("employeeNumber", "givenName", "familyName");
    assertThat(feed.rowProblems()).singleElement().satisfies(row -> {
      Problem problem = row.problem();
      assertThat(problem.line()).isEqualTo(1);
      assertThat(problem.path()).isEqualTo("header");
      assertThat(row.employeeNumber()).isEmpty();
      assertThat(problem.message()).startsWith("unknown column 'Shoe Size'; known: employeeNumber, userName, givenName");
      assertThat(problem.message()).endsWith("active");
    });
    assertThat(feed.heldEmployeeNumbers()).isEmpty();
  }

  @Test
  void aHeaderWithoutARequiredColumnMakesTheFeedUnusable() {
    assertThatThrownBy(() -> csv("employeeNumber,department\nE1,Finance\n"))
        .isInstanceOf(IdamException.class)
        .hasMessageContaining("test.csv:1")
        .hasMessageContaining("givenName, familyName");
    assertThatThrownBy(() -> csv("staff id,givenName,familyName\n1,Ada,Lovelace\n"))
        .isInstanceOf(IdamException.class)
        .hasMessageContaining("no column employeeNumber;");
  }

  @Test
  void aColumnNamedTwiceMakesTheFeedUnusable() {
    assertThatThrownBy(() -> csv("employeeNumber,givenName,familyName,Department,department\nE1,Ada,Lovelace,A,B\n"))
        .isInstanceOf(IdamException.class)
        .hasMessageContaining("department appears twice");
  }

  @Test
  void anEmptyFileHasNoHeader() {
    assertThatThrownBy(() -> csv("\n\n")).isInstanceOf(IdamException.class).hasMessageContaining("no header row");
  }

  // --- validation, row by row ---

  @Test
  void everyRuleLeavesItsRowOutWithLineAndField() {
    HrFeed feed = HrFeed.read(resource("staff-bad-rows.csv"));

    assertThat(feed.records()).extracting(StaffRecord::employeeNumber, StaffRecord::line, StaffRecord::active)
        .containsExactly(tuple("E2001", 2, true), tuple("E2015", 16, true), tuple("E2016", 17, false));
    assertThat(feed.rowProblems()).extracting(HrFeedTest::line, HrFeedTest::path, HrFeed.RowProblem::employeeNumber)
        .containsExactlyInAnyOrder(
            tuple(3, "employeeNumber", Optional.empty()),
            tuple(4, "employeeNumber", Optional.empty()),
            tuple(5, "givenName", Optional.of("E2004")),
            tuple(6, "givenName", Optional.of("E2005")),
            tuple(7, "userName", Optional.of("E2006")),
            tuple(8, "email", Optional.of("E2007")),
            tuple(9, "active", Optional.of("E2008")),
            tuple(10, "startDate", Optional.of("E2009")),
            tuple(11, "endDate", Optional.of("E2010")),
            tuple(12, "manager", Optional.of("E2011")),
            tuple(13, "familyName", Optional.of("E2012")),
            tuple(14, "active", Optional.of("E2013")),
            tuple(14, "givenName", Optional.of("E2013")),
            tuple(14, "userName", Optional.of("E2013")),
            tuple(14, "email", Optional.of("E2013")),
            tuple(14, "startDate", Optional.of("E2013")),
            tuple(15, "row", Optional.of("E2014")));
    assertThat(feed.problems()).allSatisfy(problem -> assertThat(problem.source()).endsWith("staff-bad-rows.csv"));
    assertThat(message(feed, 3, "employeeNumber")).isEqualTo("employeeNumber is required");
    assertThat(message(feed, 4, "employeeNumber")).contains("'E 2003'");
    assertThat(message(feed, 6, "givenName")).contains("longer than 100");
    assertThat(message(feed, 9, "active")).contains("'maybe'");
    assertThat(message(feed, 10, "startDate")).contains("'2024-13-01'");
    assertThat(message(feed, 11, "endDate")).contains("2024-04-30", "before startDate 2024-05-01");
    assertThat(message(feed, 12, "manager")).contains("'boss!'");
    assertThat(message(feed, 14, "startDate")).contains("'2024-02-30'");
  }

  @Test
  void peopleWhoseRowsAreLeftOutAreHeldWhenTheirNumberIsReadable() {
    HrFeed feed = HrFeed.read(resource("staff-bad-rows.csv"));

    assertThat(feed.heldEmployeeNumbers()).containsExactly(
        "E2004", "E2005", "E2006", "E2007", "E2008", "E2009", "E2010", "E2011", "E2012", "E2013", "E2014");
    Set<String> recorded = feed.records().stream().map(StaffRecord::employeeNumber).collect(Collectors.toSet());
    assertThat(feed.heldEmployeeNumbers()).doesNotContainAnyElementsOf(recorded);
  }

  @Test
  void limitsAreInclusive() {
    String number64 = "E".repeat(64);
    String name100 = "n".repeat(100);
    String text255 = "t".repeat(255);
    String email254 = "a".repeat(242) + "@example.org";
    HrFeed feed = csv("employeeNumber,givenName,familyName,department,email,userName\n"
        + number64 + "," + name100 + "," + name100 + "," + text255 + "," + email254 + "," + "u".repeat(255) + "\n"
        + number64 + "X,Ada,Lovelace,,,\n"
        + "E3,Ada," + name100 + "x,,,\n"
        + "E4,Ada,Lovelace," + text255 + "x,,\n"
        + "E5,Ada,Lovelace,,a" + email254 + ",\n"
        + "E6,Ada,Lovelace,,," + "u".repeat(256) + "\n");

    assertThat(feed.records()).extracting(StaffRecord::employeeNumber).containsExactly(number64);
    assertThat(feed.problems()).extracting(Problem::line, Problem::path)
        .containsExactly(tuple(3, "employeeNumber"), tuple(4, "familyName"), tuple(5, "department"),
            tuple(6, "email"), tuple(7, "userName"));
  }

  @Test
  void controlCharactersAreRejectedInEveryTextAttribute() {
    HrFeed feed = csv("employeeNumber,givenName,familyName,title,location,userName\n"
        + "E1,Ada,Love\u0007lace,,,\n"
        + "E2,Ada,Lovelace,Chief\tEngineer,,\n"
        + "E3,Ada,Lovelace,,Lon\u0000don,\n"
        + "E4,Ada,Lovelace,,,ada\u00A0l\n"
        + "E5,Ada,Lovelace,Engineer,London,ada.l\n");

    assertThat(feed.records()).extracting(StaffRecord::employeeNumber).containsExactly("E5");
    assertThat(feed.problems()).extracting(Problem::line, Problem::path)
        .containsExactly(tuple(2, "familyName"), tuple(3, "title"), tuple(4, "location"), tuple(5, "userName"));
  }

  @Test
  void emailMustLookLikeAnAddress() {
    List<String> bad = List.of("ada", "@example.org", "ada@", "ada@localhost", "ada@example.", "a@b@example.org",
        "ada lovelace@example.org", "ada@.org");
    StringBuilder text = new StringBuilder("employeeNumber,givenName,familyName,email\nE0,Ada,Lovelace,ada.lovelace+hr@mail.example.org\n");
    for (int i = 0; i < bad.size(); i++) {
      text.append("E").append(i + 1).append(",Ada,Lovelace,").append(bad.get(i)).append('\n');
    }
    HrFeed feed = csv(text.toString());

    assertThat(feed.records()).extracting(StaffRecord::employeeNumber).containsExactly("E0");
    assertThat(feed.problems()).hasSize(bad.size()).allSatisfy(problem -> assertThat(problem.path()).isEqualTo("email"));
  }

  @Test
  void csvActiveAcceptsTheUsualSpellings() {
    HrFeed feed = csv("employeeNumber,givenName,familyName,active\n"
        + "E1,A,B,true\nE2,A,B,FALSE\nE3,A,B,Yes\nE4,A,B,no\nE5,A,B,1\nE6,A,B,0\nE7,A,B,y\nE8,A,B,N\nE9,A,B,\nE10,A,B,t\n");

    assertThat(feed.records()).extracting(StaffRecord::employeeNumber, StaffRecord::active).containsExactly(
        tuple("E1", true), tuple("E2", false), tuple("E3", true), tuple("E4", false), tuple("E5", true),
        tuple("E6", false), tuple("E7", true), tuple("E8", false), tuple("E9", true));
    assertThat(feed.problems()).extracting(Problem::line, Problem::path).containsExactly(tuple(11, "active"));
  }

  @Test
  void jsonRowsAreValidatedTheSameWayWithTheLineTheirObjectStartsOn() {
    HrFeed feed = HrFeed.read(resource("staff-bad-rows.json"));

    assertThat(feed.records()).extracting(StaffRecord::employeeNumber, StaffRecord::line)
        .containsExactly(tuple("E3001", 2));
    assertThat(feed.rowProblems()).extracting(HrFeedTest::line, HrFeedTest::path, HrFeed.RowProblem::employeeNumber)
        .containsExactlyInAnyOrder(
            tuple(7, "active", Optional.of("E3002")),
            tuple(12, "name", Optional.of("E3003")),
            tuple(12, "givenName", Optional.of("E3003")),
            tuple(12, "familyName", Optional.of("E3003")),
            tuple(16, "employeeNumber", Optional.of("3004")),
            tuple(20, "user", Optional.empty()),
            tuple(21, "startDate", Optional.of("E3006")),
            tuple(26, "email", Optional.of("E3007")),
            tuple(31, "manager", Optional.of("E3008")),
            tuple(35, "employeeNumber", Optional.empty()));
    assertThat(message(feed, 7, "active")).contains("not a string");
    assertThat(message(feed, 16, "employeeNumber")).contains("not a number");
    assertThat(message(feed, 21, "startDate")).contains("'01/12/2024'");
    assertThat(feed.heldEmployeeNumbers()).containsExactly("E3002", "E3003", "3004", "E3006", "E3007", "E3008");
  }

  // --- duplicates ---

  @Test
  void everyRowOfADuplicatedEmployeeNumberIsLeftOutAndThePersonHeld() {
    HrFeed feed = csv("employeeNumber,givenName,familyName\n"
        + "E1,Ada,Lovelace\n"
        + "E2,Charles,Babbage\n"
        + "E1,Ada,Byron\n"
        + "E3,,Hopper\n"
        + "E3,Grace,Hopper\n"
        + "E1,Augusta,Lovelace\n");

    assertThat(feed.records()).extracting(StaffRecord::employeeNumber).containsExactly("E2");
    assertThat(feed.rowProblems()).extracting(HrFeedTest::line, HrFeedTest::path, HrFeed.RowProblem::employeeNumber)
        .containsExactly(
            tuple(2, "employeeNumber", Optional.of("E1")),
            tuple(4, "employeeNumber", Optional.of("E1")),
            tuple(5, "givenName", Optional.of("E3")),
            tuple(5, "employeeNumber", Optional.of("E3")),
            tuple(6, "employeeNumber", Optional.of("E3")),
            tuple(7, "employeeNumber", Optional.of("E1")));
    assertThat(message(feed, 2, "employeeNumber")).contains("also on lines 4, 7");
    assertThat(message(feed, 4, "employeeNumber")).contains("also on lines 2, 7");
    assertThat(message(feed, 6, "employeeNumber")).contains("also on line 5");
    assertThat(feed.heldEmployeeNumbers()).containsExactly("E1", "E3");
  }

  @Test
  void duplicatesAreFoundInJsonToo() {
    HrFeed feed = json(users(user("E1", ""), user("E2", ""), user("E1", "")));

    assertThat(feed.records()).extracting(StaffRecord::employeeNumber).containsExactly("E2");
    assertThat(feed.heldEmployeeNumbers()).containsExactly("E1");
  }

  // --- SCIM JSON shapes ---

  @Test
  void aListResponseAndABareArrayGiveTheSameRecords() {
    String users = users(user("E1", "\"title\": \"Engineer\""), user("E2", "\"active\": false"));
    HrFeed array = json(users);
    HrFeed list = json("{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"], \"totalResults\": 2, "
        + "\"Resources\": " + users + ", \"itemsPerPage\": 2}");

    assertThat(array.problems()).isEmpty();
    assertThat(list.problems()).isEmpty();
    assertThat(list.records()).hasSize(2).containsExactlyElementsOf(array.records());
  }

  @Test
  void aListResponseThatIsOnePageOfMoreIsRefused() {
    assertThatThrownBy(() -> json("{\"totalResults\": 5, \"Resources\": " + users(user("E1", "")) + "}"))
        .isInstanceOf(IdamException.class)
        .hasMessageContaining("totalResults 5")
        .hasMessageContaining("holds 1");
  }

  @Test
  void aListResponseOfNobodyIsAnEmptyFeedButAnObjectWithoutResourcesIsRefused() {
    assertThat(json("{\"totalResults\": 0}").records()).isEmpty();
    assertThatThrownBy(() -> json("{\"userName\": \"ada\"}"))
        .isInstanceOf(IdamException.class)
        .hasMessageContaining("no Resources");
  }

  @Test
  void managerMayBeAnObjectOrAString() {
    HrFeed feed = json(users(
        "{\"name\": {\"givenName\": \"A\", \"familyName\": \"B\"}, \"" + ENTERPRISE + "\": "
            + "{\"employeeNumber\": \"E1\", \"manager\": {\"value\": \"E9\", \"$ref\": \"../Users/9\", \"displayName\": \"Boss\"}}}",
        "{\"name\": {\"givenName\": \"A\", \"familyName\": \"B\"}, \"" + ENTERPRISE + "\": "
            + "{\"employeeNumber\": \"E2\", \"manager\": \"E9\"}}"));

    assertThat(feed.problems()).isEmpty();
    assertThat(feed.records()).extracting(record -> record.attribute("manager").orElseThrow()).containsExactly("E9", "E9");
  }

  @Test
  void malformedJsonNamesTheLineAndColumn() {
    assertThatThrownBy(() -> json("[\n  {\"userName\": \"a\"},\n  {\"userName\": \"b\" \"title\": \"x\"}\n]"))
        .isInstanceOf(IdamException.class)
        .hasMessageContaining("test.json:3:")
        .hasMessageContaining("malformed JSON");
    assertThatThrownBy(() -> json("[\n  {\"userName\": \"a\"},\n"))
        .isInstanceOf(IdamException.class)
        .hasMessageContaining("test.json:3:");
  }

  @Test
  void jsonThatIsNotUsersIsRefused() {
    assertThatThrownBy(() -> json("")).isInstanceOf(IdamException.class).hasMessageContaining("empty");
    assertThatThrownBy(() -> json("\"users\"")).isInstanceOf(IdamException.class).hasMessageContaining("neither");
    assertThatThrownBy(() -> json("[] []")).isInstanceOf(IdamException.class).hasMessageContaining("after the users");
  }

  // --- files and limits ---

  @Test
  void theExtensionChoosesTheFormatWhateverItsCase() throws IOException {
    Path csv = Files.writeString(temp.resolve("STAFF.CSV"), "employeeNumber,givenName,familyName\nE1,Ada,Lovelace\n");
    Path json = Files.writeString(temp.resolve("staff.Json"), users(user("E1", "")));

    assertThat(HrFeed.read(csv).records()).extracting(StaffRecord::employeeNumber).containsExactly("E1");
    assertThat(HrFeed.read(json).records()).extracting(StaffRecord::employeeNumber).containsExactly("E1");
  }

  @Test
  void aFileNeitherCsvNorJsonIsRefusedByName() throws IOException {
    Path excel = Files.writeString(temp.resolve("staff.xlsx"), "employeeNumber,givenName,familyName\n");

    assertThatThrownBy(() -> HrFeed.read(excel))
        .isInstanceOf(IdamException.class)
        .hasMessageContaining(excel.toString());
  }

  @Test
  void aMissingOrNonUtf8FileIsReportedAsSuch() throws IOException {
    Path missing = temp.resolve("missing.csv");
    Path latin1 = Files.write(temp.resolve("latin1.csv"),
        "employeeNumber,givenName,familyName\nE1,Zo\u00eb,Smith\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThatThrownBy(() -> HrFeed.read(missing)).isInstanceOf(IdamException.class).hasMessageContaining("does not exist");
    assertThatThrownBy(() -> HrFeed.read(latin1)).isInstanceOf(IdamException.class).hasMessageContaining("not UTF-8");
  }

  // --- helpers ---

  private static HrFeed csv(String text) {
    return HrFeed.readCsv(new StringReader(text), "test.csv");
  }

  private static HrFeed json(String text) {
    return HrFeed.readJson(new StringReader(text), "test.json");
  }

  /** A SCIM user with a name and employee number, plus {@code more} members (JSON, without braces). */
  private static String user(String employeeNumber, String more) {
    return "{\"userName\": \"" + employeeNumber.toLowerCase(java.util.Locale.ROOT) + "\", \"name\": {\"givenName\": \"Given\", \"familyName\": \"Family\"}, "
        + "\"" + ENTERPRISE + "\": {\"employeeNumber\": \"" + employeeNumber + "\"}, "
        + "\"" + HR + "\": {\"startDate\": \"2024-01-01\"}" + (more.isEmpty() ? "" : ", " + more) + "}";
  }

  private static String users(String... users) {
    return "[\n" + String.join(",\n", users) + "\n]";
  }

  private static String message(HrFeed feed, int line, String field) {
    return feed.problems().stream()
        .filter(problem -> problem.line() == line && problem.path().equals(field))
        .map(Problem::message)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no problem at line " + line + " with " + field + " in " + feed.problems()));
  }

  private static int line(HrFeed.RowProblem row) {
    return row.problem().line();
  }

  private static String path(HrFeed.RowProblem row) {
    return row.problem().path();
  }

  private static Path resource(String name) {
    try {
      return Path.of(Objects.requireNonNull(HrFeedTest.class.getResource("/hr/" + name), name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
