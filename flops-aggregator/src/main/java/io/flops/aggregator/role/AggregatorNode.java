package io.flops.aggregator.role;

import io.flops.aggregator.events.AggregatorEvents;
import io.flops.aggregator.server.FlServer;
import io.flops.aggregator.server.LearnerPool;
import io.flops.aggregator.tracking.TrackerProvider;
import io.flops.common.events.ComponentEvent.AggregatorType;
import io.flops.common.events.EventPublisher;
import io.flops.common.launch.AggregatorLaunch.Role;
import io.flops.mlapi.ModelManager;
import java.util.function.Supplier;

/**
 * One aggregator process: listens for learners on its port and runs its role. The model is only
 * created for the classic and root roles (a cluster aggregator never needs it).
 */
public final class AggregatorNode implements AutoCloseable {

  private final AggregatorSettings settings;
  private final LearnerPool pool;
  private final FlServer server;
  private final AggregatorEvents events;
  private final TrackerProvider trackers;
  private final Supplier<ModelManager<?>> model;

  public AggregatorNode(
      AggregatorSettings settings,
      EventPublisher publisher,
      TrackerProvider trackers,
      Supplier<ModelManager<?>> model) {
    this.settings = settings;
    this.trackers = trackers;
    this.model = model;
    this.events = new AggregatorEvents(publisher, settings.projectId(), type(settings), source());
    this.pool = new LearnerPool(settings.heartbeatInterval(), settings.updateMemory());
    pool.addListener(events);
    this.server =
        new FlServer(
            settings.listenAddress(),
            pool,
            settings.heartbeatInterval(),
            settings.livenessTimeout(),
            settings.access());
  }

  /** The port learners connect to. */
  public int port() {
    return server.port();
  }

  /** The bytes exchanged with its learners so far (gRPC messages on the wire). */
  public long wireBytes() {
    return server.wireBytes();
  }

  /** Runs the role to its end; returns whether the training succeeded. */
  public boolean run() throws InterruptedException {
    if (settings.role() == Role.CLUSTER) {
      return new ClusterTraining(settings, pool, events).run();
    }
    ModelManager<?> manager;
    try {
      manager = model.get();
    } catch (RuntimeException e) {
      events.started();
      events.failed("Aggregator cannot load the user's model: " + e.getMessage());
      return false;
    }
    return new CentralTraining(settings, pool, manager, events, trackers).run();
  }

  @Override
  public void close() {
    server.close();
  }

  private String source() {
    return settings.role() == Role.CLUSTER ? "aggregator-" + settings.cluster() : "aggregator";
  }

  private static AggregatorType type(AggregatorSettings settings) {
    return switch (settings.role()) {
      case CLASSIC -> AggregatorType.CLASSIC_AGGREGATOR;
      case ROOT -> AggregatorType.ROOT_AGGREGATOR;
      case CLUSTER -> AggregatorType.CLUSTER_AGGREGATOR;
    };
  }
}
