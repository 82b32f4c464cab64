package io.flops.manager.image;

import io.flops.common.error.FlopsException;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.LsRemoteCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Finds the commit a repository's branch, tag or HEAD points to with {@code git ls-remote} (JGit),
 * for any Git host.
 */
public class CommitLookup {

  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

  private final Duration timeout;

  public CommitLookup(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * The commit of {@code ref} (a branch, tag or full commit id; null: the remote's HEAD).
   *
   * @param credential a token or {@code user:password} for private HTTP(S) repositories, or null
   * @throws FlopsException invalid input when the ref does not exist; an outside failure when the
   *     repository cannot be reached
   */
  public String latestCommit(String url, String ref, String credential) {
    if (ref != null && SHA.matcher(ref).matches()) {
      return ref;
    }
    Map<String, Ref> refs = lsRemote(url, credential);
    String[] candidates =
        ref == null
            ? new String[] {"HEAD"}
            : new String[] {"refs/heads/" + ref, "refs/tags/" + ref, ref};
    for (String candidate : candidates) {
      Ref found = refs.get(candidate);
      if (found != null) {
        return (found.getPeeledObjectId() != null ? found.getPeeledObjectId() : found.getObjectId())
            .name();
      }
    }
    throw FlopsException.invalidInput(
        "Repository " + url + " has no branch or tag '" + (ref == null ? "HEAD" : ref) + "'.",
        java.util.List.of());
  }

  private Map<String, Ref> lsRemote(String url, String credential) {
    LsRemoteCommand command =
        Git.lsRemoteRepository().setRemote(url).setTimeout((int) Math.max(1, timeout.toSeconds()));
    if (credential != null && !credential.isBlank()) {
      int colon = credential.indexOf(':');
      command.setCredentialsProvider(
          colon > 0
              ? new UsernamePasswordCredentialsProvider(
                  credential.substring(0, colon), credential.substring(colon + 1))
              : new UsernamePasswordCredentialsProvider(credential, ""));
    }
    try {
      return command.callAsMap();
    } catch (GitAPIException | RuntimeException e) {
      throw FlopsException.outsideFailure(
          "Repository " + url + " could not be read with git ls-remote: " + e.getMessage(), e);
    }
  }
}
