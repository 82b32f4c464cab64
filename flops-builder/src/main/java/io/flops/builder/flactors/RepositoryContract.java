package io.flops.builder.flactors;

import io.flops.builder.plan.BuildFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ML repository contract (see {@code io.flops.mlapi}): a Maven {@code pom.xml} at the root and
 * one {@code ModelManager} and one {@code DataManager} registered for {@link
 * java.util.ServiceLoader}. Each missing piece is named in one sentence; all of them are reported
 * together.
 */
public final class RepositoryContract {

  static final String MODEL_MANAGER = "io.flops.mlapi.ModelManager";
  static final String DATA_MANAGER = "io.flops.mlapi.DataManager";
  private static final String SERVICES = "META-INF/services/";

  /** Checks the sources before compiling: the pom and the two service registrations. */
  public void checkSources(Path repo) throws BuildFailure {
    List<String> missing = new ArrayList<>();
    if (!Files.isRegularFile(repo.resolve("pom.xml"))) {
      missing.add("The repository has no pom.xml at its root, so it is not a Maven project.");
    }
    Path resources = repo.resolve("src/main/resources");
    for (String service : List.of(MODEL_MANAGER, DATA_MANAGER)) {
      if (registered(resources.resolve(SERVICES + service)).isEmpty()) {
        missing.add(
            "The repository registers no "
                + simpleName(service)
                + ": add src/main/resources/"
                + SERVICES
                + service
                + " naming your implementation.");
      }
    }
    fail(missing);
  }

  /** Checks the compiled classes: every registered implementation was compiled. */
  public void checkClasses(Path classes) throws BuildFailure {
    List<String> missing = new ArrayList<>();
    for (String service : List.of(MODEL_MANAGER, DATA_MANAGER)) {
      for (String impl : registered(classes.resolve(SERVICES + service))) {
        if (!Files.isRegularFile(classes.resolve(impl.replace('.', '/') + ".class"))) {
          missing.add(
              "The registered "
                  + simpleName(service)
                  + " "
                  + impl
                  + " is not a class of the repository.");
        }
      }
    }
    fail(missing);
  }

  private static List<String> registered(Path file) {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return Files.readAllLines(file).stream()
          .map(line -> line.replaceAll("#.*", "").trim())
          .filter(line -> !line.isEmpty())
          .toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static String simpleName(String service) {
    return service.substring(service.lastIndexOf('.') + 1);
  }

  private static void fail(List<String> missing) throws BuildFailure {
    if (!missing.isEmpty()) {
      throw new BuildFailure(String.join(" ", missing));
    }
  }
}
