package io.flops.manager.nodes;

import io.flops.common.launch.DataServerTlsLaunch;
import io.flops.common.tls.ParticipantAuthority;

/**
 * The TLS of the learner nodes' data servers: each data server the manager starts (and each one an
 * operator asks for, {@code POST /api/flops/nodes/data-server-certificate}) gets a fresh server
 * certificate of the installation's authority naming {@link DataServerTlsLaunch#SERVER_NAME}; their
 * clients (mock-data providers; learners through {@code FLOPS_TLS_CA}) trust that authority. {@link
 * #PLAINTEXT} with {@code flops.tls.enabled=false}.
 */
public final class DataServerCertificates {

  /** Data servers without TLS: they are told so explicitly, clients get no authority. */
  public static final DataServerCertificates PLAINTEXT = new DataServerCertificates(null);

  private final ParticipantAuthority authority;

  private DataServerCertificates(ParticipantAuthority authority) {
    this.authority = authority;
  }

  /** Certificates of {@code authority}. */
  public static DataServerCertificates of(ParticipantAuthority authority) {
    return new DataServerCertificates(authority);
  }

  /** Whether data servers speak TLS. */
  public boolean isTls() {
    return authority != null;
  }

  /** A fresh identity for one data server, or {@link DataServerTlsLaunch#PLAINTEXT}. */
  public DataServerTlsLaunch issue() {
    return isTls() ? authority.issueDataServer() : DataServerTlsLaunch.PLAINTEXT;
  }

  /** The authority clients trust (PEM), or empty for plaintext. */
  public String authorityPem() {
    return isTls() ? authority.certificatePem() : "";
  }

  @Override
  public String toString() {
    return isTls() ? "DataServerCertificates[" + authority + "]" : "DataServerCertificates[none]";
  }
}
