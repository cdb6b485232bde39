package org.stpkit.idam;

/**
 * The most of one kind of change a run may make without {@code --allow-mass-change}: a count, and a
 * percentage of the users (or grants) it could apply to. Either one crossed blocks the apply.
 */
public record Threshold(int count, double percent) {
  /** No limit. */
  public static final Threshold NONE = new Threshold(Integer.MAX_VALUE, 100.0);

  public Threshold {
    if (count < 0 || !(percent >= 0 && percent <= 100)) { // written so that NaN is refused too
      throw new IllegalArgumentException("A threshold needs a count of 0 or more and a percentage from 0 to 100");
    }
  }

  /** Whether {@code planned} changes out of {@code population} cross this threshold. */
  public boolean crossedBy(int planned, int population) {
    if (planned > count) {
      return true;
    }
    // 100% is no limit, even when a caller counts more changes than the population it gives.
    return percent < 100 && population > 0 && planned * 100.0 / population > percent;
  }
}
