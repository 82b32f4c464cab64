package io.flops.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.launch.TlsLaunch;
import io.flops.common.tls.CaTrust;
import io.flops.common.tls.ParticipantAuthority;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An inference server the manager gave a token and a certificate of its authority: it answers only
 * over HTTPS, to clients that trust the authority, and predicts only for callers with the token;
 * its health stays open to anyone who reaches it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InferenceAccessIT {

  private static final String TOKEN = "inference-token-of-p1";
  private static final ParticipantAuthority AUTHORITY = ParticipantAuthority.inMemory();
  private static final TlsLaunch IDENTITY = AUTHORITY.issueWebServer("p1", "inference", List.of());

  @DynamicPropertySource
  static void launch(DynamicPropertyRegistry registry) {
    registry.add("flops.inference.model-dir", () -> MnistModelFixture.get().directory());
    registry.add("flops.inference.token", () -> TOKEN);
    IDENTITY.toEnvironment().forEach((name, value) -> registry.add(name, () -> value));
  }

  @LocalServerPort int port;

  private final SSLContext trustingTheAuthority = CaTrust.sslContext(AUTHORITY.certificatePem());
  private final Map<String, Object> oneRow =
      Map.of("inputs", new float[][] {MnistModelFixture.get().testFeatures()[0]});

  private ScoringClient https(String token) {
    return new ScoringClient("https://localhost:" + port, trustingTheAuthority, token);
  }

  @Test
  void predictsForACallerWithTheTokenOverHttps() {
    ScoringClient.Answer answer = https(TOKEN).postJson(oneRow);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.labels()).hasSize(1);
  }

  @Test
  void refusesPredictionsAndMetadataWithoutTheRightToken() {
    ScoringClient.Answer none = https("").postJson(oneRow);
    ScoringClient.Answer wrong = https("not-the-token").postJson(oneRow);

    assertThat(none.status()).isEqualTo(401);
    assertThat(none.detail()).contains("inference_token");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(https("").get("/metadata").status()).isEqualTo(401);
  }

  @Test
  void healthStaysOpenWithoutAToken() {
    assertThat(https("").get("/ping").status()).isEqualTo(200);
    assertThat(https("").get("/health").status()).isEqualTo(200);
  }

  @Test
  void aClientThatDoesNotTrustTheAuthorityCannotConnect() {
    ScoringClient untrusting = new ScoringClient("https://localhost:" + port, null, TOKEN);

    assertThatThrownBy(() -> untrusting.postJson(oneRow))
        .hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class);
  }

  @Test
  void plainHttpGetsNoPrediction() {
    ScoringClient plain = new ScoringClient("http://localhost:" + port, null, TOKEN);

    int status;
    try {
      status = plain.postJson(oneRow).status();
    } catch (IllegalStateException refused) {
      status = -1;
    }
    assertThat(status).isNotEqualTo(200);
  }
}
