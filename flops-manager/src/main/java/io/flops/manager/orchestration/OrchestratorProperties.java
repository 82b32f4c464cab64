package io.flops.manager.orchestration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Which orchestrator runs FLOps' services, and how each adapter reaches its platform. */
@Validated
@ConfigurationProperties(prefix = "flops.orchestrator")
public class OrchestratorProperties {

  /** The adapters to choose from. */
  public enum Type {
    LOCAL,
    DOCKER,
    OAKESTRA,
    /** Runs nothing; components play their events (control-plane tests and benchmarks). */
    SIMULATED
  }

  /**
   * Which adapter runs services: {@code local} (default), {@code docker} or {@code oakestra};
   * {@code simulated} runs nothing and plays each component's events, for tests and benchmarks of
   * the control plane only.
   */
  @NotNull private Type type = Type.LOCAL;

  /** Settings of the local-process orchestrator. */
  @Valid private final Local local = new Local();

  /** Settings of the Docker-Engine-API orchestrator. */
  @Valid private final Docker docker = new Docker();

  /** Settings of the Oakestra orchestrator. */
  @Valid private final Oakestra oakestra = new Oakestra();

  /** Settings of the simulated orchestrator. */
  @Valid private final Simulated simulated = new Simulated();

  public Type getType() {
    return type;
  }

  public void setType(Type type) {
    this.type = type;
  }

  public Local getLocal() {
    return local;
  }

  public Docker getDocker() {
    return docker;
  }

  public Oakestra getOakestra() {
    return oakestra;
  }

  public Simulated getSimulated() {
    return simulated;
  }

  /** No process: components play their events on a schedule. */
  public static class Simulated {

    /** Time between a simulated component's steps (e.g. builder started, images pushed). */
    @NotNull private Duration stepDelay = Duration.ofMillis(200);

    /**
     * Whether all components play their steps together, on the next multiple of {@code step-delay}
     * (since the epoch) at least one delay after they were deployed, each component's steps right
     * after each other: bursts of events, for benchmarks of the manager's event throughput.
     */
    private boolean aligned;

    /** Threads playing the components' steps. */
    @Min(1)
    private int threads = 4;

    public boolean isAligned() {
      return aligned;
    }

    public void setAligned(boolean aligned) {
      this.aligned = aligned;
    }

    public Duration getStepDelay() {
      return stepDelay;
    }

    public void setStepDelay(Duration stepDelay) {
      this.stepDelay = stepDelay;
    }

    public int getThreads() {
      return threads;
    }

    public void setThreads(int threads) {
      this.threads = threads;
    }
  }

  /** Child JVMs on this host. */
  public static class Local {

    /** Where instance directories and log files go (default {@code <flops.data-dir>/services}). */
    private Path workDir;

    /**
     * The local image store the builder writes images to, OCI tarballs (default {@code
     * <flops.data-dir>/images}, the manager's own image store).
     */
    private Path imageStore;

    /**
     * Where images are unpacked once before they run (default {@code
     * <flops.data-dir>/image-cache}).
     */
    private Path imageCache;

    /**
     * The FLOps installation (the reactor root): images {@code flops/<x>:<version>} run from {@code
     * <home>/flops-<x>/target/flops-<x>-*-exec.jar}.
     */
    @NotNull private Path home = Path.of(".");

    /** Image repository (e.g. {@code flops/observer}) → Spring Boot jar; overrides the default. */
    @NotNull private Map<String, Path> serviceJars = new LinkedHashMap<>();

    /** How many clusters are simulated (learners are spread over them; hierarchical FL). */
    @Min(1)
    private int clusters = 2;

    /** How long an undeployed process may take to stop before it is killed. */
    @NotNull private Duration stopTimeout = Duration.ofSeconds(10);

    /** Extra JVM options for every child JVM. */
    @NotNull private List<String> javaOptions = new ArrayList<>();

    /** Fills the directories left unset with their defaults under {@code dataDir}. */
    public Local withDirectoriesUnder(Path dataDir) {
      workDir = workDir == null ? dataDir.resolve("services") : workDir;
      imageStore = imageStore == null ? dataDir.resolve("images") : imageStore;
      imageCache = imageCache == null ? dataDir.resolve("image-cache") : imageCache;
      return this;
    }

    public Path getWorkDir() {
      return workDir;
    }

    public void setWorkDir(Path workDir) {
      this.workDir = workDir;
    }

    public Path getImageStore() {
      return imageStore;
    }

    public void setImageStore(Path imageStore) {
      this.imageStore = imageStore;
    }

    public Path getImageCache() {
      return imageCache;
    }

    public void setImageCache(Path imageCache) {
      this.imageCache = imageCache;
    }

    public Path getHome() {
      return home;
    }

    public void setHome(Path home) {
      this.home = home;
    }

    public Map<String, Path> getServiceJars() {
      return serviceJars;
    }

    public void setServiceJars(Map<String, Path> serviceJars) {
      this.serviceJars = serviceJars;
    }

    public int getClusters() {
      return clusters;
    }

    public void setClusters(int clusters) {
      this.clusters = clusters;
    }

    public Duration getStopTimeout() {
      return stopTimeout;
    }

    public void setStopTimeout(Duration stopTimeout) {
      this.stopTimeout = stopTimeout;
    }

    public List<String> getJavaOptions() {
      return javaOptions;
    }

    public void setJavaOptions(List<String> javaOptions) {
      this.javaOptions = javaOptions;
    }
  }

  /** Containers through a Docker Engine API (Docker or Podman's compatible service). */
  public static class Docker {

    /** The engine's endpoint, e.g. {@code unix:///run/podman/podman.sock} or {@code tcp://...}. */
    @NotBlank private String host = "unix:///var/run/docker.sock";

    /** The network every FLOps container joins; containers reach each other by name on it. */
    @NotBlank private String network = "flops";

    /** How long a stopping container may take before it is killed. */
    @NotNull private Duration stopTimeout = Duration.ofSeconds(10);

    /** How long pulling one image may take. */
    @NotNull private Duration pullTimeout = Duration.ofMinutes(5);

    /**
     * The manager runs in a container on {@code network} (the compose suite's {@code
     * manager-local}): it reaches the containers at their addresses there, not at the ports
     * published on the engine's host.
     */
    private boolean managerOnNetwork;

    public String getHost() {
      return host;
    }

    public void setHost(String host) {
      this.host = host;
    }

    public String getNetwork() {
      return network;
    }

    public boolean isManagerOnNetwork() {
      return managerOnNetwork;
    }

    public void setManagerOnNetwork(boolean managerOnNetwork) {
      this.managerOnNetwork = managerOnNetwork;
    }

    public void setNetwork(String network) {
      this.network = network;
    }

    public Duration getStopTimeout() {
      return stopTimeout;
    }

    public void setStopTimeout(Duration stopTimeout) {
      this.stopTimeout = stopTimeout;
    }

    public Duration getPullTimeout() {
      return pullTimeout;
    }

    public void setPullTimeout(Duration pullTimeout) {
      this.pullTimeout = pullTimeout;
    }
  }

  /** An Oakestra root orchestrator's REST API. */
  public static class Oakestra {

    /** The system manager's base URL (plain HTTP, port 10000 by default). */
    @NotBlank private String url = "http://localhost:10000";

    /** The Oakestra user FLOps acts as (it owns the applications FLOps creates). */
    @NotBlank private String username = "Admin";

    /** That user's password. */
    @NotNull private String password = "Admin";

    /** The organization to log into; empty: Oakestra's default {@code root}. */
    @NotNull private String organization = "";

    /** The {@code customerID} sent when services are appended to an application. */
    @NotBlank private String serviceCustomerId = "Infrastructure_Provider";

    /**
     * The CSI driver of durable volumes (the SLA's {@code volumes}, Oakestra v0.4.410+): set, each
     * training aggregator keeps its round checkpoints on a volume {@code flops-checkpoint-<project
     * id>}, so a lost aggregator resumes on any worker; Oakestra then places aggregators only on
     * clusters that advertise the driver. Empty: no volumes, and a lost aggregator fails its
     * project.
     */
    @NotNull private String volumeCsiDriver = "";

    /** The CSI driver's settings, sent as {@code config} with every volume. */
    @NotNull private Map<String, String> volumeConfig = new LinkedHashMap<>();

    /** How long before its expiry the access token is refreshed. */
    @NotNull private Duration refreshBeforeExpiry = Duration.ofSeconds(60);

    /** Timeout of one HTTP request. */
    @NotNull private Duration requestTimeout = Duration.ofSeconds(30);

    /**
     * Timeout of a read an API request waits for (a service's status, a public address, logs) and
     * of connecting: such a read is tried once, and a request answers 502 when it times out.
     */
    @NotNull private Duration readTimeout = Duration.ofSeconds(2);

    /**
     * Lowest worker host port a published service (observer, tracking server, inference server)
     * gets: each deployment gets its own host ports in {@code host-port-min}..{@code
     * host-port-max}, persisted, freed when it is undeployed.
     */
    @Min(1)
    @Max(65535)
    private int hostPortMin = 30000;

    /** Highest worker host port a published service gets. */
    @Min(1)
    @Max(65535)
    private int hostPortMax = 30999;

    /** Attempts for a request that fails transiently (connection refused, 5xx). */
    @Min(1)
    private int maxAttempts = 5;

    /** Wait before the first retry; doubled after each further failure. */
    @NotNull private Duration initialBackoff = Duration.ofMillis(500);

    /** Longest wait between two retries. */
    @NotNull private Duration maxBackoff = Duration.ofSeconds(10);

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public String getUsername() {
      return username;
    }

    public void setUsername(String username) {
      this.username = username;
    }

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    public String getOrganization() {
      return organization;
    }

    public void setOrganization(String organization) {
      this.organization = organization;
    }

    public String getVolumeCsiDriver() {
      return volumeCsiDriver;
    }

    public void setVolumeCsiDriver(String volumeCsiDriver) {
      this.volumeCsiDriver = volumeCsiDriver;
    }

    public Map<String, String> getVolumeConfig() {
      return volumeConfig;
    }

    public void setVolumeConfig(Map<String, String> volumeConfig) {
      this.volumeConfig = volumeConfig;
    }

    public String getServiceCustomerId() {
      return serviceCustomerId;
    }

    public void setServiceCustomerId(String serviceCustomerId) {
      this.serviceCustomerId = serviceCustomerId;
    }

    public Duration getRefreshBeforeExpiry() {
      return refreshBeforeExpiry;
    }

    public void setRefreshBeforeExpiry(Duration refreshBeforeExpiry) {
      this.refreshBeforeExpiry = refreshBeforeExpiry;
    }

    public Duration getRequestTimeout() {
      return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
      this.requestTimeout = requestTimeout;
    }

    public Duration getReadTimeout() {
      return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
    }

    public int getHostPortMin() {
      return hostPortMin;
    }

    public void setHostPortMin(int hostPortMin) {
      this.hostPortMin = hostPortMin;
    }

    public int getHostPortMax() {
      return hostPortMax;
    }

    public void setHostPortMax(int hostPortMax) {
      this.hostPortMax = hostPortMax;
    }

    public int getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public Duration getInitialBackoff() {
      return initialBackoff;
    }

    public void setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = initialBackoff;
    }

    public Duration getMaxBackoff() {
      return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = maxBackoff;
    }
  }
}
