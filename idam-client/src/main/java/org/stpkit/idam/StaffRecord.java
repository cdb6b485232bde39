package org.stpkit.idam;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One person in the HR feed: who they are, where they work and when. Attribute names follow the
 * SCIM 2.0 core and enterprise user (RFC 7643), flattened: {@link #ATTRIBUTES}. Immutable; build
 * with {@link #builder(String)}.
 */
public final class StaffRecord {
  /** Every attribute a record can carry, besides {@code active}, in the order feeds list them. */
  public static final List<String> ATTRIBUTES = List.of(
      "employeeNumber", "userName", "givenName", "familyName", "email", "department", "costCenter",
      "organization", "division", "title", "jobCode", "location", "manager", "startDate", "endDate");

  private final String employeeNumber;
  private final boolean active;
  private final Map<String, String> attributes;
  private final @Nullable LocalDate startDate;
  private final @Nullable LocalDate endDate;
  private final int line;

  private StaffRecord(Builder builder) {
    this.employeeNumber = builder.employeeNumber;
    this.active = builder.active;
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String name : ATTRIBUTES) {
      String value = builder.attributes.get(name);
      if (value != null) {
        ordered.put(name, value);
      }
    }
    this.attributes = Collections.unmodifiableMap(ordered);
    this.startDate = builder.startDate;
    this.endDate = builder.endDate;
    this.line = builder.line;
  }

  public static Builder builder(String employeeNumber) {
    return new Builder(employeeNumber);
  }

  /** A builder holding this record's values, to make a changed copy (an HR event, a test's mover). */
  public Builder toBuilder() {
    Builder builder = new Builder(employeeNumber).active(active).line(line);
    attributes.forEach(builder::attribute);
    return builder;
  }

  /** HR's key for the person; the tool correlates Keycloak users on it, never on the username. */
  public String employeeNumber() {
    return employeeNumber;
  }

  /** False when HR marks the person inactive: a leaver from today whatever the end date says. */
  public boolean active() {
    return active;
  }

  /** The value of one of {@link #ATTRIBUTES}, when the feed gave one. */
  public Optional<String> attribute(String name) {
    requireKnown(name);
    return Optional.ofNullable(attributes.get(name));
  }

  /** The attributes the feed gave, in {@link #ATTRIBUTES} order (dates as ISO {@code yyyy-mm-dd}). */
  public Map<String, String> attributes() {
    return attributes;
  }

  public String givenName() {
    return attributes.getOrDefault("givenName", "");
  }

  public String familyName() {
    return attributes.getOrDefault("familyName", "");
  }

  public Optional<String> userName() {
    return attribute("userName");
  }

  public Optional<String> email() {
    return attribute("email");
  }

  /** The first day of employment; before it the account, if created, stays disabled. */
  public Optional<LocalDate> startDate() {
    return Optional.ofNullable(startDate);
  }

  /** The first day without access: from this day the person is a leaver. */
  public Optional<LocalDate> endDate() {
    return Optional.ofNullable(endDate);
  }

  /** The line of the feed the record came from (for JSON, the line its object starts on); 0 when not from a file. */
  public int line() {
    return line;
  }

  /** Whether HR says the person works here on {@code day}: active, started and not yet ended. */
  public boolean employedOn(LocalDate day) {
    return active
        && (startDate == null || !day.isBefore(startDate))
        && (endDate == null || day.isBefore(endDate));
  }

  /** Whether the person has not started yet on {@code day} (and is not already a leaver). */
  public boolean preHireOn(LocalDate day) {
    return active && startDate != null && day.isBefore(startDate) && (endDate == null || day.isBefore(endDate));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StaffRecord that
        && employeeNumber.equals(that.employeeNumber) && active == that.active && attributes.equals(that.attributes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(employeeNumber, active, attributes);
  }

  @Override
  public String toString() {
    return "StaffRecord" + (active ? "" : "(inactive)") + attributes;
  }

  private static void requireKnown(String name) {
    if (!ATTRIBUTES.contains(name)) {
      throw new IllegalArgumentException("Unknown HR attribute '" + name + "'; known: " + String.join(", ", ATTRIBUTES));
    }
  }

  public static final class Builder {
    private final String employeeNumber;
    private boolean active = true;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private @Nullable LocalDate startDate;
    private @Nullable LocalDate endDate;
    private int line;

    private Builder(String employeeNumber) {
      if (employeeNumber.isBlank()) {
        throw new IllegalArgumentException("employeeNumber is blank");
      }
      this.employeeNumber = employeeNumber;
      attributes.put("employeeNumber", employeeNumber);
    }

    public Builder active(boolean active) {
      this.active = active;
      return this;
    }

    /**
     * Sets one of {@link #ATTRIBUTES}; a blank value removes it. {@code startDate} and
     * {@code endDate} must be ISO dates.
     */
    public Builder attribute(String name, String value) {
      requireKnown(name);
      if (name.equals("employeeNumber")) {
        if (!value.equals(employeeNumber)) {
          throw new IllegalArgumentException("employeeNumber is fixed by builder(employeeNumber)");
        }
        return this;
      }
      String trimmed = value.strip();
      if (trimmed.isEmpty()) {
        attributes.remove(name);
        if (name.equals("startDate")) {
          startDate = null;
        } else if (name.equals("endDate")) {
          endDate = null;
        }
        return this;
      }
      if (name.equals("startDate")) {
        startDate = LocalDate.parse(trimmed);
      } else if (name.equals("endDate")) {
        endDate = LocalDate.parse(trimmed);
      }
      attributes.put(name, trimmed);
      return this;
    }

    public Builder givenName(String value) {
      return attribute("givenName", value);
    }

    public Builder familyName(String value) {
      return attribute("familyName", value);
    }

    public Builder userName(String value) {
      return attribute("userName", value);
    }

    public Builder email(String value) {
      return attribute("email", value);
    }

    public Builder department(String value) {
      return attribute("department", value);
    }

    public Builder title(String value) {
      return attribute("title", value);
    }

    public Builder startDate(LocalDate value) {
      return attribute("startDate", value.toString());
    }

    public Builder endDate(LocalDate value) {
      return attribute("endDate", value.toString());
    }

    public Builder line(int line) {
      this.line = line;
      return this;
    }

    /** The record; {@code givenName} and {@code familyName} are required. */
    public StaffRecord build() {
      if (!attributes.containsKey("givenName") || !attributes.containsKey("familyName")) {
        throw new IllegalArgumentException("StaffRecord " + employeeNumber + " needs givenName and familyName");
      }
      return new StaffRecord(this);
    }
  }
}
