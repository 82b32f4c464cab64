package io.flops.builder.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The builder's local knobs ({@code flops.builder.*}, e.g. {@code FLOPS_BUILDER_WORK_DIR}; see
 * docs/builder.md). What the manager tells it (plan, repository, platforms, registry, runtimes,
 * ...) is its launch record, {@link io.flops.common.launch.BuilderLaunch} (docs/services.md).
 */
@Validated
@ConfigurationProperties(prefix = "flops.builder")
public class BuilderProperties {

  /** Where repositories are cloned and compiled; a fresh sub-directory per run. */
  @NotNull private Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "flops-builder");

  /** Timeout of each registry request made by the builder itself (manifest lists). */
  @NotNull private Duration registryTimeout = Duration.ofSeconds(30);

  /** How Maven resolves (its command is part of the launch record). */
  @Valid private final Maven maven = new Maven();

  /** How Maven is run. */
  public static class Maven {

    /** The local Maven repository used for the user's build. */
    @NotNull
    private Path localRepository = Path.of(System.getProperty("user.home"), ".m2", "repository");

    /** Run Maven offline (every dependency must already be in the local repository). */
    private boolean offline = false;

    /** The longest a Maven run may take. */
    @NotNull private Duration timeout = Duration.ofMinutes(15);

    public Path getLocalRepository() {
      return localRepository;
    }

    public void setLocalRepository(Path localRepository) {
      this.localRepository = localRepository;
    }

    public boolean isOffline() {
      return offline;
    }

    public void setOffline(boolean offline) {
      this.offline = offline;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }
  }

  public Path getWorkDir() {
    return workDir;
  }

  public void setWorkDir(Path workDir) {
    this.workDir = workDir;
  }

  public Duration getRegistryTimeout() {
    return registryTimeout;
  }

  public void setRegistryTimeout(Duration registryTimeout) {
    this.registryTimeout = registryTimeout;
  }

  public Maven getMaven() {
    return maven;
  }
}
