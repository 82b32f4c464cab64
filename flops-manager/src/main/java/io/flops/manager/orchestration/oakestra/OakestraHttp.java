package io.flops.manager.orchestration.oakestra;

import io.flops.common.orchestration.OrchestrationException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plain HTTP to the Oakestra system manager with retries: connection failures and 5xx answers are
 * retried with exponential backoff, except 5xx codes the caller expects as a documented quirk (e.g.
 * 500 for deleting a service that is already gone). A quick call (a read an API request waits for)
 * gets one attempt with the short read timeout, so a request never hangs while Oakestra is down.
 * After a call failed for good, every call is tried once (no retries, no backoff) until Oakestra
 * answers again, so requests that must write to Oakestra do not wait out the retries either.
 */
final class OakestraHttp {

  private static final Logger log = LoggerFactory.getLogger(OakestraHttp.class);

  /**
   * A request. {@code expected} statuses are answers, never retried; a {@code quick} call is sent
   * once with the read timeout.
   */
  record Call(
      String method, String path, String jsonBody, String bearer, boolean quick, int... expected) {

    boolean expects(int status) {
      for (int code : expected) {
        if (code == status) {
          return true;
        }
      }
      return false;
    }
  }

  /** An answer: status and body text. */
  record Answer(int status, String body) {

    boolean isSuccess() {
      return status >= 200 && status < 300;
    }
  }

  private final URI base;
  private final HttpClient client;
  private final Duration timeout;
  private final Duration readTimeout;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private volatile boolean failing;

  OakestraHttp(
      String baseUrl,
      Duration timeout,
      Duration readTimeout,
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(readTimeout.compareTo(timeout) < 0 ? readTimeout : timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
    this.readTimeout = readTimeout;
    this.maxAttempts = maxAttempts;
    this.initialBackoff = initialBackoff;
    this.maxBackoff = maxBackoff;
  }

  String baseUrl() {
    return base.toString();
  }

  /** How long a quick call may take. */
  Duration readTimeout() {
    return readTimeout;
  }

  /**
   * Sends {@code call}, retrying transient failures; throws a transient exception when they last.
   */
  Answer send(Call call) {
    String lastFailure = null;
    Duration backoff = initialBackoff;
    int attempts = call.quick() || failing ? 1 : maxAttempts;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        HttpResponse<String> response =
            client.send(request(call), HttpResponse.BodyHandlers.ofString());
        Answer answer = new Answer(response.statusCode(), response.body());
        if (answer.status() < 500 || call.expects(answer.status())) {
          failing = false;
          return answer;
        }
        lastFailure = "HTTP " + answer.status() + " " + answer.body().trim();
      } catch (IOException e) {
        lastFailure =
            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new OrchestrationException("Interrupted while calling Oakestra", true, e);
      }
      if (attempt < attempts) {
        log.warn(
            "Oakestra {} {} failed ({}); retrying in {}",
            call.method(),
            call.path(),
            lastFailure,
            backoff);
        sleep(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(maxBackoff) > 0
                ? maxBackoff
                : backoff.multipliedBy(2);
      }
    }
    failing = true;
    throw new OrchestrationException(
        "Oakestra at "
            + base
            + " did not answer "
            + call.method()
            + " "
            + call.path()
            + (call.quick() ? " within " + readTimeout.toMillis() + " ms" : "")
            + (attempts > 1 ? " after " + attempts + " attempts" : "")
            + " ("
            + lastFailure
            + "); check that the root orchestrator is running",
        true,
        null);
  }

  private HttpRequest request(Call call) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(base.resolve(call.path().substring(1)))
            .timeout(call.quick() ? readTimeout : timeout)
            .header("Accept", "application/json");
    if (call.bearer() != null) {
      builder.header("Authorization", "Bearer " + call.bearer());
    }
    if (call.jsonBody() != null) {
      builder.header("Content-Type", "application/json");
      builder.method(call.method(), HttpRequest.BodyPublishers.ofString(call.jsonBody()));
    } else {
      builder.method(call.method(), HttpRequest.BodyPublishers.noBody());
    }
    return builder.build();
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OrchestrationException("Interrupted while waiting to retry Oakestra", true, e);
    }
  }
}
