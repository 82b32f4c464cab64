package io.flops.images;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.testsupport.ExternalServer;
import io.flops.common.testsupport.HostAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/docker-compose.yml brought up for real: Debian's docker-compose against Podman's Docker
 * API, profile {@code local-workers}, FLOps' images built by Jib into a registry, the images this
 * machine cannot pull replaced by deploy/test/docker-compose.stand-ins.yml. Every service becomes
 * healthy, the manager keeps its projects in the suite's store and admits only the admin token of
 * .env, the suite's Mosquitto refuses anonymous clients, and {@code down -v} leaves nothing.
 */
class ComposeSuiteIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void theLocalWorkersSuiteComesUpUnderPodmanAndLeavesNothingWhenDown() throws Exception {
    BuiltImages images = BuiltImages.get();
    Path work = Files.createTempDirectory(BuiltImages.WORK, "compose-suite-");
    StandIns.build(images, work);
    String host = HostAddress.forContainers();
    int managerPort = ExternalServer.freePort();
    int mqttPort = ExternalServer.freePort();
    int registryPort = ExternalServer.freePort();
    Map<String, String> env = env(images, host, managerPort, mqttPort, registryPort);
    env.put(
        "FLOPS_LOCAL_DATA_DIR", Files.createDirectories(work.resolve("manager-data")).toString());

    try (PodmanSocket engine =
        PodmanSocket.start(
            work.resolve("podman"), List.of(images.address(), host + ":" + registryPort))) {
      env.put("DOCKER_SOCKET", engine.socket().toString());
      ComposeSuite suite =
          new ComposeSuite("flopssuite", env, engine.dockerHost(), work.resolve("compose"));
      suite.down();
      try {
        suite.up(Duration.ofMinutes(6));
        Map<String, String> states = suite.awaitHealthy(Duration.ofMinutes(3));
        assertThat(states)
            .as(
                "the suite's services and their health; manager log:\n%s",
                suite.logsOf("manager-local"))
            .containsOnlyKeys(
                "manager-local", "dataserver", "mongodb", "mosquitto", "registry", "mlflow")
            .allSatisfy((service, health) -> assertThat(health).as(service).isEqualTo("healthy"));

        URI manager = URI.create("http://127.0.0.1:" + managerPort);
        assertThat(get(manager.resolve("/actuator/health"), null).body()).contains("\"UP\"");
        assertThat(get(manager.resolve("/api/flops/projects"), null).statusCode()).isEqualTo(401);
        HttpResponse<String> projects =
            get(manager.resolve("/api/flops/projects"), env.get("FLOPS_ADMIN_TOKEN"));
        assertThat(projects.statusCode()).isEqualTo(200);
        assertThat(projects.body()).isEqualTo("[]");

        assertThat(mqttSubscribe(mqttPort, null, null).output())
            .as("anonymous client on the suite's Mosquitto")
            .containsIgnoringCase("not authori");
        assertThat(mqttSubscribe(mqttPort, "flops", env.get("MQTT_PASSWORD")).exitCode())
            .as("the manager's user on the suite's Mosquitto")
            .isZero();
        assertThat(get(URI.create("http://127.0.0.1:" + registryPort + "/v2/"), null).statusCode())
            .as("the suite's registry")
            .isEqualTo(200);

      } finally {
        if (!Boolean.getBoolean("flops.test.keep-suite")) {
          suite.down();
        }
      }
      assertThat(suite.leftovers()).as("what docker-compose down -v left").isEmpty();
    }
  }

  private static Map<String, String> env(
      BuiltImages images, String host, int managerPort, int mqttPort, int registryPort) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("COMPOSE_PROFILES", "local-workers");
    env.put("FLOPS_PUBLIC_HOST", host);
    env.put("FLOPS_VERSION", Images.version());
    env.put("FLOPS_IMAGE_PREFIX", images.address() + "/flops");
    env.put("FLOPS_MANAGER_PORT", String.valueOf(managerPort));
    env.put("MQTT_PORT", String.valueOf(mqttPort));
    env.put("REGISTRY_PORT", String.valueOf(registryPort));
    env.put("MLFLOW_PORT", String.valueOf(ExternalServer.freePort()));
    env.put("MONGO_USERNAME", "flops");
    env.put("MONGO_PASSWORD", secret());
    env.put("MQTT_USERNAME", "flops");
    env.put("MQTT_PASSWORD", secret());
    env.put("MQTT_SERVICE_USERNAME", "flops-services");
    env.put("MQTT_SERVICE_PASSWORD", secret());
    env.put("FLOPS_ADMIN_TOKEN", secret());
    // named by the oakestra profile's manager, which is not started
    env.put("OAKESTRA_USERNAME", "unused");
    env.put("OAKESTRA_PASSWORD", "unused");
    return env;
  }

  private static String secret() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static HttpResponse<String> get(URI uri, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Command.Result mqttSubscribe(int port, String user, String password)
      throws Exception {
    List<String> line =
        new java.util.ArrayList<>(
            List.of(
                "mosquitto_sub",
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(port),
                "-t",
                "$SYS/broker/uptime",
                "-C",
                "1",
                "-W",
                "5"));
    if (user != null) {
      line.addAll(List.of("-u", user, "-P", password));
    }
    Path log = Files.createTempFile(BuiltImages.WORK, "mosquitto-sub-", ".log");
    return new Command(line, BuiltImages.WORK, Map.of())
        .run("mosquitto-clients", Duration.ofSeconds(30), log);
  }
}
