package io.flops.tracking.server;

import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tries one request a few times, with short growing pauses, while the server cannot be reached or
 * answers 429, 502, 503 or 504; a request the server rejects is not tried again. Longer outages are
 * the {@link DeliveryQueue}'s business.
 */
final class QuickRetries {

  private static final Logger log = LoggerFactory.getLogger(QuickRetries.class);

  private final String server;
  private final int attempts;
  private final Duration backoff;

  QuickRetries(String server, int attempts, Duration backoff) {
    this.server = server;
    this.attempts = attempts;
    this.backoff = backoff;
  }

  /** A request that fails with an {@link IOException} when the server cannot be reached. */
  @FunctionalInterface
  interface Request<T> {
    T send() throws IOException, InterruptedException;
  }

  /**
   * Sends {@code request} ({@code what} names it in messages) until it succeeds or fails for good.
   */
  <T> T run(String what, Request<T> request) {
    MlflowHttpException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        return request.send();
      } catch (MlflowHttpException e) {
        if (!e.isTransient()) {
          throw e;
        }
        last = e;
      } catch (IOException e) {
        last = MlflowHttpException.unreachable(server, what, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MlflowHttpException("Interrupted during " + what + ".", 0, "", e);
      }
      log.debug("Attempt {} of {} failed: {}", attempt, what, last.getMessage());
      if (attempt < attempts) {
        pause(backoff.multipliedBy(attempt));
      }
    }
    throw last;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
