package io.flops.common.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.fl.FlAccess;
import io.flops.common.launch.TlsLaunch;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A web server's certificate names what users type into a browser, and is the authority's. */
class WebServerCertificateTest {

  private final ParticipantAuthority authority = ParticipantAuthority.inMemory();

  @Test
  void namesLoopbackTheConfiguredHostsAndTheProject() throws Exception {
    TlsLaunch identity =
        authority.issueWebServer("p1", "observer", List.of("flops.example", "10.0.0.7", " "));

    X509Certificate certificate = certificate(identity.certificatePem());
    List<String> names =
        certificate.getSubjectAlternativeNames().stream()
            .map(name -> String.valueOf(name.get(1)))
            .toList();
    assertThat(names)
        .contains("localhost", "127.0.0.1", "flops.example", "10.0.0.7", FlAccess.authority("p1"));
    assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=observer", "OU=p1");
    certificate.verify(certificate(authority.certificatePem()).getPublicKey());
    assertThat(identity.caPem()).isEqualTo(authority.certificatePem());
  }

  @Test
  void eachServerGetsAFreshKey() {
    TlsLaunch first = authority.issueWebServer("p1", "inference", List.of());
    TlsLaunch second = authority.issueWebServer("p1", "inference", List.of());

    assertThat(first.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(first.privateKeyPem()).isNotEqualTo(second.privateKeyPem());
  }

  private static X509Certificate certificate(String pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }
}
