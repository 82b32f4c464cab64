package io.flops.common.tls.web;

import io.flops.common.launch.TlsLaunch;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

/**
 * Makes a Spring Boot web server (the observer, the inference server) serve HTTPS only, with the
 * certificate and key the manager gave it ({@code FLOPS_TLS_*}, {@link TlsLaunch}), as an SSL
 * bundle of PEM content named {@value #BUNDLE}. Without a certificate the server stays plain HTTP.
 * It runs after Spring Boot's own customizer, so {@code server.ssl.*} cannot undo it.
 */
public final class HttpsServer implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

  /** The name of the server's SSL bundle. */
  public static final String BUNDLE = "flops-web";

  private final TlsLaunch tls;

  public HttpsServer(TlsLaunch tls) {
    this.tls = tls;
  }

  /** Whether the server speaks HTTPS. */
  public boolean isEnabled() {
    return tls.isEnabled();
  }

  @Override
  public void customize(ConfigurableWebServerFactory factory) {
    if (!tls.isEnabled()) {
      return;
    }
    PemSslStoreDetails identity =
        new PemSslStoreDetails(null, tls.certificatePem(), tls.privateKeyPem());
    SslBundle bundle = SslBundle.of(new PemSslStoreBundle(identity, null));
    factory.setSslBundles(new DefaultSslBundleRegistry(BUNDLE, bundle));
    factory.setSsl(Ssl.forBundle(BUNDLE));
  }

  @Override
  public String toString() {
    return "HttpsServer[" + (tls.isEnabled() ? "https" : "http") + "]";
  }
}
