package io.flops.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flops.cli.client.ManagerClient;
import io.flops.cli.demo.DemoSla;
import io.flops.cli.demo.ExampleRepository;
import io.flops.cli.demo.SimulatedNodes;
import io.flops.cli.evaluate.Charts;
import io.flops.cli.evaluate.CsvReports;
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
import java.util.Collections;
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
 * .env, the suite's Mosquitto refuses anonymous clients; {@code flops evaluate --manager-url} runs
 * the iris example through the suite and writes its CSVs and charts; {@code down -v} leaves
 * nothing.
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

        Path out = work.resolve("evaluation");
        Command.Result evaluation =
            evaluate(images, host + ":" + registryPort, managerPort, engine, suite, env, work, out);
        assertThat(evaluation.exitCode())
            .as(
                "flops evaluate against the suite:\n%s\nmanager log:\n%s",
                evaluation.output(), suite.logsOf("manager-local"))
            .isZero();
        assertThat(Files.readAllLines(out.resolve(CsvReports.RUNS)))
            .as("runs.csv: a header and the one run, completed")
            .hasSize(2)
            .last()
            .asString()
            .contains("COMPLETED");
        assertThat(Files.readAllLines(out.resolve(CsvReports.ROUNDS)))
            .as("rounds.csv: a header and both rounds")
            .hasSize(3);
        List<String> samples = Files.readAllLines(out.resolve(CsvReports.RESOURCES));
        List<Integer> containers =
            samples.stream()
                .skip(1)
                .map(line -> Integer.parseInt(line.substring(line.lastIndexOf(',') + 1)))
                .toList();
        assertThat(containers)
            .as("containers measured per sample of resources.csv: the suite's six at least")
            .hasSizeGreaterThan(2)
            .allMatch(count -> count >= 6);
        assertThat(Collections.max(containers))
            .as("the project's containers measured too, once they run")
            .isGreaterThan(containers.get(0));
        for (String chart :
            List.of(Charts.STAGE_DURATIONS, Charts.ACCURACY, Charts.CPU, Charts.MEMORY)) {
          assertThat(out.resolve(chart)).as(chart).isNotEmptyFile();
        }
      } finally {
        if (!Boolean.getBoolean("flops.test.keep-suite")) {
          suite.down();
        }
      }
      assertThat(suite.leftovers()).as("what docker-compose down -v left").isEmpty();
    }
  }

  /**
   * Runs {@code flops evaluate --manager-url} on the iris example (classic FL, 2 learners, 2
   * rounds) against the suite, with the mock iris data pushed to the nodes' data servers and the
   * containers measured through the engine. The repository is served by {@code git daemon} on this
   * host, where the suite's builder clones it; its learner and aggregator images are built on this
   * host into the suite's registry first (the builder container has no Maven repository), so the
   * suite's builder finds and reuses them.
   */
  private static Command.Result evaluate(
      BuiltImages images,
      String suiteRegistry,
      int managerPort,
      PodmanSocket engine,
      ComposeSuite suite,
      Map<String, String> env,
      Path work,
      Path out)
      throws Exception {
    Path repos = Files.createDirectories(work.resolve("git"));
    ExampleRepository.commit(
        Images.root().resolve("examples/iris-logistic"), repos.resolve("iris-logistic"));
    int gitPort = ExternalServer.freePort();
    String repoUrl = "git://" + HostAddress.forContainers() + ":" + gitPort + "/iris-logistic";
    try (ExternalServer git =
        ExternalServer.start(
            "git-daemon",
            "git",
            List.of(
                "git",
                "daemon",
                "--reuseaddr",
                "--export-all",
                "--base-path=" + repos,
                "--listen=0.0.0.0",
                "--port=" + gitPort,
                repos.toString()),
            gitPort,
            work.resolve("git-daemon"))) {
      ActorImages.build(images, suiteRegistry, repoUrl, work);
      // The suite's mock data providers cannot fetch the data set in a container (see the note
      // in docs/operations.md): the partitions are pushed from this host, as a writer.
      ManagerClient manager =
          new ManagerClient(URI.create("http://127.0.0.1:" + managerPort), Duration.ofSeconds(30))
              .withToken(env.get("FLOPS_ADMIN_TOKEN"));
      DataPush.push(
          "iris",
          List.copyOf(SimulatedNodes.await(manager, 2, Duration.ofMinutes(3)).values()),
          env.get("TEST_DATA_WRITER_TOKEN"),
          manager.authorityCertificate(),
          work);
      ObjectNode sla =
          DemoSla.project(
              Images.root().resolve("examples/iris-logistic/sla.json"), repoUrl, 2, 2, 2, false);
      // MLflow is a stand-in that keeps nothing: no trained model to build an image of
      sla.putArray("post_training_steps");
      Path slaFile =
          Files.writeString(
              Files.createDirectories(work.resolve("sla")).resolve("iris.json"), sla.toString());
      Command evaluate =
          new Command(
                  List.of(
                      DockerProjectIT.java(),
                      "-jar",
                      FlopsJars.exec("cli").toString(),
                      "evaluate",
                      "--home",
                      Images.root().toString(),
                      "--manager-url",
                      "http://127.0.0.1:" + managerPort,
                      "--sla",
                      slaFile.toString(),
                      "--runs",
                      "1",
                      "--mock-partitions",
                      "0",
                      "--containers",
                      engine.dockerHost(),
                      "--container-label",
                      "com.docker.compose.project=" + suite.project(),
                      "--container-label",
                      "io.flops.deployment",
                      "--timeout",
                      "15",
                      "--out",
                      out.toString()),
                  work,
                  Map.of())
              .withEnvironment(Map.of("FLOPS_TOKEN", env.get("FLOPS_ADMIN_TOKEN")));
      return evaluate.run(
          "openjdk-17-jdk-headless", Duration.ofMinutes(20), work.resolve("evaluate.log"));
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
    env.put("TEST_DATA_READER_TOKEN", secret());
    env.put("TEST_DATA_WRITER_TOKEN", secret());
    env.put("TEST_DATA_ADMIN_TOKEN", secret());
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
