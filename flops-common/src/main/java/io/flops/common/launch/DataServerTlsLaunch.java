package io.flops.common.launch;

import java.util.List;
import java.util.Map;

/**
 * How a data server protects its Arrow Flight endpoint (docs/services.md, "Data server TLS"): a
 * server certificate of the installation's authority ({@code
 * io.flops.common.tls.ParticipantAuthority#issueDataServer}) naming {@link #SERVER_NAME}, with its
 * private key, each PEM text Base64-encoded on one line — or, only when asked for explicitly,
 * plaintext. Clients trust the authority and check {@link #SERVER_NAME} whatever address they dial.
 *
 * @param certificatePem the data server's certificate (PEM); empty with the key: no TLS
 * @param privateKeyPem its PKCS#8 private key (PEM; never logged)
 * @param plaintext whether the endpoint may serve without TLS (no certificate given)
 */
public record DataServerTlsLaunch(String certificatePem, String privateKeyPem, boolean plaintext) {

  /**
   * The name every data server's certificate carries and every client checks, whatever address it
   * reaches the data server at.
   */
  public static final String SERVER_NAME = "data.participants.flops";

  /** Plaintext, asked for explicitly ({@code flops.tls.enabled=false}, tests, local trials). */
  public static final DataServerTlsLaunch PLAINTEXT = new DataServerTlsLaunch("", "", true);

  /** The data server's TLS variables. */
  public enum Variable implements LaunchVariable {
    CERTIFICATE("FLOPS_DATASERVER_TLS_CERTIFICATE"),
    PRIVATE_KEY("FLOPS_DATASERVER_TLS_PRIVATE_KEY"),
    PLAINTEXT("FLOPS_DATASERVER_PLAINTEXT");

    private final String envName;

    Variable(String envName) {
      this.envName = envName;
    }

    @Override
    public String envName() {
      return envName;
    }
  }

  public DataServerTlsLaunch {
    certificatePem = certificatePem == null ? "" : certificatePem;
    privateKeyPem = privateKeyPem == null ? "" : privateKeyPem;
    if (certificatePem.isEmpty() != privateKeyPem.isEmpty()) {
      throw InvalidLaunchSettingException.missing(
          certificatePem.isEmpty() ? Variable.CERTIFICATE : Variable.PRIVATE_KEY);
    }
  }

  /** A data server serving TLS with this certificate and key. */
  public static DataServerTlsLaunch of(String certificatePem, String privateKeyPem) {
    return new DataServerTlsLaunch(certificatePem, privateKeyPem, false);
  }

  /** Whether the endpoint speaks TLS. */
  public boolean isEnabled() {
    return !certificatePem.isEmpty();
  }

  /** The TLS variables, in documentation order. */
  public static List<LaunchVariable> variables() {
    return List.of(Variable.values());
  }

  /**
   * Reads a data server's TLS settings.
   *
   * @throws InvalidLaunchSettingException when neither a certificate nor {@code
   *     FLOPS_DATASERVER_PLAINTEXT=true} is given
   */
  public static DataServerTlsLaunch fromEnvironment(Map<String, String> environment) {
    LaunchReader read = new LaunchReader(environment);
    DataServerTlsLaunch tls =
        new DataServerTlsLaunch(
            PemVariables.decode(read, Variable.CERTIFICATE),
            PemVariables.decode(read, Variable.PRIVATE_KEY),
            read.flag(Variable.PLAINTEXT, false));
    if (!tls.isEnabled() && !tls.plaintext()) {
      throw InvalidLaunchSettingException.explained(
          Variable.CERTIFICATE,
          Variable.CERTIFICATE.envName()
              + " and "
              + Variable.PRIVATE_KEY.envName()
              + " are not set: give the data server a certificate of the manager's authority"
              + " (docs/security.md, \"Data servers\"), or set "
              + Variable.PLAINTEXT.envName()
              + "=true to serve Arrow Flight without TLS.");
    }
    return tls;
  }

  /** These settings as environment variables. */
  public Map<String, String> toEnvironment() {
    return new LaunchWriter()
        .put(Variable.CERTIFICATE, PemVariables.encode(certificatePem))
        .put(Variable.PRIVATE_KEY, PemVariables.encode(privateKeyPem))
        .put(Variable.PLAINTEXT, plaintext ? "true" : "")
        .toMap();
  }

  /** Leaves out the key and the certificate. */
  @Override
  public String toString() {
    return isEnabled() ? "DataServerTlsLaunch[tls]" : "DataServerTlsLaunch[plaintext]";
  }
}
