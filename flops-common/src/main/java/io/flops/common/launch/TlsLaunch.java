package io.flops.common.launch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
        decode(read, Variable.CERTIFICATE),
        decode(read, Variable.PRIVATE_KEY),
        decode(read, Variable.CA));
  }

  /** These settings as environment variables (none when TLS is off). */
  public Map<String, String> toEnvironment() {
    return new LaunchWriter()
        .put(Variable.CERTIFICATE, encode(certificatePem))
        .put(Variable.PRIVATE_KEY, encode(privateKeyPem))
        .put(Variable.CA, encode(caPem))
        .toMap();
  }

  private static String encode(String pem) {
    return pem.isEmpty()
        ? ""
        : Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }

  private static String decode(LaunchReader read, Variable variable) {
    String value = read.text(variable, "");
    if (value.isBlank()) {
      return "";
    }
    try {
      return new String(Base64.getDecoder().decode(value.strip()), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      // the value itself is a secret (or part of one): never echo it
      throw InvalidLaunchSettingException.malformed(variable, "(hidden)", "Base64 of PEM text", e);
    }
  }

  /** Leaves out the key and the certificates. */
  @Override
  public String toString() {
    return isEnabled() ? "TlsLaunch[enabled]" : "TlsLaunch[none]";
  }
}
