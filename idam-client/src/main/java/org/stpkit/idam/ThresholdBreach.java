package org.stpkit.idam;

/** A kind of change the plan makes more of than the policy allows in one run. */
public record ThresholdBreach(String kind, int planned, int population, Threshold threshold) {
  @Override
  public String toString() {
    String limit;
    if (threshold.percent() >= 100) {
      limit = String.valueOf(threshold.count());
    } else if (threshold.count() == Integer.MAX_VALUE) {
      limit = threshold.percent() + "%";
    } else {
      limit = threshold.count() + " or " + threshold.percent() + "%";
    }
    return String.format("%d %s of %d (%.1f%%) is over the limit of %s", planned, kind, population,
        population == 0 ? 0.0 : planned * 100.0 / population, limit);
  }
}
