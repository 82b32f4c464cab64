package org.mlflow.tracking;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.mlflow.api.proto.Service.Experiment;
import org.mlflow.api.proto.Service.Run;
import org.mlflow.tracking.creds.MlflowHostCredsProvider;
import org.mlflow_project.apachehttp.client.config.RequestConfig;
import org.mlflow_project.apachehttp.impl.client.HttpClientBuilder;
import org.mlflow_project.google.protobuf.MessageOrBuilder;

/**
 * MLflow's own Java client, sending each request once and giving up after a timeout.
 *
 * <p>The plain {@link MlflowClient} repeats every failed request three times at once, a rejected
 * one (400, 404) too, and waits without a timeout. FLOps retries by itself (short pauses for a
 * server that is briefly away, then its ordered delivery queue) and must not send a rejected
 * request again. This class lives in MLflow's package because the client's HTTP caller, which takes
 * the number of attempts and the HTTP client, is package-private; everything else is MLflow's code:
 * the host credentials (a token as {@code Bearer}, a user and password as {@code Basic}), the
 * headers, and the JSON of every request and response.
 */
public class SingleAttemptMlflowClient extends MlflowClient {

  private static final long serialVersionUID = 1L;

  private final transient MlflowHttpCaller caller;
  private final transient MlflowProtobufMapper mapper = new MlflowProtobufMapper();

  /** A client of the server {@code credentials} name; a request may take up to {@code timeout}. */
  public SingleAttemptMlflowClient(MlflowHostCredsProvider credentials, Duration timeout) {
    super(credentials);
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    RequestConfig requests =
        RequestConfig.custom()
            .setConnectTimeout(millis)
            .setConnectionRequestTimeout(millis)
            .setSocketTimeout(millis)
            .build();
    this.caller =
        new MlflowHttpCaller(
            credentials,
            0,
            0,
            1,
            HttpClientBuilder.create()
                .setDefaultRequestConfig(requests)
                .disableAutomaticRetries()
                .build());
  }

  @Override
  public String sendGet(String path) {
    return caller.get(path);
  }

  @Override
  public String sendPost(String path, String json) {
    return caller.post(path, json);
  }

  @Override
  public String sendPatch(String path, String json) {
    return caller.patch(path, json);
  }

  /** The experiment named {@code experimentName}, or empty when the server has none. */
  @Override
  public Optional<Experiment> getExperimentByName(String experimentName) {
    try {
      String json = sendGet("experiments/get-by-name?experiment_name=" + encode(experimentName));
      return Optional.of(mapper.toGetExperimentByNameResponse(json).getExperiment());
    } catch (MlflowHttpException e) {
      if (e.getStatusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Run getRun(String runId) {
    String query = "?run_uuid=" + encode(runId) + "&run_id=" + encode(runId);
    return mapper.toGetRunResponse(sendGet("runs/get" + query)).getRun();
  }

  /** {@code message} as the JSON MLflow's REST API takes, for {@link #sendPost}. */
  public String toJson(MessageOrBuilder message) {
    return mapper.toJson(message);
  }

  @Override
  public void close() {
    caller.close();
    super.close();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
