package org.stpkit.idam.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stpkit.idam.StaffRecord;

/** SCIM users read as a feed's users are, and RFC 7644 PATCH operations applied to them. */
class ScimUsersTest {
  private static final String USER = """
      {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "externalId": "E1", "userName": "jo",
       "name": {"givenName": "Jo", "familyName": "Bloggs"}, "active": true,
       "emails": [{"value": "jo@example.gov.uk", "primary": true}],
       "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"department": "Visas"}}
      """;

  private static ObjectNode patch(String operations) {
    return ScimUsers.body("{\"schemas\": [\"" + ScimUsers.PATCH + "\"], \"Operations\": " + operations + "}");
  }

  @Test
  void aPushedUserIsReadAsAFeedsUserWithTheExternalIdAsEmployeeNumber() {
    StaffRecord record = ScimUsers.record(ScimUsers.body(USER), Optional.empty());
    assertThat(record.employeeNumber()).isEqualTo("E1");
    assertThat(record.attribute("department")).contains("Visas");
    assertThat(record.attribute("email")).contains("jo@example.gov.uk");
    assertThatThrownBy(() -> ScimUsers.record(ScimUsers.body(USER), Optional.of("E2")))
        .isInstanceOfSatisfying(ScimUsers.BadRequest.class, bad -> assertThat(bad.scimType()).isEqualTo("mutability"));
    assertThatThrownBy(() -> ScimUsers.record(ScimUsers.body("{\"externalId\": \"E1\", \"startDate\": 5}"), Optional.empty()))
        .isInstanceOfSatisfying(ScimUsers.BadRequest.class, bad -> {
          assertThat(bad.scimType()).isEqualTo("invalidValue");
          assertThat(bad.getMessage()).contains("givenName: givenName is required");
        });
  }

  @Test
  void patchOperationsWithAndWithoutPathsChangeTheUser() {
    ObjectNode user = ScimUsers.body(USER);
    ObjectNode patched = ScimUsers.patch(user, patch("""
        [{"op": "Replace", "path": "name.familyName", "value": "Smith"},
         {"op": "replace", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "value": "Asylum"},
         {"op": "replace", "path": "emails[type eq \\"work\\"].value", "value": "jo.smith@example.gov.uk"},
         {"op": "replace", "value": {"active": false, "title": "Caseworker"}},
         {"op": "add", "path": "urn:stpkit:params:scim:schemas:extension:hr:1.0:User:endDate", "value": "2026-12-01"}]
        """));
    StaffRecord record = ScimUsers.record(patched, Optional.of("E1"));

    assertThat(record.familyName()).isEqualTo("Smith");
    assertThat(record.attribute("department")).contains("Asylum");
    assertThat(record.attribute("email")).contains("jo.smith@example.gov.uk");
    assertThat(record.attribute("title")).contains("Caseworker");
    assertThat(record.attribute("endDate")).contains("2026-12-01");
    assertThat(record.active()).isFalse();
    assertThat(user.path("name").path("familyName").asText()).as("the original is untouched").isEqualTo("Bloggs");

    ObjectNode removed = ScimUsers.patch(user, patch("[{\"op\": \"remove\", \"path\": \"title\"}, "
        + "{\"op\": \"remove\", \"path\": \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department\"}]"));
    assertThat(ScimUsers.record(removed, Optional.of("E1")).attribute("department")).isEmpty();
  }

  @Test
  void unsupportedPatchesAreRefusedWithTheirScimType() {
    ObjectNode user = ScimUsers.body(USER);
    assertThatThrownBy(() -> ScimUsers.patch(user, patch("[{\"op\": \"move\", \"path\": \"title\"}]")))
        .isInstanceOfSatisfying(ScimUsers.BadRequest.class, bad -> assertThat(bad.scimType()).isEqualTo("invalidSyntax"));
    assertThatThrownBy(() -> ScimUsers.patch(user, patch("[{\"op\": \"replace\", \"path\": \"a.b.c\", \"value\": 1}]")))
        .isInstanceOfSatisfying(ScimUsers.BadRequest.class, bad -> assertThat(bad.scimType()).isEqualTo("invalidPath"));
    assertThatThrownBy(() -> ScimUsers.patch(user, patch("[{\"op\": \"remove\"}]")))
        .isInstanceOfSatisfying(ScimUsers.BadRequest.class, bad -> assertThat(bad.scimType()).isEqualTo("noTarget"));
    assertThatThrownBy(() -> ScimUsers.patch(user, ScimUsers.body("{\"Operations\": []}")))
        .isInstanceOfSatisfying(ScimUsers.BadRequest.class, bad -> assertThat(bad.scimType()).isEqualTo("invalidSyntax"));
  }
}
