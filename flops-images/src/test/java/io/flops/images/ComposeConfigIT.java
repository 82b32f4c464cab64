package io.flops.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/docker-compose.yml as Debian's docker-compose (no engine needed) resolves it with an .env
 * like a user's: both profiles, their services, volumes and health checks.
 */
class ComposeConfigIT {

  private static final Path DEPLOY = Images.root().resolve("deploy");
  private static final Set<String> SHARED = Set.of("mongodb", "mosquitto", "registry", "mlflow");

  @TempDir Path dir;

  @Test
  void theOakestraProfileResolvesToTheManagerAndTheSharedServices() throws IOException {
    Map<String, Map<String, Object>> services = services(config("oakestra", env()));

    assertThat(inProfile(services, "oakestra")).containsExactly("manager");
    Map<String, Object> manager = services.get("manager");
    assertThat(manager.get("image")).isEqualTo("registry.example:5073/flops/manager:9.9.9");
    assertThat(environment(manager))
        .containsEntry("FLOPS_ORCHESTRATOR_TYPE", "oakestra")
        .containsEntry("FLOPS_ORCHESTRATOR_OAKESTRA_USERNAME", "oak-user")
        .containsEntry("FLOPS_MQTT_PASSWORD", "mqtt-secret")
        .containsEntry("FLOPS_MQTT_SERVICE_USERNAME", "mqtt-services")
        .containsEntry("FLOPS_MQTT_SERVICE_PASSWORD", "services-secret")
        .containsEntry("FLOPS_REGISTRY", "198.51.100.7:5073")
        .containsEntry("FLOPS_REGISTRY_PLAIN_HTTP", "true")
        .containsEntry("FLOPS_IMAGES_OBSERVER", "registry.example:5073/flops/observer:9.9.9")
        .containsEntry("FLOPS_IMAGES_BUILDER", "registry.example:5073/flops/builder:9.9.9")
        .containsEntry("FLOPS_IMAGES_JRE_BASE", "registry.example:5073/flops/jre:17")
        .containsEntry(
            "SPRING_DATA_MONGODB_URI",
            "mongodb://mongo-user:mongo-secret@mongodb:27017/flops?authSource=admin");
    assertThat(healthTest(manager))
        .containsExactly(
            "CMD",
            "java",
            "-cp",
            "@/app/jib-classpath-file",
            "io.flops.common.health.HealthProbe",
            "http://127.0.0.1:5072/actuator/health");
    assertThat(dependsOn(manager)).containsExactlyInAnyOrderElementsOf(SHARED);
  }

  @Test
  void theLocalWorkersProfileAddsTheDockerManagerAndTheDataServer() throws IOException {
    Map<String, Map<String, Object>> services = services(config("local-workers", env()));

    assertThat(inProfile(services, "local-workers")).containsExactly("dataserver", "manager-local");
    Map<String, Object> manager = services.get("manager-local");
    assertThat(environment(manager))
        .containsEntry("FLOPS_ORCHESTRATOR_TYPE", "docker")
        .containsEntry("FLOPS_ORCHESTRATOR_DOCKER_NETWORK", "flops_workers")
        .containsEntry("FLOPS_ORCHESTRATOR_DOCKER_MANAGER_ON_NETWORK", "true")
        .containsEntry("FLOPS_MQTT_PUBLIC_URL", "tcp://mosquitto:1883")
        .containsEntry("FLOPS_TRACKING_URI", "http://mlflow:5000");
    assertThat(volumes(manager))
        .anyMatch(v -> v.endsWith(":/var/run/docker.sock:rw"))
        .as("the data directory at the same path on the host, where project containers mount it")
        .contains("/var/lib/flops:/var/lib/flops:rw");
    assertThat(environment(manager)).containsEntry("FLOPS_DATA_DIR", "/var/lib/flops");
    assertThat(manager.get("user")).as("root, to use the Docker socket").isEqualTo("0:0");
    assertThat(healthTest(services.get("dataserver")))
        .contains("http://127.0.0.1:11028/actuator/health");
    assertThat(volumes(services.get("dataserver")))
        .containsExactly("dataserver-data:/var/lib/flops-data:rw");
  }

  @Test
  void everyServiceHasAHealthCheckAndKeepsItsStateInANamedVolume() throws IOException {
    Map<String, Object> config = config("oakestra", env());
    Map<String, Map<String, Object>> services = services(config);

    assertThat(services.keySet())
        .containsExactlyInAnyOrder(
            "manager", "manager-local", "dataserver", "mongodb", "mosquitto", "registry", "mlflow");
    services.forEach(
        (name, service) -> assertThat(healthTest(service)).as(name + " health check").isNotEmpty());
    assertThat(volumes(services.get("mongodb"))).containsExactly("mongo-data:/data/db:rw");
    assertThat(volumes(services.get("registry")))
        .containsExactly("registry-data:/var/lib/registry:rw");
    assertThat(volumes(services.get("mlflow")))
        .containsExactlyInAnyOrder(
            "mlflow-db:/mlflow/db:rw", "mlflow-artifacts:/mlflow/artifacts:rw");
    @SuppressWarnings("unchecked")
    Map<String, Object> volumes = (Map<String, Object>) config.get("volumes");
    assertThat(volumes.keySet())
        .containsExactlyInAnyOrder(
            "manager-data",
            "mongo-data",
            "mosquitto-data",
            "registry-data",
            "mlflow-db",
            "mlflow-artifacts",
            "dataserver-data");
  }

  @Test
  void aMissingSecretIsRefusedWithItsName() throws IOException {
    String withoutPassword = env().replace("MONGO_PASSWORD=mongo-secret\n", "");
    Path envFile = Files.writeString(dir.resolve("missing.env"), withoutPassword);

    Command.Result result = compose(envFile, "oakestra").run("docker-compose", TIMEOUT, log());

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("set MONGO_PASSWORD in .env");
  }

  @Test
  void theExampleEnvFileNamesEveryVariableTheFileNeeds() throws IOException {
    Map<String, Object> config =
        config("oakestra", Files.readString(DEPLOY.resolve(".env.example")));

    Map<String, Object> manager = services(config).get("manager");
    assertThat(manager.get("image")).isEqualTo("192.0.2.10:5073/flops/manager:" + Images.version());
    assertThat(environment(manager))
        .containsEntry("FLOPS_MQTT_PUBLIC_URL", "tcp://192.0.2.10:9027");
  }

  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  private Map<String, Object> config(String profile, String env) throws IOException {
    Path envFile = Files.writeString(dir.resolve(profile + ".env"), env);
    Command command = compose(envFile, profile);
    String output = command.run("docker-compose", TIMEOUT, log()).expectSuccess(command);
    return new Yaml().load(output);
  }

  private Path log() {
    return dir.resolve("compose-" + System.nanoTime() + ".log");
  }

  private static Command compose(Path envFile, String profile) {
    return Command.of(
            DEPLOY,
            "docker-compose",
            "--env-file",
            envFile.toString(),
            "-f",
            "docker-compose.yml",
            "config")
        .withEnvironment(Map.of("COMPOSE_PROFILES", profile));
  }

  private static String env() {
    return String.join(
        "\n",
        "FLOPS_PUBLIC_HOST=198.51.100.7",
        "FLOPS_VERSION=9.9.9",
        "FLOPS_IMAGE_PREFIX=registry.example:5073/flops",
        "MONGO_USERNAME=mongo-user",
        "MONGO_PASSWORD=mongo-secret",
        "MQTT_USERNAME=mqtt-user",
        "MQTT_PASSWORD=mqtt-secret",
        "MQTT_SERVICE_USERNAME=mqtt-services",
        "MQTT_SERVICE_PASSWORD=services-secret",
        "FLOPS_ADMIN_TOKEN=admin-secret",
        "OAKESTRA_USERNAME=oak-user",
        "OAKESTRA_PASSWORD=oak-secret",
        "");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services(Map<String, Object> config) {
    return (Map<String, Map<String, Object>>) config.get("services");
  }

  private static Set<String> inProfile(Map<String, Map<String, Object>> services, String profile) {
    Set<String> names = new TreeSet<>();
    services.forEach(
        (name, service) -> {
          if (((List<?>) service.getOrDefault("profiles", List.of())).contains(profile)) {
            names.add(name);
          }
        });
    return names;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environment(Map<String, Object> service) {
    return (Map<String, Object>) service.get("environment");
  }

  @SuppressWarnings("unchecked")
  private static List<String> healthTest(Map<String, Object> service) {
    Map<String, Object> health = (Map<String, Object>) service.get("healthcheck");
    return health == null ? List.of() : (List<String>) health.get("test");
  }

  @SuppressWarnings("unchecked")
  private static Set<String> dependsOn(Map<String, Object> service) {
    return ((Map<String, Object>) service.get("depends_on")).keySet();
  }

  @SuppressWarnings("unchecked")
  private static List<String> volumes(Map<String, Object> service) {
    return (List<String>) service.getOrDefault("volumes", List.of());
  }
}
