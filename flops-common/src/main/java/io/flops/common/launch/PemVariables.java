package io.flops.common.launch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** PEM text in a launch variable: Base64-encoded on one line, so every platform passes it as is. */
final class PemVariables {

  private PemVariables() {}

  /** {@code pem} as a variable's value; empty stays empty. */
  static String encode(String pem) {
    return pem.isEmpty()
        ? ""
        : Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }

  /** The PEM text of {@code variable}; empty when unset. The value is never echoed. */
  static String decode(LaunchReader read, LaunchVariable variable) {
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
}
