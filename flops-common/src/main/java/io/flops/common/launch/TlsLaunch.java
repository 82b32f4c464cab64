package io.flops.common.launch;

import java.util.List;
import java.util.Map;

/**
 * The TLS identity of an FL participant — an aggregator or a learner — or of a project's web server
 * — its observer or inference server (docs/services.md, "TLS"): its certificate and private key,
 * and the certificate authority that signed it. Each variable holds the PEM text Base64-encoded on
 * one line, so that every platform passes it unchanged. {@link #NONE}: plaintext (a service started
 * by hand).
 *
 * @param certificatePem the participant's certificate (PEM)
 * @param privateKeyPem its PKCS#8 private key (PEM; never logged)
 * @param caPem the authority that signs the project's participants (PEM)
 */
public record TlsLaunch(String certificatePem, String privateKeyPem, String caPem) {

  /** No TLS. */
  public static final TlsLaunch NONE = new TlsLaunch("", "", "");

  /** The TLS variables of FL participants. */
  public enum Variable implements LaunchVariable {
    CERTIFICATE("FLOPS_TLS_CERTIFICATE"),
    PRIVATE_KEY("FLOPS_TLS_PRIVATE_KEY"),
    CA("FLOPS_TLS_CA");

    private final String envName;

    Variable(String envName) {
      this.envName = envName;
    }

    @Override
    public String envName() {
      return envName;
    }
  }

  public TlsLaunch {
    certificatePem = certificatePem == null ? "" : certificatePem;
    privateKeyPem = privateKeyPem == null ? "" : privateKeyPem;
    caPem = caPem == null ? "" : caPem;
    boolean any = !certificatePem.isEmpty() || !privateKeyPem.isEmpty() || !caPem.isEmpty();
    if (any) {
      requirePresent(certificatePem, Variable.CERTIFICATE);
      requirePresent(privateKeyPem, Variable.PRIVATE_KEY);
      requirePresent(caPem, Variable.CA);
    }
  }

  private static void requirePresent(String pem, Variable variable) {
    if (pem.isEmpty()) {
      throw InvalidLaunchSettingException.missing(variable);
    }
  }

  /** Whether the participant speaks TLS. */
  public boolean isEnabled() {
    return !certificatePem.isEmpty();
  }

  /** The TLS variables, in documentation order. */
  public static List<LaunchVariable> variables() {
    return List.of(Variable.values());
  }

  /** Reads a participant's TLS identity; none when the variables are unset. */
  public static TlsLaunch fromEnvironment(Map<String, String> environment) {
    LaunchReader read = new LaunchReader(environment);
    return new TlsLaunch(
        PemVariables.decode(read, Variable.CERTIFICATE),
        PemVariables.decode(read, Variable.PRIVATE_KEY),
        PemVariables.decode(read, Variable.CA));
  }

  /** These settings as environment variables (none when TLS is off). */
  public Map<String, String> toEnvironment() {
    return new LaunchWriter()
        .put(Variable.CERTIFICATE, PemVariables.encode(certificatePem))
        .put(Variable.PRIVATE_KEY, PemVariables.encode(privateKeyPem))
        .put(Variable.CA, PemVariables.encode(caPem))
        .toMap();
  }

  /** Leaves out the key and the certificates. */
  @Override
  public String toString() {
    return isEnabled() ? "TlsLaunch[enabled]" : "TlsLaunch[none]";
  }
}
