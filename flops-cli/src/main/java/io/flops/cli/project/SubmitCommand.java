package io.flops.cli.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flops.cli.client.Json;
import io.flops.cli.client.ManagerClient;
import io.flops.cli.command.ExitCode;
import io.flops.cli.command.ManagerOptions;
import io.flops.cli.command.OutputOptions;
import io.flops.cli.demo.DemoSla;
import io.flops.cli.progress.Terminal;
import io.flops.common.api.ProjectCreated;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flops submit}: starts a project from an SLA, optionally from a local directory. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a project from a project SLA (docs/sla.md).",
      "--repo <dir> commits the directory into a Git repository under --snapshot-dir and submits"
          + " its file:// URL (for a manager on this machine); --repo <url> submits that Git URL."
    })
public final class SubmitCommand implements Callable<Integer> {

  private static final Pattern GIT_URL =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.+|[^/\\s]+@[^/\\s]+:.+");

  @Spec CommandSpec spec;

  @Mixin ManagerOptions manager;

  @Mixin OutputOptions output;

  @Parameters(index = "0", paramLabel = "<sla.json>", description = "The project SLA.")
  Path slaFile;

  @Option(
      names = "--repo",
      paramLabel = "<dir|url>",
      description = "The ML repository: a local directory or a Git URL (default: the SLA's).")
  String repo;

  @Option(
      names = "--snapshot-dir",
      paramLabel = "<dir>",
      description = "Where --repo <dir> is committed (default: ~/.flops/repos).")
  Path snapshotDir;

  @Option(names = "--watch", description = "Show the project's progress until it ends.")
  boolean watch;

  @Option(
      names = "--timeout",
      paramLabel = "<minutes>",
      description = "With --watch: stop watching after this many minutes (default: none).")
  Integer timeoutMinutes;

  @Override
  public Integer call() {
    if (watch && output.json()) {
      throw new ParameterException(
          spec.commandLine(),
          "--watch shows the progress as text; leave out --output json, or run flops watch after");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter info = output.json() ? spec.commandLine().getErr() : out;
    ObjectNode sla = withRepository(readSla(), info);
    ManagerClient client = manager.client();
    ProjectCreated created = client.submit(sla);
    if (output.json()) {
      OutputOptions.printJson(out, created);
      return ExitCode.OK.code();
    }
    out.println("Submitted project " + created.id() + " to " + manager.url());
    out.flush();
    if (!watch) {
      out.println("Follow it with: flops watch " + created.id());
      return ExitCode.OK.code();
    }
    Duration timeout =
        timeoutMinutes == null ? Watching.FOREVER : Duration.ofMinutes(timeoutMinutes);
    return new Watching(client, Terminal.of(out)).watch(created.id(), timeout).code();
  }

  private ObjectNode readSla() {
    if (!Files.isRegularFile(slaFile)) {
      throw new ParameterException(spec.commandLine(), "There is no SLA file " + slaFile);
    }
    try {
      JsonNode sla = Json.read(slaFile);
      if (sla instanceof ObjectNode object) {
        return object;
      }
      throw new ParameterException(
          spec.commandLine(), slaFile + " holds no JSON object; an SLA is one (docs/sla.md)");
    } catch (UncheckedIOException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private ObjectNode withRepository(ObjectNode sla, PrintWriter info) {
    if (repo == null) {
      return sla;
    }
    Path dir = Path.of(repo);
    if (Files.isDirectory(dir)) {
      Path snapshots = snapshotDir != null ? snapshotDir : RepoSnapshot.defaultDirectory();
      RepoSnapshot.Snapshot snapshot = RepoSnapshot.take(dir, snapshots);
      info.println(
          "Committed "
              + dir.toAbsolutePath().normalize()
              + " as Git repository "
              + snapshot.url()
              + " (commit "
              + snapshot.commit().substring(0, 12)
              + ")");
      info.flush();
      return DemoSla.withRepository(sla, snapshot.url());
    }
    if (GIT_URL.matcher(repo).matches()) {
      sla.put("ml_repo_url", repo);
      return sla;
    }
    throw new ParameterException(
        spec.commandLine(), "--repo " + repo + " is neither a directory nor a Git URL");
  }
}
