package io.flops.manager.deploy;

import io.flops.common.orchestration.ApplicationSpec;
import io.flops.common.orchestration.Orchestrator;
import io.flops.manager.project.Observatory;
import io.flops.manager.project.ObservatoryRepository;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customers' observatory applications (observers and tracking servers live there): created on
 * first use, stored, and changed one customer at a time.
 */
public class Observatories {

  private static final Logger log = LoggerFactory.getLogger(Observatories.class);

  private final Orchestrator orchestrator;
  private final ObservatoryRepository repository;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  public Observatories(Orchestrator orchestrator, ObservatoryRepository repository) {
    this.orchestrator = orchestrator;
    this.repository = repository;
  }

  /** The customer's observatory as stored, without creating anything. */
  public Optional<Observatory> find(String customerId) {
    return repository.findById(customerId);
  }

  /** The customer's observatory, created (application and record) when missing. */
  public Observatory ensure(String customerId) {
    return update(customerId, UnaryOperator.identity());
  }

  /**
   * Applies {@code change} to the customer's observatory (created when missing) under the
   * customer's lock, stores the result and returns it.
   */
  public Observatory update(String customerId, UnaryOperator<Observatory> change) {
    synchronized (locks.computeIfAbsent(customerId, id -> new Object())) {
      Optional<Observatory> stored = repository.findById(customerId);
      Observatory current = stored.orElseGet(() -> create(customerId));
      Observatory changed = change.apply(current);
      return stored.isPresent() && changed.equals(current) ? current : repository.save(changed);
    }
  }

  private Observatory create(String customerId) {
    String id =
        orchestrator.ensureApplication(
            new ApplicationSpec("observatory", "observatory", customerId, "FLOps observatory"));
    return new Observatory(customerId, id);
  }

  /**
   * Deletes every observatory: its application on the platform (with the observers and tracking
   * server in it; failures are logged) and its record.
   */
  public void deleteAll() {
    for (Observatory observatory : repository.findAll()) {
      try {
        orchestrator.deleteApplication(observatory.applicationId());
      } catch (RuntimeException e) {
        log.warn(
            "Could not delete the observatory of customer {}: {}",
            observatory.customerId(),
            e.getMessage());
      }
    }
    repository.deleteAll();
  }
}
