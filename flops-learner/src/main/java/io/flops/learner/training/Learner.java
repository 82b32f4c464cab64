package io.flops.learner.training;

import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.ObserverEvent;
import io.flops.common.fl.Finished;
import io.flops.common.fl.FlClient;
import io.flops.common.fl.MemoryShortage;
import io.flops.learner.data.LocalDataSource;
import io.flops.learner.data.NoLocalDataException;
import io.flops.mlapi.DataManager;
import io.flops.mlapi.LocalData;
import io.flops.mlapi.ModelManager;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One learner: fetches its local data, prepares it with the user's {@link DataManager}, and serves
 * its aggregator with the user's {@link ModelManager} until the training is finished. When it
 * cannot take part (no data, a failing data manager, no memory left), it publishes {@code
 * learner/failed} and tells the aggregator; see {@link ReportingHandler} for failures while
 * training.
 */
public final class Learner<D> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Learner.class);

  private final LearnerSettings settings;
  private final LocalDataSource dataSource;
  private final ModelManager<D> model;
  private final DataManager<D> dataManager;
  private final EventPublisher events;
  private final FlClient client;

  public Learner(
      LearnerSettings settings,
      LocalDataSource dataSource,
      ModelManager<D> model,
      DataManager<D> dataManager,
      EventPublisher events) {
    this.settings = settings;
    this.dataSource = dataSource;
    this.model = model;
    this.dataManager = dataManager;
    this.events = events;
    this.client = new FlClient(settings.client());
  }

  /** Runs to the end of the training; returns whether it ended successfully. */
  public boolean run() throws InterruptedException {
    LocalData local;
    try {
      local = dataSource.fetch(settings.dataTags());
    } catch (NoLocalDataException e) {
      fail(e.getMessage());
      return false;
    } catch (RuntimeException | OutOfMemoryError e) {
      fail(
          MemoryShortage.describe(settings.name(), e)
              .orElse("cannot read data for tags " + settings.dataTags() + ": " + e.getMessage()));
      return false;
    }
    D data;
    try {
      data = dataManager.prepare(local);
      observe(ObserverEvent.Level.INFO, ObserverEvent.Kind.DATA, "local data prepared");
    } catch (RuntimeException | OutOfMemoryError e) {
      fail(
          MemoryShortage.describe(settings.name(), e)
              .orElse("the repository's DataManager failed on the local data: " + e));
      return false;
    }
    Finished finished =
        client.run(
            new ReportingHandler(
                new ModelTrainer<>(settings.name(), model, data), settings, events));
    log.info("Training finished: {}", finished.getMessage());
    return finished.getSuccess();
  }

  /** Drops the connection at once, as a crashed learner would. */
  @Override
  public void close() {
    client.close();
  }

  private void fail(String message) throws InterruptedException {
    log.error("Learner {} cannot take part: {}", settings.name(), message);
    events.publish(
        new ComponentEvent.LearnerFailed(
            UUID.randomUUID().toString(), settings.projectId(), settings.name(), message));
    observe(ObserverEvent.Level.ERROR, ObserverEvent.Kind.LEARNER, message);
    if (!client.reportFatal(message, settings.failureReportTimeout())) {
      log.warn("Could not tell aggregator {} about it", settings.client().target());
    }
  }

  private void observe(ObserverEvent.Level level, ObserverEvent.Kind kind, String message) {
    events.publish(
        settings.projectId(),
        new ObserverEvent(
            UUID.randomUUID().toString(),
            Instant.now(),
            settings.name(),
            level,
            kind,
            settings.name() + ": " + message,
            Map.of("learner", settings.name(), "tags", settings.dataTags())));
  }
}
