package io.flops.common.launch;

/**
 * A launch variable is missing or cannot be read; the message names the variable, so whoever
 * started the service knows what to set.
 */
public class InvalidLaunchSettingException extends IllegalArgumentException {

  private final String variable;

  private InvalidLaunchSettingException(String variable, String message, Throwable cause) {
    super(message, cause);
    this.variable = variable;
  }

  /** {@code variable} is required but not set (or blank). */
  public static InvalidLaunchSettingException missing(LaunchVariable variable) {
    return new InvalidLaunchSettingException(
        variable.envName(), variable.envName() + " is not set; this service needs it.", null);
  }

  /** {@code variable} is at fault as {@code message} explains (what to set instead). */
  public static InvalidLaunchSettingException explained(LaunchVariable variable, String message) {
    return new InvalidLaunchSettingException(variable.envName(), message, null);
  }

  /** {@code variable} is set to {@code value}, which does not read as {@code what}. */
  public static InvalidLaunchSettingException malformed(
      LaunchVariable variable, String value, String what, Throwable cause) {
    boolean explained =
        cause != null && cause.getMessage() != null && !(cause instanceof NumberFormatException);
    String detail = explained ? " (" + cause.getMessage() + ")" : "";
    return new InvalidLaunchSettingException(
        variable.envName(),
        variable.envName() + "='" + value + "' is not " + what + detail + ".",
        cause);
  }

  /** The name of the variable at fault. */
  public String variable() {
    return variable;
  }
}
