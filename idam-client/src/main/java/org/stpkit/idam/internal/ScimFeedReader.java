package org.stpkit.idam.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.stpkit.idam.IdamException;

/**
 * The rows of a JSON feed: SCIM 2.0 users (RFC 7643) in a ListResponse or a bare array. Read as a
 * stream, one user at a time, so that each row knows the line its object starts on.
 */
final class ScimFeedReader {
  private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
  private static final String HR = "urn:stpkit:params:scim:schemas:extension:hr:1.0:User";

  private static final List<String> ENTERPRISE_TEXTS =
      List.of("employeeNumber", "costCenter", "organization", "division", "department");
  private static final List<String> HR_TEXTS = List.of("jobCode", "location", "startDate", "endDate");

  // The caller opened the reader, so the caller closes it.
  private static final ObjectMapper MAPPER = JsonMapper.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

  private ScimFeedReader() {}

  static void read(Reader in, String source, int maxRows, FeedValidator feed) throws IOException {
    try (JsonParser parser = MAPPER.createParser(in)) {
      JsonToken root = parser.nextToken();
      if (root == JsonToken.START_ARRAY) {
        readUsers(parser, source, maxRows, feed);
      } else if (root == JsonToken.START_OBJECT) {
        readListResponse(parser, source, maxRows, feed);
      } else {
        throw new IdamException(source + (root == null ? " is empty" : " is neither a SCIM ListResponse nor an array of users"));
      }
      if (parser.nextToken() != null) {
        throw new IdamException(at(source, parser.currentTokenLocation()) + "unexpected content after the users");
      }
    } catch (StreamReadException e) {
      throw new IdamException(at(source, e.getLocation()) + "malformed JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void readListResponse(JsonParser parser, String source, int maxRows, FeedValidator feed) throws IOException {
    Integer totalResults = null;
    int users = 0;
    boolean hasResources = false;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("Resources")) {
        if (value != JsonToken.START_ARRAY) {
          throw new IdamException(at(source, parser.currentTokenLocation()) + "Resources should be an array of users");
        }
        users = readUsers(parser, source, maxRows, feed);
        hasResources = true;
      } else if (field.equals("totalResults") && value == JsonToken.VALUE_NUMBER_INT) {
        totalResults = parser.getIntValue();
      } else {
        parser.skipChildren();
      }
    }
    if (!hasResources && (totalResults == null || totalResults != 0)) {
      throw new IdamException(source + " has no Resources array of users");
    }
    if (totalResults != null && totalResults != users) {
      // One page of a larger result: everyone on the other pages would look like a leaver.
      throw new IdamException(source + " says totalResults " + totalResults + " but holds " + users
          + " users; give the whole result, not a page");
    }
  }

  /** Reads the users of an array to the validator; how many there were. */
  private static int readUsers(JsonParser parser, String source, int maxRows, FeedValidator feed) throws IOException {
    int users = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      if (++users > maxRows) {
        throw new IdamException(source + " has more than " + maxRows + " users; no feed of ours is that big");
      }
      int line = parser.currentTokenLocation().getLineNr();
      JsonNode user = parser.readValueAsTree();
      if (user != null && user.isObject()) {
        feed.row(user(user, line));
      } else {
        RawRow row = new RawRow(line);
        row.problem("user", "a user should be a JSON object, not " + (user == null ? "null" : describe(user)));
        row.markFieldsUnreliable();
        feed.row(row);
      }
    }
    return users;
  }

  private static RawRow user(JsonNode user, int line) {
    RawRow row = new RawRow(line);
    text(row, user, "userName", "userName");
    JsonNode name = object(row, user, "name");
    if (name != null) {
      text(row, name, "givenName", "givenName");
      text(row, name, "familyName", "familyName");
    }
    email(row, user);
    text(row, user, "title", "title");
    active(row, user);
    JsonNode enterprise = object(row, user, ENTERPRISE);
    if (enterprise != null) {
      for (String attribute : ENTERPRISE_TEXTS) {
        text(row, enterprise, attribute, attribute);
      }
      manager(row, enterprise);
    }
    JsonNode hr = object(row, user, HR);
    if (hr != null) {
      for (String attribute : HR_TEXTS) {
        text(row, hr, attribute, attribute);
      }
    }
    return row;
  }

  /** The primary address, else the first. */
  private static void email(RawRow row, JsonNode user) {
    JsonNode emails = user.get("emails");
    if (emails == null || emails.isNull()) {
      return;
    }
    if (!emails.isArray()) {
      row.problem("email", "emails should be an array, not " + describe(emails));
      return;
    }
    JsonNode chosen = null;
    for (JsonNode email : emails) {
      if (email.path("primary").booleanValue()) {
        chosen = email;
        break;
      }
    }
    if (chosen == null && !emails.isEmpty()) {
      chosen = emails.get(0);
    }
    if (chosen == null) {
      return;
    }
    if (chosen.isObject()) {
      text(row, chosen, "value", "email");
    } else {
      row.problem("email", "an entry of emails should be an object with a value, not " + describe(chosen));
    }
  }

  private static void active(RawRow row, JsonNode user) {
    JsonNode active = user.get("active");
    if (active == null || active.isNull()) {
      return;
    }
    if (active.isBoolean()) {
      row.active(active.booleanValue());
    } else {
      row.problem("active", "active should be true or false, not " + describe(active));
    }
  }

  /** SCIM's manager is an object whose value is the manager's id; HR systems also send a plain string. */
  private static void manager(RawRow row, JsonNode enterprise) {
    JsonNode manager = enterprise.get("manager");
    if (manager != null && manager.isObject()) {
      text(row, manager, "value", "manager");
    } else {
      text(row, enterprise, "manager", "manager");
    }
  }

  private static @Nullable JsonNode object(RawRow row, JsonNode parent, String key) {
    JsonNode value = parent.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      row.problem(key, key + " should be an object, not " + describe(value));
      return null;
    }
    return value;
  }

  private static void text(RawRow row, JsonNode parent, String key, String attribute) {
    JsonNode value = parent.get(key);
    if (value == null || value.isNull()) {
      return;
    }
    if (value.isTextual()) {
      row.put(attribute, value.textValue());
      return;
    }
    row.problem(attribute, key + " should be a string, not " + describe(value));
    if (value.isValueNode()) {
      // Kept so that an employee number sent as a number still holds the person.
      row.put(attribute, value.asText());
    }
  }

  private static String describe(JsonNode value) {
    return switch (value.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case BOOLEAN -> "a boolean";
      case NUMBER -> "a number";
      case STRING -> "a string";
      default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  private static String at(String source, @Nullable JsonLocation location) {
    return location == null ? source + ": " : source + ":" + location.getLineNr() + ":" + location.getColumnNr() + ": ";
  }
}
