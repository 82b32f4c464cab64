package io.flops.manager.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.api.DataServerCertificateView;
import io.flops.common.error.ErrorKind;
import io.flops.common.error.FlopsException;
import io.flops.common.launch.DataServerTlsLaunch;
import io.flops.common.tls.ParticipantAuthority;
import io.flops.manager.access.Caller;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An operator's data server gets a certificate of the installation's authority from the admin only,
 * as variables the data server starts with.
 */
class DataServerCertificateControllerTest {

  private final ParticipantAuthority authority = ParticipantAuthority.inMemory();

  @Test
  void theAdminGetsVariablesADataServerStartsWithOverTls() {
    DataServerCertificateView view =
        new DataServerCertificateController(DataServerCertificates.of(authority))
            .issue(Caller.ADMIN);

    DataServerTlsLaunch tls = DataServerTlsLaunch.fromEnvironment(view.environment());
    assertThat(tls.isEnabled()).isTrue();
    assertThat(view.serverName()).isEqualTo("data.participants.flops");
    assertThat(Instant.parse(view.validUntil()))
        .isAfter(Instant.now().plus(ParticipantAuthority.DATA_SERVER_VALIDITY).minusSeconds(60))
        .isBefore(
            Instant.now()
                .plus(ParticipantAuthority.DATA_SERVER_VALIDITY)
                .plus(Duration.ofMinutes(1)));
  }

  @Test
  void aCustomerIsForbidden() {
    assertThatThrownBy(
            () ->
                new DataServerCertificateController(DataServerCertificates.of(authority))
                    .issue(new Caller("acme")))
        .isInstanceOfSatisfying(
            FlopsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN));
  }

  @Test
  void withoutTlsTheAnswerSaysToStartDataServersInPlaintext() {
    assertThatThrownBy(
            () ->
                new DataServerCertificateController(DataServerCertificates.PLAINTEXT)
                    .issue(Caller.ADMIN))
        .isInstanceOfSatisfying(
            FlopsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT))
        .hasMessageContaining("FLOPS_DATASERVER_PLAINTEXT=true");
  }
}
