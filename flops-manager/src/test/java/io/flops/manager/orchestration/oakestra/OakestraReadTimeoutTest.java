package io.flops.manager.orchestration.oakestra;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.flops.common.orchestration.OrchestrationException;
import io.flops.manager.orchestration.OrchestratorProperties;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads an API request waits for give up after one attempt within the read timeout when Oakestra
 * hangs, with a transient failure that names Oakestra and what to check.
 */
class OakestraReadTimeoutTest {

  private static final String SERVICE = "66f1a2b5c4d5e6f708192a41";
  private static final int HANG_MS = 20_000;

  private WireMockServer server;
  private OakestraOrchestrator orchestrator;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    OrchestratorProperties.Oakestra settings = new OrchestratorProperties.Oakestra();
    settings.setUrl(server.baseUrl());
    settings.setReadTimeout(Duration.ofMillis(500));
    orchestrator =
        OakestraOrchestratorConfiguration.create(
            settings, new InMemoryIpAllocationStore(), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aHangingServiceReadFailsOnceWithinTheReadTimeout() {
    new FakeOakestra(server);
    server.stubFor(
        get(urlEqualTo("/api/service/" + SERVICE))
            .willReturn(aResponse().withFixedDelay(HANG_MS).withStatus(200)));

    assertFailsQuickly(() -> orchestrator.status(SERVICE));
    assertFailsQuickly(() -> orchestrator.publicAddress(SERVICE, 0));
    server.verify(2, getRequestedFor(urlEqualTo("/api/service/" + SERVICE)));
  }

  @Test
  void aHangingLoginFailsWithinTheReadTimeout() {
    server.stubFor(any(anyUrl()).willReturn(aResponse().withFixedDelay(HANG_MS).withStatus(200)));

    assertFailsQuickly(() -> orchestrator.status(SERVICE));
  }

  private static void assertFailsQuickly(Runnable read) {
    long started = System.nanoTime();
    assertThatThrownBy(read::run)
        .isInstanceOfSatisfying(
            OrchestrationException.class, e -> assertThat(e.isTransient()).isTrue())
        .hasMessageContaining("did not answer")
        .hasMessageContaining("within 500 ms")
        .hasMessageContaining("check that the root orchestrator is running");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }
}
