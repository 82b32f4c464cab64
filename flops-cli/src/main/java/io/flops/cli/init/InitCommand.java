package io.flops.cli.init;

import io.flops.cli.command.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code flops init <dir>}: a new ML repository that compiles and passes its own test. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a new ML repository for FLOps into <dir>: a pom with FLOps' ML API, DeepLearning4J"
          + " and pinned Maven plugins, a ModelManager and a DataManager, a smoke test that trains"
          + " two simulated learners with FedAvg on synthetic rows (mvn verify), and an sla.json.",
      "Templates: mlp and cnn (MNIST, data tag mnist), logistic (Iris, data tag iris)."
    })
public final class InitCommand implements Callable<Integer> {

  private static final Pattern PACKAGE =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<dir>", description = "The new repository's directory.")
  Path dir;

  @Option(
      names = "--template",
      paramLabel = "<template>",
      defaultValue = "mlp",
      completionCandidates = Templates.class,
      description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Template template;

  @Option(
      names = "--package",
      paramLabel = "<package>",
      description = "The Java package (default: <group id>.<directory name>).")
  String javaPackage;

  @Option(
      names = "--group-id",
      paramLabel = "<groupId>",
      defaultValue = "org.example",
      description = "The Maven group id (default: ${DEFAULT-VALUE}).")
  String groupId;

  @Override
  public Integer call() {
    Path target = dir.toAbsolutePath().normalize();
    String artifactId = artifactId(target);
    String pkg = javaPackage != null ? javaPackage : groupId + "." + identifier(artifactId);
    if (!PACKAGE.matcher(pkg).matches()) {
      throw new ParameterException(spec.commandLine(), "'" + pkg + "' is not a Java package name");
    }
    try {
      new Scaffold(template, groupId, artifactId, pkg).writeTo(target);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    nextSteps(spec.commandLine().getOut(), target);
    return ExitCode.OK.code();
  }

  private void nextSteps(PrintWriter out, Path target) {
    Map<String, String> versions = Scaffold.versions();
    out.println(
        "Created "
            + target
            + ": "
            + template.description()
            + " (template "
            + template.id()
            + ", data tag '"
            + template.dataTag()
            + "')");
    out.println(
        "  FLOps ML API "
            + versions.get("flopsVersion")
            + ", DeepLearning4J "
            + versions.get("dl4jVersion")
            + ", Java "
            + versions.get("javaRelease"));
    out.println();
    out.println("Next steps (docs/ml-repository.md):");
    out.println(
        "  1. once, in the FLOps checkout: ./mvnw -pl flops-ml-api -am install -DskipTests");
    out.println("  2. build and test it:          mvn -f " + target + "/pom.xml verify");
    out.println(
        "  3. data for two learners:      flops data push --dataset "
            + template.dataTag()
            + " --partitions 2");
    out.println(
        "  4. train it with FLOps:         flops submit "
            + target
            + "/sla.json --repo "
            + target
            + " --watch");
    out.flush();
  }

  private static String artifactId(Path target) {
    String name = target.getFileName() == null ? "ml-repository" : target.getFileName().toString();
    String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
    return id.isEmpty() ? "ml-repository" : id;
  }

  private static String identifier(String artifactId) {
    String id = artifactId.replaceAll("[^a-z0-9]", "");
    return id.isEmpty() || Character.isDigit(id.charAt(0)) ? "model" + id : id;
  }

  /** The template names for completion and help. */
  static final class Templates implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Template.values()).map(Template::id).iterator();
    }
  }
}
