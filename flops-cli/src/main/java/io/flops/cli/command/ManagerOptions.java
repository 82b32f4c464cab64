package io.flops.cli.command;

import io.flops.cli.client.ManagerClient;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Which manager a command talks to and how: {@code --manager-url} and {@code --token}. */
public final class ManagerOptions {

  /** The manager of the embedded defaults. */
  public static final String DEFAULT_URL = "http://localhost:5072";

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Option(
      names = "--manager-url",
      paramLabel = "<url>",
      defaultValue = "${env:FLOPS_MANAGER_URL:-" + DEFAULT_URL + "}",
      description = "The manager's URL (default: $FLOPS_MANAGER_URL, else " + DEFAULT_URL + ").")
  URI url;

  @Option(
      names = "--token",
      paramLabel = "<token>",
      defaultValue = "${env:FLOPS_TOKEN}",
      description =
          "Sent as 'Authorization: Bearer <token>' with every request (default: $FLOPS_TOKEN).")
  String token;

  /** The manager's URL. */
  public URI url() {
    return url;
  }

  /** The token, or null. */
  public String token() {
    return token;
  }

  /** A client of that manager. */
  public ManagerClient client() {
    return new ManagerClient(url, TIMEOUT, token);
  }
}
