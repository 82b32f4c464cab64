package io.flops.common.image.registry;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of a repository's learner and aggregator images for one commit: {@code <registry>/<repo
 * owner>/<repo name>/{learner,aggregator}:<commit sha>} (no registry part for the local image
 * store). Owner and name come from the repository URL, lower-cased and restricted to the characters
 * a registry accepts.
 */
public record ActorImages(String learner, String aggregator) {

  private static final Pattern OWNER_AND_NAME =
      Pattern.compile("([^/:]+)[/:]([^/:]+?)(?:\\.git)?/*$");

  /**
   * @param registry {@code host:port}, or empty for the local image store
   * @param repoUrl the Git URL (https, http, ssh, git, file or scp-like {@code git@host:o/r.git})
   * @param commit the full commit sha
   */
  public static ActorImages of(String registry, String repoUrl, String commit) {
    String prefix = (registry == null || registry.isBlank() ? "" : registry + "/") + path(repoUrl);
    return new ActorImages(prefix + "/learner:" + commit, prefix + "/aggregator:" + commit);
  }

  /** {@code owner/name} of a repository URL, as used in image repositories. */
  public static String path(String repoUrl) {
    Matcher matcher = OWNER_AND_NAME.matcher(repoUrl.trim());
    if (!matcher.find()) {
      throw new IllegalArgumentException(
          "Cannot tell owner and name of the repository from '" + repoUrl + "'.");
    }
    return clean(matcher.group(1)) + "/" + clean(matcher.group(2));
  }

  private static String clean(String segment) {
    String cleaned =
        segment
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9._-]", "-")
            .replaceAll("^[^a-z0-9]+", "")
            .replaceAll("[^a-z0-9]+$", "");
    return cleaned.isEmpty() ? "repo" : cleaned;
  }
}
