package io.flops.common.sla;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the federated training runs. The original's fields and defaults, plus {@code strategy},
 * {@code round_timeout} and {@code local_epochs}.
 *
 * @param mode classic or hierarchical, default classic
 * @param dataTags the data sets learners train on (tags on the data servers); at least one
 * @param trainingCycles hierarchical only: root ↔ cluster-aggregator cycles, default 1
 * @param trainingRounds classic: rounds; hierarchical: rounds per cycle in each cluster, default 3
 * @param minAvailableClients learners to wait for, and learner instances deployed (per cluster in
 *     hierarchical mode), default 1
 * @param minFitClients learners that train in a round, default 1
 * @param minEvaluateClients learners that evaluate in a round, default 1
 * @param strategy how updates are aggregated, default fedavg
 * @param roundTimeout how long a round waits for its learners, default 10 minutes
 * @param localEpochs epochs each learner trains per round, default 1
 */
@CrossFieldRules
public record TrainingConfiguration(
    @JsonProperty("mode") Mode mode,
    @JsonProperty("data_tags")
        @NotEmpty(message = "must name at least one data tag")
        @Size(max = 100)
        List<
                @NotNull
                @Pattern(
                    regexp = "[A-Za-z0-9_-]{1,64}",
                    message = "must be 1-64 letters, digits, '_' or '-'")
                String>
            dataTags,
    @JsonProperty("training_cycles") @Min(1) @Max(100_000) Integer trainingCycles,
    @JsonProperty("training_rounds") @Min(1) @Max(100_000) Integer trainingRounds,
    @JsonProperty("min_available_clients") @Min(1) @Max(10_000) Integer minAvailableClients,
    @JsonProperty("min_fit_clients") @Min(1) @Max(10_000) Integer minFitClients,
    @JsonProperty("min_evaluate_clients") @Min(1) @Max(10_000) Integer minEvaluateClients,
    @JsonProperty("strategy") Strategy strategy,
    @JsonProperty("round_timeout")
        @JsonDeserialize(using = FlexibleDuration.class)
        @JsonSerialize(using = ToStringSerializer.class)
        Duration roundTimeout,
    @JsonProperty("local_epochs") @Min(1) @Max(10_000) Integer localEpochs)
    implements CrossFieldRules.Checked {

  /** Default round timeout. */
  public static final Duration DEFAULT_ROUND_TIMEOUT = Duration.ofMinutes(10);

  /** Longest round timeout accepted. */
  public static final Duration MAX_ROUND_TIMEOUT = Duration.ofDays(7);

  public TrainingConfiguration {
    mode = mode == null ? Mode.CLASSIC : mode;
    dataTags = dataTags == null ? List.of() : JsonEnum.copy(dataTags);
    trainingCycles = trainingCycles == null ? 1 : trainingCycles;
    trainingRounds = trainingRounds == null ? 3 : trainingRounds;
    minAvailableClients = minAvailableClients == null ? 1 : minAvailableClients;
    minFitClients = minFitClients == null ? 1 : minFitClients;
    minEvaluateClients = minEvaluateClients == null ? 1 : minEvaluateClients;
    strategy = strategy == null ? Strategy.FEDAVG : strategy;
    roundTimeout = roundTimeout == null ? DEFAULT_ROUND_TIMEOUT : roundTimeout;
    localEpochs = localEpochs == null ? 1 : localEpochs;
  }

  /** All defaults (and no data tags, which validation refuses). */
  public static TrainingConfiguration defaults() {
    return new TrainingConfiguration(null, null, null, null, null, null, null, null, null, null);
  }

  @Override
  public List<CrossFieldRules.Broken> brokenRules() {
    List<CrossFieldRules.Broken> broken = new ArrayList<>();
    if (minFitClients > minAvailableClients) {
      broken.add(
          new CrossFieldRules.Broken(
              "minFitClients",
              "must not exceed min_available_clients (" + minAvailableClients + ")"));
    }
    if (minEvaluateClients > minAvailableClients) {
      broken.add(
          new CrossFieldRules.Broken(
              "minEvaluateClients",
              "must not exceed min_available_clients (" + minAvailableClients + ")"));
    }
    if (roundTimeout.isNegative()
        || roundTimeout.isZero()
        || roundTimeout.compareTo(MAX_ROUND_TIMEOUT) > 0) {
      broken.add(
          new CrossFieldRules.Broken(
              "roundTimeout", "must be positive and at most " + MAX_ROUND_TIMEOUT));
    }
    return broken;
  }
}
