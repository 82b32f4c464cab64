package io.flops.cli.evaluate;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.StatisticNetworksConfig;
import com.github.dockerjava.api.model.Statistics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The resource usage of the running containers with given labels, through a Docker Engine API
 * (Docker, or Podman's compatible service): each reading asks every container for one set of
 * statistics ({@code GET /containers/{id}/stats?stream=false}, all containers at once). CPU time is
 * {@code cpu_stats.cpu_usage.total_usage}, memory is {@code memory_stats.usage}, and the network
 * counters are the sums over the containers' own interfaces ({@code networks.*.rx_bytes}, {@code
 * tx_bytes}). Docker answers a one-shot request after about a second, so a reading takes that long.
 */
public final class ContainerSampler implements ResourceSampler {

  private static final Duration STATS_TIMEOUT = Duration.ofSeconds(10);

  private final DockerClient docker;
  private final List<String> labels;

  /**
   * @param docker the engine's API; closed with the sampler
   * @param labels the containers to measure: each {@code key} or {@code key=value} selects the
   *     running containers with that label; a container matching any of them is measured
   */
  public ContainerSampler(DockerClient docker, List<String> labels) {
    if (labels.isEmpty()) {
      throw new IllegalArgumentException("Name at least one container label to measure");
    }
    this.docker = docker;
    this.labels = List.copyOf(labels);
  }

  @Override
  public String target() {
    return "the containers labelled " + String.join(" or ", labels);
  }

  @Override
  public ResourceReading read() {
    Map<String, CompletableFuture<Statistics>> requests = new HashMap<>();
    for (String id : runningContainers()) {
      requests.put(id, statistics(id));
    }
    Map<String, Duration> cpu = new HashMap<>();
    long memory = 0;
    long received = 0;
    long sent = 0;
    for (Map.Entry<String, CompletableFuture<Statistics>> request : requests.entrySet()) {
      Statistics stats = await(request.getValue());
      if (stats == null
          || stats.getCpuStats() == null
          || stats.getCpuStats().getCpuUsage() == null) {
        continue;
      }
      cpu.put(
          request.getKey(),
          Duration.ofNanos(orZero(stats.getCpuStats().getCpuUsage().getTotalUsage())));
      memory += stats.getMemoryStats() == null ? 0 : orZero(stats.getMemoryStats().getUsage());
      for (StatisticNetworksConfig network : networks(stats)) {
        received += orZero(network.getRxBytes());
        sent += orZero(network.getTxBytes());
      }
    }
    return new ResourceReading(Instant.now(), cpu, memory, received, sent);
  }

  @Override
  public void close() {
    try {
      docker.close();
    } catch (IOException e) {
      // nothing is left open on a client whose connection failed
    }
  }

  private Set<String> runningContainers() {
    Set<String> ids = new LinkedHashSet<>();
    try {
      for (String label : labels) {
        docker.listContainersCmd().withLabelFilter(List.of(label)).exec().stream()
            .map(Container::getId)
            .forEach(ids::add);
      }
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Could not list the containers labelled " + labels + ": " + e.getMessage(), e);
    }
    return ids;
  }

  private CompletableFuture<Statistics> statistics(String id) {
    CompletableFuture<Statistics> result = new CompletableFuture<>();
    docker
        .statsCmd(id)
        .withNoStream(true)
        .exec(
            new ResultCallback.Adapter<Statistics>() {
              @Override
              public void onNext(Statistics statistics) {
                result.complete(statistics);
              }

              @Override
              public void onError(Throwable error) {
                result.completeExceptionally(error);
              }

              @Override
              public void onComplete() {
                result.complete(null);
              }
            });
    return result;
  }

  /** The statistics, or null for a container that ended or did not answer in time. */
  private static Statistics await(CompletableFuture<Statistics> request) {
    try {
      return request.get(STATS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static Iterable<StatisticNetworksConfig> networks(Statistics stats) {
    return stats.getNetworks() == null ? List.of() : stats.getNetworks().values();
  }

  private static long orZero(Long value) {
    return value == null ? 0 : value;
  }
}
