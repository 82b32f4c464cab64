package io.flops.aggregator.tracking;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is tracked about a project as a whole.
 *
 * @param projectId the FLOps project; the experiment is {@code FLOps Project <projectId>} and the
 *     best model is registered under this name
 * @param customerId the customer (experiment tag)
 * @param repoUrl the ML repository (experiment tag)
 * @param commit the repository commit (experiment tag)
 * @param params the training parameters logged into every round's run
 */
public record TrackedProject(
    String projectId,
    String customerId,
    String repoUrl,
    String commit,
    Map<String, String> params) {

  public TrackedProject {
    params = Map.copyOf(params);
  }

  public String experimentName() {
    return "FLOps Project " + projectId;
  }

  Map<String, String> tags() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("flops.project", projectId);
    tags.put("flops.customer", customerId);
    tags.put("flops.repo", repoUrl);
    tags.put("flops.commit", commit);
    return tags;
  }
}
