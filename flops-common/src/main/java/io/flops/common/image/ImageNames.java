package io.flops.common.image;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The names of the images FLOps builds, computed only here so that both ends agree: the builder
 * names what it pushes or stores with them, the manager looks them up to reuse them and deploys
 * them.
 *
 * <ul>
 *   <li>learner and aggregator: {@code <registry>/<repository>/{learner,aggregator}:<commit sha>}
 *   <li>trained model: {@code <registry>/<customer>/trained_model:<run id>}
 * </ul>
 *
 * <p>With an empty registry (the local image store) the {@code <registry>/} part is left out. The
 * {@code <repository>} of a hosted Git repository is its whole path on the host ({@code
 * https://gitlab.com/Group/sub/repo.git} → {@code group/sub/repo}); of a {@code file:} URL or
 * absolute path, its last two segments ({@code file:///srv/git/models/} → {@code git/models}) (see
 * {@link RepositoryPath}). Every component is lower-cased and cleaned to the distribution spec's
 * name grammar, and the first never reads as a registry host (see {@link NameComponents}), so every
 * name is a valid OCI reference whose registry is {@code <registry>}.
 */
public final class ImageNames {

  private static final String LEARNER = "learner";
  private static final String AGGREGATOR = "aggregator";
  private static final String TRAINED_MODEL = "trained_model";

  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");

  private ImageNames() {}

  /**
   * The learner image of {@code repoUrl} at {@code commit}.
   *
   * @param registry {@code host:port} of the registry, or empty (or null) for the local store
   * @param repoUrl a Git URL: https, http, ssh, git, file, scp-like {@code git@host:o/r.git}, or an
   *     absolute path
   * @param commit the full commit sha
   * @throws IllegalArgumentException when {@code repoUrl} names no repository or {@code commit}
   *     cannot be a tag
   */
  public static String learner(String registry, String repoUrl, String commit) {
    return name(registry, repository(repoUrl) + "/" + LEARNER, commit);
  }

  /** The aggregator image of {@code repoUrl} at {@code commit}; as {@link #learner}. */
  public static String aggregator(String registry, String repoUrl, String commit) {
    return name(registry, repository(repoUrl) + "/" + AGGREGATOR, commit);
  }

  /**
   * The inference image of a customer's trained model.
   *
   * @throws IllegalArgumentException when {@code customerId} has no character a name can use or
   *     {@code runId} cannot be a tag
   */
  public static String trainedModel(String registry, String customerId, String runId) {
    String customer = NameComponents.first(customerId);
    if (customer.isEmpty()) {
      throw new IllegalArgumentException(
          "The customer id '" + customerId + "' has no character an image name can use.");
    }
    return name(registry, customer + "/" + TRAINED_MODEL, runId);
  }

  /**
   * The image repository of a Git repository, e.g. {@code group/sub/repo} for {@code
   * https://gitlab.com/Group/sub/repo.git}.
   *
   * @throws IllegalArgumentException when {@code repoUrl} names no repository
   */
  public static String repository(String repoUrl) {
    List<String> segments = RepositoryPath.segments(repoUrl);
    List<String> components = NameComponents.clean(segments);
    if (components.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot name images after the repository '"
              + repoUrl
              + "': its path has no name an image can use.");
    }
    return String.join("/", components);
  }

  /** True when {@code reference} names a learner image. */
  public static boolean isLearner(String reference) {
    return lastComponent(reference).equals(LEARNER);
  }

  /** True when {@code reference} names an aggregator image. */
  public static boolean isAggregator(String reference) {
    return lastComponent(reference).equals(AGGREGATOR);
  }

  private static String lastComponent(String reference) {
    String name = reference.split("@", 2)[0];
    String last = name.substring(name.lastIndexOf('/') + 1);
    int tag = last.indexOf(':');
    return tag < 0 ? last : last.substring(0, tag);
  }

  private static String name(String registry, String repository, String tag) {
    if (tag == null || !TAG.matcher(tag).matches()) {
      throw new IllegalArgumentException(
          "'" + tag + "' cannot be an image tag: 1-128 letters, digits, '_', '.' or '-'.");
    }
    String prefix = registry == null || registry.isBlank() ? "" : registry.strip() + "/";
    return prefix + repository + ":" + tag;
  }
}
