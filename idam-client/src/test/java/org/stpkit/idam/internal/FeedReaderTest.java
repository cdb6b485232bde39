package org.stpkit.idam.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.stpkit.idam.IdamException;

/** The cap on a feed's size, tried with a low cap so that the test need not write a million rows. */
class FeedReaderTest {
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

  @Test
  void aFeedOverTheCapIsRefused() {
    String header = "employeeNumber,givenName,familyName\n";
    String threeRows = header + "E1,A,B\n\nE2,A,B\nE3,A,B\n";

    assertThat(FeedReader.MAX_ROWS).isEqualTo(1_000_000);
    assertThat(FeedReader.readCsv(new StringReader(threeRows), "test.csv", 3).records()).hasSize(3);
    assertThatThrownBy(() -> FeedReader.readCsv(new StringReader(threeRows + "E4,A,B\n"), "test.csv", 3))
        .isInstanceOf(IdamException.class)
        .hasMessageContaining("more than 3 rows");
    String threeUsers = "[" + user("E1") + "," + user("E2") + "," + user("E3") + "]";
    assertThat(FeedReader.readJson(new StringReader(threeUsers), "test.json", 3).records()).hasSize(3);
    assertThatThrownBy(() -> FeedReader.readJson(new StringReader(threeUsers), "test.json", 2))
        .isInstanceOf(IdamException.class)
        .hasMessageContaining("more than 2 users");
  }

  private static String user(String employeeNumber) {
    return "{\"userName\": \"" + employeeNumber + "\", \"name\": {\"givenName\": \"A\", \"familyName\": \"B\"}, \""
        + ENTERPRISE + "\": {\"employeeNumber\": \"" + employeeNumber + "\"}}";
  }
}
