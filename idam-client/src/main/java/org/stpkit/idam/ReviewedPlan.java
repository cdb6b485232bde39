package org.stpkit.idam;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.stpkit.idam.internal.PlanFormat;

/**
 * A plan as written for review ({@code stp idam plan --out plan.json}), read back to be approved or
 * applied exactly: its digest, the {@link PlanBasis} it was made from, the thresholds it crosses,
 * and the {@link Approval}s it has gathered. The file's content must match its digest: a plan edited
 * by hand is refused. Immutable.
 */
public final class ReviewedPlan {
  private final String source;
  private final PlanFormat.Reviewed read;

  private ReviewedPlan(String source, PlanFormat.Reviewed read) {
    this.source = source;
    this.read = read;
  }

  /** The plan as it would be written for review. */
  public static ReviewedPlan of(Plan plan) {
    return parse(plan.toJson(), "the plan");
  }

  /**
   * Reads a plan file.
   *
   * @throws IdamException when the file cannot be read, is not a plan, or was changed after it was made
   */
  public static ReviewedPlan read(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (NoSuchFileException e) {
      throw new IdamException("There is no plan file at " + file, e);
    } catch (IOException e) {
      throw new IdamException("Cannot read the plan file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a plan from JSON text; {@code source} names it in errors. */
  public static ReviewedPlan parse(String json, String source) {
    return new ReviewedPlan(source, PlanFormat.readReviewed(Objects.requireNonNull(json, "json"), source));
  }

  /** The digest of what the plan says: what approvals sign. */
  public String digest() {
    return read.digest();
  }

  public PlanBasis basis() {
    return read.basis();
  }

  /** The thresholds the plan crosses, as sentences; empty when it crosses none. */
  public List<String> breaches() {
    return read.breaches();
  }

  public List<Approval> approvals() {
    return read.approvals().stream().map(Approval::new).toList();
  }

  /** This plan with one more approval. */
  public ReviewedPlan with(Approval approval) {
    List<String> approvals = new ArrayList<>(read.approvals());
    approvals.add(approval.jws());
    return new ReviewedPlan(source, read.withApprovals(approvals));
  }

  /** The plan file's text, approvals included. */
  public String toJson() {
    return read.json();
  }

  @Override
  public String toString() {
    return source + " (plan " + digest().substring(0, 12) + " for " + basis().day() + ")";
  }
}
