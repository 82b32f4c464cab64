package io.flops.common.tls;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A client's trust in one certificate authority, e.g. the installation's ({@code
 * <data-dir>/ca/ca.pem}, {@code GET /api/flops/ca}): an {@link SSLContext} that accepts servers
 * whose certificate that authority signed, and no other. Needs only the JDK.
 */
public final class CaTrust {

  private CaTrust() {}

  /**
   * A TLS context that trusts the authorities in {@code caPem} (PEM, one or more certificates).
   *
   * @throws IllegalArgumentException when {@code caPem} holds no certificate
   */
  public static SSLContext sslContext(String caPem) {
    try {
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int index = 0;
      for (Certificate certificate : certificates(caPem)) {
        trusted.setCertificateEntry("ca-" + index++, certificate);
      }
      if (index == 0) {
        throw new IllegalArgumentException("The CA PEM holds no certificate");
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("The CA PEM cannot be read: " + e.getMessage(), e);
    }
  }

  private static java.util.Collection<? extends Certificate> certificates(String pem)
      throws GeneralSecurityException {
    return CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }
}
