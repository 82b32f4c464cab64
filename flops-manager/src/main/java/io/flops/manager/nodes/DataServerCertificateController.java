package io.flops.manager.nodes;

import io.flops.common.api.DataServerCertificateView;
import io.flops.common.error.FlopsException;
import io.flops.common.launch.DataServerTlsLaunch;
import io.flops.manager.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/flops/nodes/data-server-certificate}: a fresh server certificate of the
 * installation's authority for a data server an operator starts on a real node (the admin only).
 */
@RestController
public class DataServerCertificateController {

  private final DataServerCertificates certificates;

  public DataServerCertificateController(DataServerCertificates certificates) {
    this.certificates = certificates;
  }

  @Operation(
      summary = "Issue a certificate for a data server started by an operator",
      description =
          "Needs the admin token (403 for a customer's). Returns the variables to start the data"
              + " server with (FLOPS_DATASERVER_TLS_CERTIFICATE and FLOPS_DATASERVER_TLS_PRIVATE_KEY,"
              + " a secret); learners and mock-data providers trust it. 409 when the manager runs"
              + " with flops.tls.enabled=false.")
  @PostMapping(
      path = {
        "/api/flops/nodes/data-server-certificate",
        "/api/flops/nodes/data-server-certificate/"
      })
  public DataServerCertificateView issue(Caller caller) {
    if (!caller.isAdmin()) {
      throw FlopsException.forbidden("Only the admin may issue data server certificates.");
    }
    if (!certificates.isTls()) {
      throw FlopsException.conflict(
          "This manager runs without TLS (flops.tls.enabled=false): start data servers with"
              + " FLOPS_DATASERVER_PLAINTEXT=true instead of a certificate.");
    }
    DataServerTlsLaunch tls = certificates.issue();
    return new DataServerCertificateView(
        tls.toEnvironment(), DataServerTlsLaunch.SERVER_NAME, notAfter(tls.certificatePem()));
  }

  private static String notAfter(String certificatePem) {
    try {
      X509Certificate certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(
                      new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)));
      return certificate.getNotAfter().toInstant().toString();
    } catch (CertificateException e) {
      throw new IllegalStateException("The authority issued an unreadable certificate", e);
    }
  }
}
