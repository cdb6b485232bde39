package org.stpkit.idam.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a feed as read, before {@link FeedValidator} checks it: the attribute values the feed
 * gave and what the CSV or JSON reader already found wrong with the row.
 */
final class RawRow {
  /** A problem with one field of the row; {@link FeedValidator} adds the source, line and employee number. */
  record Issue(String field, String message) {}

  private final int line;
  private final Map<String, String> values = new LinkedHashMap<>();
  private final List<Issue> issues = new ArrayList<>();
  private boolean active = true;
  private boolean fieldsUnreliable;

  RawRow(int line) {
    this.line = line;
  }

  int line() {
    return line;
  }

  /** Values by attribute name, stripped; blank values are left out as the feed not giving one. */
  Map<String, String> values() {
    return Collections.unmodifiableMap(values);
  }

  boolean active() {
    return active;
  }

  List<Issue> issues() {
    return Collections.unmodifiableList(issues);
  }

  /** Whether the values cannot be trusted to be the fields they are named as, so checking them would only mislead. */
  boolean fieldsUnreliable() {
    return fieldsUnreliable;
  }

  void put(String attribute, String value) {
    String stripped = value.strip();
    if (!stripped.isEmpty()) {
      values.put(attribute, stripped);
    }
  }

  void active(boolean value) {
    active = value;
  }

  void problem(String field, String message) {
    issues.add(new Issue(field, message));
  }

  void markFieldsUnreliable() {
    fieldsUnreliable = true;
  }
}
