package io.flops.benchmarks.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.benchmarks.Options;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;

/**
 * The control-plane benchmark command (not a test): one manager in its own JVM on the simulated
 * orchestrator carries {@code --projects} projects at once, without the cost of real workers. It
 * prints the latency of {@code POST /api/flops/projects} with {@code --clients} and then {@code
 * --many-clients} concurrent clients, the projects in flight and the manager's heap, the manager's
 * event throughput — the simulated builders report (started, images pushed) on a grid of instants,
 * so the rate at which the largest group's projects leave BUILDING_IMAGES is the manager's ({@link
 * Burst}) — and checks that every project COMPLETED with its states in order (no event lost or
 * applied out of order). First, {@code --warm-up} projects run to their end, so the JIT compiler
 * has compiled the manager's paths before anything is measured. Options (defaults in brackets):
 * {@code --projects} [1000], {@code --warm-up} [100], {@code --clients} [20], {@code
 * --many-clients} [100], {@code --step-ms} (the simulated components' step and release grid)
 * [20000], {@code --manager-heap} [1g], {@code --manager-java-options} (e.g. {@code
 * -XX:StartFlightRecording=filename=manager.jfr}) [none], {@code --manager-jar}
 * [flops-manager/target/flops-manager-*-exec.jar].
 */
public final class ControlPlaneBenchmark {

  /** The states of a project that went through training without an inference server. */
  static final List<String> LIFECYCLE =
      List.of(
          "ACCEPTED", "PREPARING", "BUILDING_IMAGES", "STARTING_TRAINING", "TRAINING", "COMPLETED");

  /**
   * How often the benchmark asks whether projects are left in a state: each ask lists the projects
   * in that state, which the embedded store answers by scanning them all, so it asks rarely and
   * takes the burst's end from the projects' timelines instead (when the last one left
   * BUILDING_IMAGES, by the manager's clock on this host).
   */
  private static final long POLL_MS = 2000;

  private ControlPlaneBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options = Options.of(args);
    int projects = options.intValue("--projects", 1000);
    int warmUp = options.intValue("--warm-up", 100);
    int fewClients = options.intValue("--clients", 20);
    int manyClients = options.intValue("--many-clients", 100);
    long step = options.value("--step-ms", 30_000);
    String heap = options.text("--manager-heap", "1g");
    List<String> javaOptions =
        java.util.Arrays.stream(options.text("--manager-java-options", "").split(" "))
            .filter(option -> !option.isBlank())
            .toList();
    Path jar = managerJar(options.text("--manager-jar", null));
    PrintStream out = System.out;
    Path work = Files.createTempDirectory("flops-control-");
    String token = "benchmark-" + UUID.randomUUID();
    String repoUrl = repository(work.resolve("repos").resolve("ml"));
    List<String> settings =
        List.of(
            "--flops.orchestrator.simulated.step-delay=" + step + "ms",
            "--flops.orchestrator.simulated.aligned=true",
            "--flops.quotas.running-projects=" + (Math.max(projects, warmUp) + 1),
            "--flops.lifecycle.observer-grace=0s",
            "--flops.repositories.allowed-file-roots=" + work.resolve("repos"));
    out.printf(
        "FLOps control-plane benchmark: java %s, %d cores; one manager (-Xmx%s) on the simulated"
            + " orchestrator, %,d projects%n",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        heap,
        projects);
    try (ManagerProcess manager =
        ManagerProcess.start(
            jar,
            work.resolve("data"),
            heap,
            javaOptions,
            token,
            settings,
            work.resolve("manager.log"))) {
      ProjectsApi api = new ProjectsApi(manager.url(), token);
      String sla = sla(repoUrl);
      warmUp(out, api, sla, warmUp, fewClients, step);
      long release = afterNextTick(step) + 2 * step;
      List<String> ids = Collections.synchronizedList(new ArrayList<>());
      int few = Math.max(1, projects / 5);
      Latencies first = post(api, sla, few, fewClients, ids);
      Latencies second = post(api, sla, projects - few, manyClients, ids);
      print(out, fewClients, first);
      print(out, manyClients, second);
      if (System.currentTimeMillis() > release - step) {
        out.println(
            "Note: the POSTs outlasted the step delay, so the builders' reports below are spread"
                + " over two instants; raise --step-ms.");
      }
      int ended = api.count("COMPLETED") + api.count("FAILED") - warmUp;
      out.printf(
          "In flight: %,d of %,d projects; manager heap %d MiB used, %d MiB live after a full GC%n",
          projects - ended, projects, manager.usedHeapMib(false), manager.usedHeapMib(true));
      sleepUntil(release);
      while (api.count("BUILDING_IMAGES") > 0) {
        Thread.sleep(POLL_MS);
      }
      long deadline = release + 4 * step + 300_000;
      while (api.count("COMPLETED") + api.count("FAILED") < warmUp + projects
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(POLL_MS);
      }
      List<JsonNode> views = new ArrayList<>();
      for (String id : ids) {
        views.add(api.project(id));
      }
      Burst burst = Burst.of(views, step);
      out.printf(
          "Event throughput: %,d builder reports (started, images pushed) released at one instant"
              + " were applied in %.2f s (until the last of their projects left BUILDING_IMAGES):"
              + " %,.0f component events/s (goal >= 1,000)%s%n",
          2 * burst.projects(),
          burst.seconds(),
          2 * burst.projects() / burst.seconds(),
          burst.others() == 0
              ? ""
              : String.format(
                  "; the builders of the other %,d projects reported at another instant (their"
                      + " projects were prepared too late for this one; raise --step-ms)",
                  burst.others()));
      check(out, views);
    } finally {
      deleteTree(work);
    }
    System.exit(0);
  }

  /** Runs {@code count} projects to their end, unmeasured (0: none). */
  private static void warmUp(
      PrintStream out, ProjectsApi api, String sla, int count, int clients, long step)
      throws Exception {
    if (count == 0) {
      return;
    }
    post(api, sla, count, clients, Collections.synchronizedList(new ArrayList<>()));
    long deadline = System.currentTimeMillis() + 6 * step + 300_000;
    while (api.count("COMPLETED") + api.count("FAILED") < count) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("The " + count + " warm-up projects did not end in time");
      }
      Thread.sleep(POLL_MS);
    }
    out.printf(
        "Warm-up: %,d projects ran to their end first (not measured), so the figures below are those"
            + " of a manager whose code paths the JIT compiler has compiled%n",
        count);
  }

  /** POSTs {@code count} projects from {@code clients} threads and times each request. */
  private static Latencies post(
      ProjectsApi api, String sla, int count, int clients, List<String> ids) throws Exception {
    Queue<Long> nanos = new ConcurrentLinkedQueue<>();
    AtomicInteger left = new AtomicInteger(count);
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        done.add(
            threads.submit(
                () -> {
                  while (left.getAndDecrement() > 0) {
                    long sent = System.nanoTime();
                    ids.add(api.create(sla));
                    nanos.add(System.nanoTime() - sent);
                  }
                  return null;
                }));
      }
      for (Future<?> client : done) {
        client.get();
      }
    } finally {
      threads.shutdownNow();
    }
    return Latencies.of(nanos, (System.nanoTime() - started) / 1e9);
  }

  private static void print(PrintStream out, int clients, Latencies latencies) {
    out.printf(
        "POST /api/flops/projects, %d concurrent clients, %,d requests: p50 %.1f ms, p99 %.1f ms,"
            + " max %.1f ms (goal p99 < 100 ms); %.0f projects/s%n",
        clients,
        latencies.count(),
        latencies.percentile(50),
        latencies.percentile(99),
        latencies.max(),
        latencies.count() / latencies.seconds());
  }

  /** Every project COMPLETED, its states in the order of {@link #LIFECYCLE}. */
  private static void check(PrintStream out, List<JsonNode> views) {
    int completed = 0;
    List<String> wrong = new ArrayList<>();
    Map<String, Integer> reasons = new TreeMap<>();
    for (JsonNode project : views) {
      List<String> states = ProjectsApi.states(project);
      if (states.equals(LIFECYCLE)) {
        completed++;
        continue;
      }
      if (wrong.size() < 5) {
        wrong.add(project.path("flops_project_id").asText() + " " + states);
      }
      reasons.merge(project.path("failure_reason").asText("(none)"), 1, Integer::sum);
    }
    reasons.forEach((reason, count) -> out.printf("  %,d x %s%n", count, reason));
    out.printf(
        "Lifecycle: %,d of %,d projects COMPLETED with their states in order%s%n",
        completed, views.size(), wrong.isEmpty() ? "" : "; not: " + wrong);
  }

  private static String sla(String repoUrl) {
    return """
        {"customerID":"bench","ml_model_flavor":"dl4j","ml_repo_url":"%s",
         "training_configuration":{"data_tags":["mnist"],"training_rounds":2,
           "min_available_clients":2,"min_fit_clients":2,"min_evaluate_clients":2}}"""
        .formatted(repoUrl);
  }

  /** Waits until just after the next multiple of {@code step} and returns it. */
  private static long afterNextTick(long step) throws InterruptedException {
    long tick = Math.floorDiv(System.currentTimeMillis(), step) * step + step;
    sleepUntil(tick + 10);
    return tick;
  }

  private static void sleepUntil(long epochMillis) throws InterruptedException {
    long wait = epochMillis - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  private static String repository(Path dir) throws Exception {
    Files.createDirectories(dir);
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("ML code").setAuthor("b", "b@example.org").setSign(false).call();
    }
    return dir.toUri().toString();
  }

  private static Path managerJar(String given) throws IOException {
    if (given != null) {
      return Path.of(given);
    }
    Path target = Path.of("flops-manager", "target");
    try (Stream<Path> jars = Files.list(target)) {
      return jars.filter(p -> p.getFileName().toString().matches("flops-manager-.*-exec\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IOException("No manager jar in " + target + "; build it first"));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException(
          "No " + target + " here: run from the FLOps checkout or pass --manager-jar", e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
