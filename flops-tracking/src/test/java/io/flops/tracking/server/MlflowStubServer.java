package io.flops.tracking.server;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * WireMock loaded with the recorded MLflow 2.17.2 exchanges (src/test/resources/mlflow: the
 * reference stubs verbatim, plus {@code p*} stubs derived from them for project "mnist-demo").
 */
final class MlflowStubServer implements AutoCloseable {

  private final int port = freePort();
  private final WireMockServer server =
      new WireMockServer(
          options().bindAddress("127.0.0.1").port(port).usingFilesUnderClasspath("mlflow"));

  MlflowStubServer() {
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  WireMockServer wireMock() {
    return server;
  }

  /** Stops answering: connections are refused until {@link #recover()}. */
  void goDown() {
    server.stop();
  }

  void recover() {
    server.start();
  }

  /** The requests received, oldest first, as {@code METHOD path}. */
  List<String> calls() {
    return requests().stream()
        .map(request -> request.getMethod() + " " + request.getUrl().replaceFirst("\\?.*", ""))
        .collect(Collectors.toList());
  }

  List<LoggedRequest> requests() {
    return server.findAll(
        com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
            com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
  }

  List<LoggedRequest> unmatched() {
    return server.findAllUnmatchedRequests();
  }

  /** Server settings with quick retries, so tests of outages take a second, not minutes. */
  MlflowServerSettings settings(String token, String username, String password) {
    return new MlflowServerSettings(
        url(),
        token,
        username,
        password,
        Duration.ofSeconds(5),
        2,
        Duration.ofMillis(50),
        Duration.ofMillis(200),
        Duration.ofSeconds(3),
        1000,
        Duration.ofSeconds(20));
  }

  @Override
  public void close() {
    server.stop();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port for WireMock: " + e.getMessage(), e);
    }
  }
}
