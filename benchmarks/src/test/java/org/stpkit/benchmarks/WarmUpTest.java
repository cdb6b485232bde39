package org.stpkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The warm-up ends when the rate stops growing, not before, and never runs past its longest. */
class WarmUpTest {
  @Test
  void aRateStillClimbingIsNotSettled() {
    // The first two minutes of one instance on Redis, 2026-12-06: still growing by a third a minute.
    List<Double> rates = List.of(119.4, 322.6, 396.0, 485.8, 472.8, 606.0, 673.2, 733.8, 749.6, 744.8, 735.2, 801.0);

    assertThat(WarmUp.settled(rates)).isFalse();
  }

  @Test
  void aRateThatHasStoppedGrowingIsSettled() {
    List<Double> rates = List.of(1024.8, 1085.8, 1011.0, 1120.4, 1234.4, 1105.6, 1083.2, 1106.6, 1126.6, 1122.4,
        1096.8, 997.8);

    assertThat(WarmUp.settled(rates)).isTrue();
  }

  @Test
  void lessThanTwoBlocksOfRatesIsNeverSettled() {
    assertThat(WarmUp.settled(List.of(100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0))).isFalse();
  }

  @Test
  void aRateGrowingByMoreThanThreePercentIsNotSettled() {
    List<Double> rates = List.of(100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 104.0, 104.0, 104.0, 104.0, 104.0, 104.0);

    assertThat(WarmUp.settled(rates)).isFalse();
  }

  @Test
  void aSmokeRunWaitsItsLongestAndSaysItIsNotSteady() throws InterruptedException {
    WarmUp.Result result = WarmUp.untilSteady(new AtomicLong(), 1, 1);

    assertThat(result.seconds()).isEqualTo(1);
    assertThat(result.steady()).isFalse();
    assertThat(result.cyclesPerSecondEveryStep()).isEmpty();
  }
}
