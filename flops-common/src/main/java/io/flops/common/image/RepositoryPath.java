package io.flops.common.image;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The path segments of a Git repository that its images are named after.
 *
 * <ul>
 *   <li>A hosted repository (https, http, ssh, git, or scp-like {@code [user@]host:path}) keeps its
 *       whole path on the host, nested groups included; user, host, port, query and fragment are
 *       not part of it.
 *   <li>A local one ({@code file:} URL or absolute path) keeps its last two segments, the directory
 *       it sits in and its own name: the rest of a local path says nothing about the repository.
 *   <li>Trailing slashes and a {@code .git} suffix are dropped.
 * </ul>
 */
final class RepositoryPath {

  private static final Pattern URL = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://.*|file:.*");
  private static final Pattern SCP_LIKE = Pattern.compile("(?:[^@/]+@)?[^/:]+:(.*)");
  private static final Pattern GIT_SUFFIX = Pattern.compile("(?i)\\.git$");

  private RepositoryPath() {}

  /** The segments of {@code repoUrl}'s path that name its images, not yet cleaned. */
  static List<String> segments(String repoUrl) {
    String url = repoUrl == null ? "" : repoUrl.strip();
    Matcher scpLike = SCP_LIKE.matcher(url);
    if (URL.matcher(url).matches()) {
      URI uri = uri(repoUrl, url);
      return split(uri.getPath(), "file".equalsIgnoreCase(uri.getScheme()));
    }
    if (scpLike.matches()) {
      return split(scpLike.group(1), false);
    }
    if (url.startsWith("/")) {
      return split(url, true);
    }
    throw new IllegalArgumentException(
        "Cannot name images after the repository '"
            + repoUrl
            + "': it is no URL, scp-like address or absolute path.");
  }

  private static URI uri(String repoUrl, String url) {
    try {
      URI uri = new URI(url);
      if (uri.getPath() == null) {
        throw new URISyntaxException(url, "no path");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "Cannot name images after the repository '" + repoUrl + "': " + e.getMessage() + ".", e);
    }
  }

  private static List<String> split(String path, boolean local) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/")) {
      if (!segment.isBlank()) {
        segments.add(segment);
      }
    }
    if (!segments.isEmpty()) {
      int last = segments.size() - 1;
      segments.set(last, GIT_SUFFIX.matcher(segments.get(last)).replaceFirst(""));
    }
    return local ? segments.subList(Math.max(0, segments.size() - 2), segments.size()) : segments;
  }
}
