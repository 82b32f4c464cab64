package io.flops.common.orchestration;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A service to run.
 *
 * @param name unique among the orchestrator's live services, letters and digits only, at most 30
 *     (e.g. {@code aggr3fa2c1}; Oakestra's rule, the strictest of the platforms)
 * @param kind what it is
 * @param applicationId from {@link Orchestrator#ensureApplication}
 * @param projectId the FLOps project it belongs to, or null for customer-wide services
 * @param image the image reference (e.g. {@code 127.0.0.1:5000/owner/repo/learner:<sha>})
 * @param command arguments appended to the image's entrypoint (empty: the image's own command)
 * @param environment environment variables
 * @param ports container ports the service listens on; {@link Orchestrator#address} maps them
 * @param resources limits per instance
 * @param placement where it may run
 * @param oneShot true for services that end by themselves (COMPLETED on exit code 0, FAILED
 *     otherwise); false for long-running ones
 * @param privileged needs a privileged container (e.g. some image builders)
 * @param instances how many instances to start
 * @param instancePlacements where each instance runs and what it alone is told, by instance index
 *     (instances beyond the list, e.g. after scaling, are placed by the adapter)
 * @param storageVariable the variable the service reads its data directory from (the adapter
 *     provides the directory: one per instance under its work directory for local processes, a
 *     writable path inside the container for containers), or null when the service keeps no data
 * @param hostDirectories directories of the manager's host the service reads or writes at the same
 *     path (the local image store, a file-store tracking directory): given as they are to local
 *     processes, mounted into containers on one host, refused by adapters whose workers cannot have
 *     them
 * @param volumes durable volumes it mounts (see {@link Volume}); only for platforms that {@link
 *     Orchestrator#keepsVolumes() keep volumes}
 */
public record ServiceSpec(
    String name,
    ServiceKind kind,
    String applicationId,
    String projectId,
    String image,
    List<String> command,
    Map<String, String> environment,
    List<Integer> ports,
    Resources resources,
    Placement placement,
    boolean oneShot,
    boolean privileged,
    int instances,
    List<InstancePlacement> instancePlacements,
    String storageVariable,
    List<Path> hostDirectories,
    List<Volume> volumes) {

  /** A spec without per-instance placement, storage or host directories. */
  public ServiceSpec(
      String name,
      ServiceKind kind,
      String applicationId,
      String projectId,
      String image,
      List<String> command,
      Map<String, String> environment,
      List<Integer> ports,
      Resources resources,
      Placement placement,
      boolean oneShot,
      boolean privileged,
      int instances) {
    this(
        name,
        kind,
        applicationId,
        projectId,
        image,
        command,
        environment,
        ports,
        resources,
        placement,
        oneShot,
        privileged,
        instances,
        List.of(),
        null,
        List.of(),
        List.of());
  }

  /** What every platform accepts as a service name (Oakestra's {@code ^[a-zA-Z0-9]{1,30}$}). */
  public static final Pattern NAME = Pattern.compile("[a-zA-Z0-9]{1,30}");

  public ServiceSpec {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Service name '" + name + "' must be 1 to 30 letters and digits (Oakestra's rule)");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(image, "image");
    command = List.copyOf(command);
    environment = Map.copyOf(environment);
    ports = List.copyOf(ports);
    resources = resources == null ? Resources.NONE : resources;
    placement = placement == null ? Placement.ANYWHERE : placement;
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be at least 1, was " + instances);
    }
    instancePlacements = List.copyOf(instancePlacements);
    hostDirectories = List.copyOf(hostDirectories);
    volumes = List.copyOf(volumes);
  }

  /** Where instance {@code instance} runs and what it alone is told. */
  public InstancePlacement placementOf(int instance) {
    return instance < instancePlacements.size()
        ? instancePlacements.get(instance)
        : InstancePlacement.ANYWHERE;
  }

  /** A spec under construction: {@code ServiceSpec.builder(name, kind, app).image(...).build()}. */
  public static Builder builder(String name, ServiceKind kind, String applicationId) {
    return new Builder(name, kind, applicationId);
  }

  /** Names each argument of the long constructor. */
  public static final class Builder {
    private final String name;
    private final ServiceKind kind;
    private final String applicationId;
    private String projectId;
    private String image;
    private List<String> command = List.of();
    private Map<String, String> environment = Map.of();
    private List<Integer> ports = List.of();
    private Resources resources = Resources.NONE;
    private Placement placement = Placement.ANYWHERE;
    private boolean oneShot;
    private int instances = 1;
    private List<InstancePlacement> instancePlacements = List.of();
    private String storageVariable;
    private List<Path> hostDirectories = List.of();
    private List<Volume> volumes = List.of();

    private Builder(String name, ServiceKind kind, String applicationId) {
      this.name = name;
      this.kind = kind;
      this.applicationId = applicationId;
    }

    public Builder project(String id) {
      this.projectId = id;
      return this;
    }

    public Builder image(String reference) {
      this.image = reference;
      return this;
    }

    public Builder command(List<String> arguments) {
      this.command = arguments;
      return this;
    }

    public Builder environment(Map<String, String> variables) {
      this.environment = variables;
      return this;
    }

    public Builder ports(Integer... containerPorts) {
      this.ports = List.of(containerPorts);
      return this;
    }

    public Builder resources(Resources limits) {
      this.resources = limits;
      return this;
    }

    public Builder placement(Placement where) {
      this.placement = where;
      return this;
    }

    /** The service ends by itself. */
    public Builder oneShot() {
      this.oneShot = true;
      return this;
    }

    public Builder instances(int count) {
      this.instances = count;
      return this;
    }

    /** One placement per instance; also sets the number of instances. */
    public Builder instancePlacements(List<InstancePlacement> placements) {
      this.instancePlacements = placements;
      this.instances = Math.max(1, placements.size());
      return this;
    }

    public Builder storage(String variable) {
      this.storageVariable = variable;
      return this;
    }

    public Builder hostDirectories(List<Path> directories) {
      this.hostDirectories = directories;
      return this;
    }

    public Builder volumes(List<Volume> mounted) {
      this.volumes = mounted;
      return this;
    }

    public ServiceSpec build() {
      return new ServiceSpec(
          name,
          kind,
          applicationId,
          projectId,
          image,
          command,
          environment,
          ports,
          resources,
          placement,
          oneShot,
          false,
          instances,
          instancePlacements,
          storageVariable,
          hostDirectories,
          volumes);
    }
  }
}
