package io.flops.manager.deploy;

import io.flops.common.launch.TlsLaunch;
import io.flops.common.orchestration.ServiceAddress;
import io.flops.common.tls.CaTrust;
import io.flops.common.tls.ParticipantAuthority;
import io.flops.manager.mqtt.ServiceLaunches;
import io.flops.manager.project.Project;
import io.flops.manager.project.ServiceRole;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How the manager protects a project's web servers, its observer and its inference server: HTTPS
 * with a fresh server certificate of the installation's authority ({@code flops.tls.web-enabled}),
 * and a per-project inference token ({@code flops.inference.token-required}, derived from the
 * installation secret). {@link #plain}: plain HTTP, predictions open to every caller.
 */
public final class WebServers {

  private final ParticipantAuthority authority;
  private final List<String> hosts;
  private final boolean inferenceTokenRequired;
  private final ServiceLaunches tokens;

  /**
   * @param authority issues the servers' certificates; null: plain HTTP
   * @param hosts the host names and addresses users reach the servers at, besides loopback
   * @param inferenceTokenRequired whether inference servers need their project's token
   * @param tokens derives the tokens
   */
  public WebServers(
      ParticipantAuthority authority,
      List<String> hosts,
      boolean inferenceTokenRequired,
      ServiceLaunches tokens) {
    this.authority = authority;
    this.hosts = List.copyOf(hosts);
    this.inferenceTokenRequired = inferenceTokenRequired;
    this.tokens = tokens;
  }

  /** Plain HTTP, predictions open to every caller. */
  public static WebServers plain(ServiceLaunches tokens) {
    return new WebServers(null, List.of(), false, tokens);
  }

  /** Whether the servers speak HTTPS. */
  public boolean isHttps() {
    return authority != null;
  }

  /** A fresh server certificate for {@code server} (e.g. {@code observer}), or none. */
  public TlsLaunch identity(String projectId, String server) {
    return isHttps() ? authority.issueWebServer(projectId, server, hosts) : TlsLaunch.NONE;
  }

  /** The URL of container port {@code port} at {@code address}, {@code https://} with TLS. */
  public String url(ServiceAddress address, int port) {
    return (isHttps() ? "https://" : "http://") + address.hostPort(port);
  }

  /** The token of the project's inference server, when one is required. */
  public Optional<String> inferenceToken(String projectId) {
    return inferenceTokenRequired
        ? Optional.of(tokens.inferenceToken(projectId))
        : Optional.empty();
  }

  /**
   * The token the project's owner needs for its inference server while it is deployed and a token
   * is required; else empty.
   */
  public Optional<String> inferenceToken(Project project) {
    return project
        .liveOne(ServiceRole.INFERENCE_SERVER)
        .flatMap(server -> inferenceToken(project.getId()));
  }

  /** A TLS context that trusts the servers' certificates (and nothing else); none without TLS. */
  public Optional<SSLContext> clientTrust() {
    return isHttps()
        ? Optional.of(CaTrust.sslContext(authority.certificatePem()))
        : Optional.empty();
  }

  /** Leaves out every secret. */
  @Override
  public String toString() {
    return "WebServers["
        + (isHttps() ? "https" : "http")
        + ", inferenceToken="
        + inferenceTokenRequired
        + "]";
  }
}
