package io.flops.manager.deploy;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Image names the builder produces: {@code <registry>/<owner>/<repo>/{learner,aggregator}:<commit>}
 * and {@code <registry>/<customer>/trained_model:<run id>} (no registry part for the local store).
 */
public final class ActorImages {

  private ActorImages() {}

  /** The learner image of {@code repoUrl} at {@code commit}. */
  public static String learner(String registry, String repoUrl, String commit) {
    return prefix(registry) + repoPath(repoUrl) + "/learner:" + commit;
  }

  /** The aggregator image of {@code repoUrl} at {@code commit}. */
  public static String aggregator(String registry, String repoUrl, String commit) {
    return prefix(registry) + repoPath(repoUrl) + "/aggregator:" + commit;
  }

  /** The inference image of a customer's trained model. */
  public static String trainedModel(String registry, String customerId, String runId) {
    return prefix(registry) + clean(customerId) + "/trained_model:" + runId;
  }

  private static String prefix(String registry) {
    return registry == null || registry.isBlank() ? "" : registry + "/";
  }

  /** {@code owner/repo} of a repository URL, lower case, without {@code .git}. */
  static String repoPath(String repoUrl) {
    String path = URI.create(repoUrl).getPath();
    List<String> segments =
        Arrays.stream(path.split("/")).filter(s -> !s.isBlank()).map(ActorImages::clean).toList();
    String repo = segments.get(segments.size() - 1).replaceAll("\\.git$", "");
    String owner = segments.size() > 1 ? segments.get(segments.size() - 2) : "local";
    return owner + "/" + repo;
  }

  private static String clean(String segment) {
    return segment.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-");
  }
}
