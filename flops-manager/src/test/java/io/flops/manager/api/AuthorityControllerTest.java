package io.flops.manager.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.error.ErrorKind;
import io.flops.common.error.FlopsException;
import io.flops.common.tls.CaTrust;
import io.flops.common.tls.ParticipantAuthority;
import io.flops.manager.config.FlopsProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Users fetch the authority's certificate to trust the platform's HTTPS URLs. */
class AuthorityControllerTest {

  @TempDir Path dataDir;

  private AuthorityController controller() {
    FlopsProperties flops = new FlopsProperties();
    flops.setDataDir(dataDir);
    return new AuthorityController(flops);
  }

  @Test
  void servesTheAuthoritysCertificateAndNeverItsKey() throws Exception {
    ParticipantAuthority authority = ParticipantAuthority.in(dataDir.resolve("ca"));

    String pem = controller().certificate();

    assertThat(pem).isEqualTo(authority.certificatePem()).doesNotContain("PRIVATE KEY");
    assertThat(CaTrust.sslContext(pem)).isNotNull();
    assertThat(Files.readString(dataDir.resolve("ca/ca-key.pem"))).contains("PRIVATE KEY");
  }

  @Test
  void withoutAnAuthorityItIsNotFoundAndSaysWhichSettingsAreOff() {
    assertThatThrownBy(() -> controller().certificate())
        .isInstanceOfSatisfying(
            FlopsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
        .hasMessageContaining("flops.tls.web-enabled");
  }
}
