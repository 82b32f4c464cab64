package io.flops.tracking.server;

import java.io.IOException;
import java.util.function.Function;
import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.SingleAttemptMlflowClient;

/**
 * MLflow's REST API through MLflow's own Java client: typed calls for experiments, runs, params,
 * metrics and tags, {@code sendPost}/{@code sendGet} for what it lacks (logged models, the model
 * registry), with the client's host credentials. Each call is retried by {@link QuickRetries}; its
 * failures are {@link MlflowHttpException}s.
 */
final class MlflowApi implements AutoCloseable {

  private final String server;
  private final SingleAttemptMlflowClient client;
  private final QuickRetries retries;

  MlflowApi(MlflowServerSettings settings, QuickRetries retries) {
    this.server = settings.hostCreds().getHost();
    this.client = new SingleAttemptMlflowClient(settings.hostCreds(), settings.requestTimeout());
    this.retries = retries;
  }

  /** Makes {@code call} with the client; {@code what} names it in messages. */
  <T> T call(String what, Function<SingleAttemptMlflowClient, T> call) {
    return retries.run(
        what,
        () -> {
          try {
            return call.apply(client);
          } catch (org.mlflow.tracking.MlflowHttpException e) {
            throw MlflowHttpException.refused(server, what, e.getStatusCode(), e.getBodyMessage());
          } catch (MlflowClientException e) {
            if (e.getCause() instanceof IOException unreachable) {
              throw unreachable;
            }
            throw new IllegalStateException(
                "MLflow server " + server + " sent an unreadable answer to " + what + ": " + e, e);
          }
        });
  }

  @Override
  public void close() {
    client.close();
  }
}
