package io.flops.manager.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Images of FLOps' own services that the manager deploys ({@code flops.images.*}). */
@Validated
@ConfigurationProperties(prefix = "flops.images")
public class ImagesProperties {

  /** The project observer. */
  @NotBlank private String observer = "flops/observer:0.1.0-SNAPSHOT";

  /** The image builder (fl-actors and trained-model plans). */
  @NotBlank private String builder = "flops/builder:0.1.0-SNAPSHOT";

  /** The ML data server, which also runs the mock data provider. */
  @NotBlank private String dataserver = "flops/dataserver:0.1.0-SNAPSHOT";

  /** The JRE base the builder puts under learner, aggregator and inference images. */
  @NotBlank private String jreBase = "eclipse-temurin:17-jre";

  /**
   * The FLOps checkout (or install directory) whose {@code flops-<x>/target/flops-<x>-*-exec.jar}
   * are the learner, aggregator and inference runtimes the builder puts into images, unless set
   * below.
   */
  @NotNull private Path runtimeHome = Path.of(".");

  /** The learner runtime jar for the builder; unset: found under {@link #runtimeHome}. */
  private Path learnerRuntimeJar;

  /** The aggregator runtime jar for the builder; unset: found under {@link #runtimeHome}. */
  private Path aggregatorRuntimeJar;

  /** The inference-server jar for the builder's trained-model images; unset: under the home. */
  private Path inferenceRuntimeJar;

  /** The learner runtime jar, if configured or built under the runtime home. */
  public Optional<Path> learnerRuntime() {
    return runtime(learnerRuntimeJar, "flops-learner");
  }

  /** The aggregator runtime jar, if configured or built under the runtime home. */
  public Optional<Path> aggregatorRuntime() {
    return runtime(aggregatorRuntimeJar, "flops-aggregator");
  }

  /**
   * The Maven wrapper of the runtime home ({@code mvnw}), if there is one: local builders compile
   * with it, so a host needs no Maven of its own.
   */
  public Optional<Path> mavenWrapper() {
    Path wrapper = runtimeHome.toAbsolutePath().normalize().resolve("mvnw");
    return Files.isExecutable(wrapper) ? Optional.of(wrapper) : Optional.empty();
  }

  /** The inference-server jar, if configured or built under the runtime home. */
  public Optional<Path> inferenceRuntime() {
    return runtime(inferenceRuntimeJar, "flops-inference");
  }

  private Optional<Path> runtime(Path configured, String module) {
    if (configured != null) {
      return Optional.of(configured.toAbsolutePath().normalize());
    }
    Path target = runtimeHome.toAbsolutePath().normalize().resolve(module).resolve("target");
    if (!Files.isDirectory(target)) {
      return Optional.empty();
    }
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(f -> f.getFileName().toString().matches(module + "-.*-exec\\.jar"))
          .sorted()
          .reduce((first, last) -> last);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list runtime jars in " + target, e);
    }
  }

  public Path getRuntimeHome() {
    return runtimeHome;
  }

  public void setRuntimeHome(Path runtimeHome) {
    this.runtimeHome = runtimeHome;
  }

  public Path getLearnerRuntimeJar() {
    return learnerRuntimeJar;
  }

  public void setLearnerRuntimeJar(Path learnerRuntimeJar) {
    this.learnerRuntimeJar = learnerRuntimeJar;
  }

  public Path getAggregatorRuntimeJar() {
    return aggregatorRuntimeJar;
  }

  public void setAggregatorRuntimeJar(Path aggregatorRuntimeJar) {
    this.aggregatorRuntimeJar = aggregatorRuntimeJar;
  }

  public Path getInferenceRuntimeJar() {
    return inferenceRuntimeJar;
  }

  public void setInferenceRuntimeJar(Path inferenceRuntimeJar) {
    this.inferenceRuntimeJar = inferenceRuntimeJar;
  }

  public String getObserver() {
    return observer;
  }

  public void setObserver(String observer) {
    this.observer = observer;
  }

  public String getBuilder() {
    return builder;
  }

  public void setBuilder(String builder) {
    this.builder = builder;
  }

  public String getDataserver() {
    return dataserver;
  }

  public void setDataserver(String dataserver) {
    this.dataserver = dataserver;
  }

  public String getJreBase() {
    return jreBase;
  }

  public void setJreBase(String jreBase) {
    this.jreBase = jreBase;
  }
}
