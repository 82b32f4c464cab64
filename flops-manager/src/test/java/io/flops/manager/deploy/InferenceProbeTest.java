package io.flops.manager.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.flops.common.launch.TlsLaunch;
import io.flops.common.tls.ParticipantAuthority;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/** The manager's readiness check reaches an HTTPS inference server whose certificate it issued. */
class InferenceProbeTest {

  @TempDir Path dataDir;

  private ParticipantAuthority authority;
  private HttpsServer server;

  @BeforeEach
  void start() throws IOException {
    authority = ParticipantAuthority.in(dataDir.resolve("ca"));
    TlsLaunch identity = authority.issueWebServer("p1", "inference", List.of());
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(
            SslBundle.of(
                    new PemSslStoreBundle(
                        new PemSslStoreDetails(
                            null, identity.certificatePem(), identity.privateKeyPem()),
                        null))
                .createSslContext()));
    server.createContext(
        "/ping",
        exchange -> {
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void aProbeTrustingTheAuthorityFindsTheServerReady() {
    WebServers web = new WebServers(authority, List.of(), false, null);

    assertThat(new InferenceProbe(web.clientTrust()).answers(url())).isTrue();
  }

  @Test
  void aProbeTrustingOnlyTheJdksAuthoritiesDoesNot() {
    assertThat(new InferenceProbe(Optional.empty()).answers(url())).isFalse();
    assertThat(WebServers.plain(null).clientTrust()).isEmpty();
  }
}
