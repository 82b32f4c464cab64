package io.flops.manager.orchestration.local;

import io.flops.common.image.ImageName;
import io.flops.common.image.ImageUnpacker;
import io.flops.common.image.LocalImageStore;
import io.flops.common.image.UnpackedImage;
import io.flops.common.orchestration.OrchestrationException;
import io.flops.common.orchestration.ServiceSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a service's image into a command on this host: an image of the local image store runs its
 * own entrypoint from the unpacked layers (with {@code /app/...} mapped to them and the host's
 * {@code java}); an image of FLOps' own services runs from its Spring Boot jar.
 */
final class LaunchResolver {

  private static final Pattern APP_PATH = Pattern.compile("(^|[:=@,])/app(?=/|$|:)");
  private static final Set<String> HOST_VARIABLES = Set.of("PATH", "JAVA_HOME", "HOME");

  private final LocalImageStore store;
  private final ImageUnpacker unpacker;
  private final Path home;
  private final Map<String, Path> serviceJars;
  private final String javaExecutable;

  LaunchResolver(
      LocalImageStore store, ImageUnpacker unpacker, Path home, Map<String, Path> serviceJars) {
    this.store = store;
    this.unpacker = unpacker;
    this.home = home.toAbsolutePath().normalize();
    this.serviceJars = Map.copyOf(serviceJars);
    this.javaExecutable = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The base launch plan of {@code spec}, or an exception naming the service and the image. */
  LaunchPlan resolve(ServiceSpec spec) {
    if (store.contains(spec.image())) {
      return fromImage(spec, unpacker.unpack(spec.image()));
    }
    Path jar = serviceJar(ImageName.parse(spec.image()).repository());
    if (jar != null) {
      List<String> command = new ArrayList<>(List.of(javaExecutable, "-jar", jar.toString()));
      command.addAll(spec.command());
      return new LaunchPlan(command, Map.of(), null);
    }
    throw new OrchestrationException(
        "Cannot run service "
            + spec.name()
            + ": image "
            + spec.image()
            + " is neither in the local image store ("
            + store.tarball(spec.image())
            + ") nor a FLOps service with a jar (set flops.orchestrator.local.service-jars or"
            + " flops.orchestrator.local.home)");
  }

  private LaunchPlan fromImage(ServiceSpec spec, UnpackedImage image) {
    Path root = image.root();
    List<String> command = new ArrayList<>(image.config().entrypoint());
    command.addAll(spec.command().isEmpty() ? image.config().cmd() : spec.command());
    if (command.isEmpty()) {
      throw new OrchestrationException(
          "Cannot run service " + spec.name() + ": image " + spec.image() + " has no entrypoint");
    }
    List<String> mapped = new ArrayList<>();
    for (String argument : command) {
      mapped.add(mapArgument(argument, root));
    }
    if (mapped.get(0).equals("java") || mapped.get(0).endsWith("/bin/java")) {
      mapped.set(0, javaExecutable);
    }
    Map<String, String> env = new HashMap<>();
    image
        .config()
        .environment()
        .forEach(
            (key, value) -> {
              if (!HOST_VARIABLES.contains(key)) {
                env.put(key, mapPaths(value, root));
              }
            });
    String workingDir = image.config().workingDir();
    Path dir = workingDir.isEmpty() ? null : Path.of(mapPaths(workingDir, root));
    return new LaunchPlan(mapped, env, dir != null && Files.isDirectory(dir) ? dir : null);
  }

  private static String mapArgument(String argument, Path root) {
    String mapped = mapPaths(argument, root);
    if (mapped.startsWith("@") && !mapped.equals(argument)) {
      return "@" + mappedArgumentFile(Path.of(mapped.substring(1)), root);
    }
    return mapped;
  }

  /** Rewrites a Java {@code @argfile} of the image so the paths inside it point into the image. */
  private static Path mappedArgumentFile(Path argumentFile, Path root) {
    Path mapped = argumentFile.resolveSibling(argumentFile.getFileName() + ".local");
    try {
      if (!Files.isRegularFile(mapped) && Files.isRegularFile(argumentFile)) {
        Files.writeString(mapped, mapPaths(Files.readString(argumentFile), root));
      }
      return Files.isRegularFile(mapped) ? mapped : argumentFile;
    } catch (IOException e) {
      throw new OrchestrationException(
          "Cannot read the argument file " + argumentFile + " of an image: " + e.getMessage());
    }
  }

  static String mapPaths(String text, Path root) {
    Matcher matcher = APP_PATH.matcher(text);
    return matcher.replaceAll(
        match -> Matcher.quoteReplacement(match.group(1) + root.resolve("app")));
  }

  private Path serviceJar(String repository) {
    Path configured = serviceJars.get(repository);
    if (configured != null) {
      return configured.toAbsolutePath();
    }
    if (!repository.startsWith("flops/")) {
      return null;
    }
    String module = "flops-" + repository.substring("flops/".length());
    Path target = home.resolve(module).resolve("target");
    if (!Files.isDirectory(target)) {
      return null;
    }
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
      for (Path jar : jars) {
        return jar;
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
