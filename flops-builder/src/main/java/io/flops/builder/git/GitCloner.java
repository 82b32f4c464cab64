package io.flops.builder.git;

import io.flops.builder.plan.BuildFailure;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Clones a repository with JGit, shallow (depth 1) when a branch or tag (or the default branch) is
 * wanted, and fetches a single commit when a sha is wanted. Works for https, http, ssh, git and
 * file URLs. A credential ({@code token} or {@code user:password}) is used for http(s) and never
 * appears in a message.
 */
public final class GitCloner {

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,40}");

  /**
   * Clones {@code url} at {@code ref} (branch, tag or commit sha; empty for the default branch)
   * into {@code directory}.
   */
  public Checkout clone(String url, String ref, String credential, Path directory)
      throws BuildFailure {
    CredentialsProvider credentials = credentials(credential);
    String wanted = ref == null ? "" : ref.trim();
    try {
      Map<String, Ref> remote =
          Git.lsRemoteRepository()
              .setRemote(url)
              .setCredentialsProvider(credentials)
              .setHeads(false)
              .setTags(false)
              .callAsMap();
      String branch = branchOrTag(remote, wanted);
      if (branch == null && !SHA.matcher(wanted).matches()) {
        throw new BuildFailure(
            "The repository "
                + redact(url)
                + " has no branch, tag or commit named '"
                + wanted
                + "'.");
      }
      return branch != null
          ? shallowClone(url, branch, credentials, directory)
          : commitClone(url, wanted, credentials, directory);
    } catch (InvalidRemoteException | TransportException e) {
      throw new BuildFailure(
          "Cannot reach the repository " + redact(url) + ": " + redact(firstLine(e)) + ".", e);
    } catch (GitAPIException e) {
      throw new BuildFailure(
          "Cannot clone the repository " + redact(url) + ": " + redact(firstLine(e)) + ".", e);
    }
  }

  private static String branchOrTag(Map<String, Ref> remote, String wanted) {
    if (wanted.isEmpty()) {
      return Constants.HEAD;
    }
    for (String name : new String[] {Constants.R_HEADS + wanted, Constants.R_TAGS + wanted}) {
      if (remote.containsKey(name)) {
        return name;
      }
    }
    return remote.containsKey(wanted) ? wanted : null;
  }

  private Checkout shallowClone(
      String url, String branch, CredentialsProvider credentials, Path directory)
      throws GitAPIException, BuildFailure {
    var clone =
        Git.cloneRepository()
            .setURI(url)
            .setDirectory(directory.toFile())
            .setCredentialsProvider(credentials)
            .setDepth(1);
    if (!Constants.HEAD.equals(branch)) {
      clone.setBranch(branch);
    }
    try (Git git = clone.call()) {
      return new Checkout(directory, head(git));
    }
  }

  private Checkout commitClone(
      String url, String sha, CredentialsProvider credentials, Path directory)
      throws GitAPIException, BuildFailure {
    try (Git git =
        Git.cloneRepository()
            .setURI(url)
            .setDirectory(directory.toFile())
            .setCredentialsProvider(credentials)
            .call()) {
      ObjectId id = resolve(git, sha);
      if (id == null) {
        throw new BuildFailure(
            "The repository " + redact(url) + " has no branch, tag or commit named '" + sha + "'.");
      }
      git.checkout().setName(id.name()).call();
      return new Checkout(directory, id.name());
    }
  }

  private static ObjectId resolve(Git git, String sha) {
    try {
      return git.getRepository().resolve(sha + "^{commit}");
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  private static String head(Git git) throws BuildFailure {
    try {
      ObjectId head = git.getRepository().resolve(Constants.HEAD);
      if (head == null) {
        throw new BuildFailure("The repository has no commits.");
      }
      return head.name();
    } catch (java.io.IOException e) {
      throw new BuildFailure("Cannot read the cloned commit: " + e.getMessage() + ".", e);
    }
  }

  private static CredentialsProvider credentials(String credential) {
    if (credential == null || credential.isBlank()) {
      return null;
    }
    int colon = credential.indexOf(':');
    return colon < 0
        ? new UsernamePasswordCredentialsProvider("x-access-token", credential)
        : new UsernamePasswordCredentialsProvider(
            credential.substring(0, colon), credential.substring(colon + 1));
  }

  /** The URL without any user info, for messages. */
  public static String redact(String url) {
    return url.replaceAll("://[^/@]+@", "://");
  }

  private static String firstLine(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse("").replaceAll("[.\\s]+$", "");
  }
}
