package io.flops.common.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The one strategy vocabulary: strict in the SLA, lenient in a hand-written setting. */
class StrategyTest {

  @ParameterizedTest
  @EnumSource(Strategy.class)
  void everySlaNameReadsBothWays(Strategy strategy) {
    assertThat(Strategy.of(strategy.jsonName())).isEqualTo(strategy);
    assertThat(Strategy.parse(strategy.jsonName())).isEqualTo(strategy);
  }

  @ParameterizedTest
  @CsvSource({
    "FedAvg, FEDAVG",
    "fed-adam, FEDADAM",
    "Trimmed_Mean, FEDTRIMMEDAVG",
    "trimmedmean, FEDTRIMMEDAVG",
    "' krum ', KRUM"
  })
  void aHandWrittenNameIsReadLeniently(String text, Strategy expected) {
    assertThat(Strategy.parse(text)).isEqualTo(expected);
  }

  @Test
  void anUnknownNameNamesTheAcceptedOnes() {
    assertThatThrownBy(() -> Strategy.parse("fedprox"))
        .hasMessage(
            "Unknown aggregation strategy 'fedprox'; use one of [fedavg, fedadam, fedyogi,"
                + " fedadagrad, fedmedian, fedtrimmedavg, krum]");
    assertThatThrownBy(() -> Strategy.of("trimmedmean")).hasMessageContaining("unknown strategy");
  }
}
