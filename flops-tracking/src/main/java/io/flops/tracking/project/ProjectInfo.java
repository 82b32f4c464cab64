package io.flops.tracking.project;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is tracked about a project as a whole: the experiment's tags and each run's parameters.
 *
 * @param projectId the FLOps project id; the experiment is {@code FLOps Project <projectId>} and
 *     the best model is registered under this name
 * @param customerId the customer (experiment tag {@code flops.customer})
 * @param repoUrl the ML repository (experiment tag {@code flops.repo})
 * @param commit the repository commit trained (experiment tag {@code flops.commit})
 * @param strategy the aggregation strategy, e.g. {@code fedavg} (param {@code strategy})
 * @param rounds the number of rounds; for hierarchical FL, the root's cycles (param {@code rounds})
 * @param minClients the minimum number of learners per round (param {@code min_clients})
 * @param mode {@code classic} or {@code hierarchical} (param {@code mode})
 */
public record ProjectInfo(
    String projectId,
    String customerId,
    String repoUrl,
    String commit,
    String strategy,
    int rounds,
    int minClients,
    String mode) {

  /** The parameters logged with every run: strategy, rounds, min_clients, mode. */
  public Map<String, String> runParams() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("strategy", strategy);
    params.put("rounds", String.valueOf(rounds));
    params.put("min_clients", String.valueOf(minClients));
    params.put("mode", mode);
    return params;
  }

  /** The MLflow experiment of the project. */
  public String experimentName() {
    return "FLOps Project " + projectId;
  }
}
