package io.flops.common.image;

/**
 * An image reference split into registry (may be empty), repository and tag, e.g. {@code
 * 127.0.0.1:5000/owner/repo/learner:3fa2c1} → {@code 127.0.0.1:5000}, {@code owner/repo/learner},
 * {@code 3fa2c1}. A missing tag is {@code latest}.
 */
public record ImageName(String registry, String repository, String tag) {

  /**
   * Parses a reference; the first path segment is a registry when it has a dot or a colon or is
   * localhost.
   */
  public static ImageName parse(String reference) {
    String rest = reference;
    String tag = "latest";
    int at = rest.indexOf('@');
    if (at >= 0) {
      tag = rest.substring(at + 1).replace(':', '-');
      rest = rest.substring(0, at);
    } else {
      int colon = rest.lastIndexOf(':');
      if (colon > rest.lastIndexOf('/')) {
        tag = rest.substring(colon + 1);
        rest = rest.substring(0, colon);
      }
    }
    String registry = "";
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        rest = rest.substring(slash + 1);
      }
    }
    if (rest.isEmpty()) {
      throw new IllegalArgumentException("Not an image reference: " + reference);
    }
    return new ImageName(registry, rest, tag);
  }

  /** The full reference, {@code registry/repository:tag} (no registry part when empty). */
  public String reference() {
    return (registry.isEmpty() ? "" : registry + "/") + repository + ":" + tag;
  }
}
