package io.flops.aggregator.fl;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.aggregator.AggregatorApplication;
import io.flops.common.events.ComponentEvent.AggregatorFailed;
import io.flops.common.events.ComponentEvent.AggregatorStarted;
import io.flops.common.events.ComponentEvent.AggregatorType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The Spring application binds its environment, runs its role once and exits with the outcome. */
class AggregatorApplicationIT {

  @Test
  void aRootAggregatorWithoutClustersFailsTheProjectAndExitsWithOne() {
    RecordingEvents events = new RecordingEvents();
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(AggregatorApplication.class)
            .properties(
                "flops.project-id=p9",
                "flops.aggregator.role=root",
                "FLOPS_PORT_8080=0",
                "flops.aggregator.join-timeout=1s")
            .initializers(c -> c.getBeanFactory().registerSingleton("eventPublisher", events))
            .run();

    assertThat(SpringApplication.exit(context)).isEqualTo(1);
    assertThat(events.of(AggregatorStarted.class))
        .singleElement()
        .satisfies(e -> assertThat(e.aggregatorType()).isEqualTo(AggregatorType.ROOT_AGGREGATOR));
    assertThat(events.of(AggregatorFailed.class))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.projectId()).isEqualTo("p9");
              assertThat(e.errorMessage())
                  .contains("must register exactly one ModelManager")
                  .contains("io.flops.examples.mnist.MnistModel");
            });
  }
}
