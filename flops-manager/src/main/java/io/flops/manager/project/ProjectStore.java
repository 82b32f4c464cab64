package io.flops.manager.project;

import io.flops.common.api.ProjectState;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.ObserverEvent;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Loads, changes and saves projects one at a time per project (a lock per id; {@code @Version}
 * guards against other managers; a change starts from the {@link ProjectCopies} of the last save
 * when it has one), and publishes a STATE observer event for every timeline step a change added.
 */
public class ProjectStore {

  private static final Logger log = LoggerFactory.getLogger(ProjectStore.class);

  private final ProjectRepository repository;
  private final EventPublisher publisher;
  private final Clock clock;
  private final List<ProjectEndListener> endListeners;
  private final ProjectCopies copies;
  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /** A store whose every change reads the project from the store first. */
  public ProjectStore(
      ProjectRepository repository,
      EventPublisher publisher,
      Clock clock,
      List<ProjectEndListener> endListeners) {
    this(repository, publisher, clock, endListeners, null);
  }

  /**
   * A store whose changes start from {@code copies} of what this manager saved last (null: none);
   * the version check of each save still catches another manager's change.
   */
  public ProjectStore(
      ProjectRepository repository,
      EventPublisher publisher,
      Clock clock,
      List<ProjectEndListener> endListeners,
      ProjectCopies copies) {
    this.repository = repository;
    this.publisher = publisher;
    this.clock = clock;
    this.endListeners = List.copyOf(endListeners);
    this.copies = copies;
  }

  public Clock clock() {
    return clock;
  }

  /** The stored project, read now. */
  public Optional<Project> find(String id) {
    return repository.findById(id);
  }

  /** Saves a new project and publishes its first timeline step. */
  public Project create(Project project) {
    Project saved = repository.insert(project);
    keep(saved);
    publish(saved, 0);
    return saved;
  }

  /**
   * Runs {@code change} on the stored project under its lock and saves the result. When another
   * manager saved the project in between, the project is read again and {@code change} runs again
   * (up to three times): {@code change} must only change the project, never call anything outside.
   *
   * @return the saved project, or empty when no project has that id
   */
  public Optional<Project> change(String id, Consumer<Project> change) {
    ReentrantLock lock = locks.computeIfAbsent(id, key -> new ReentrantLock());
    lock.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        Optional<Project> found = copies == null ? Optional.empty() : copies.take(id);
        if (found.isEmpty()) {
          found = repository.findById(id);
        }
        if (found.isEmpty()) {
          return Optional.empty();
        }
        Project project = found.get();
        int before = project.getTimeline().size();
        change.accept(project);
        try {
          Project saved = repository.save(project);
          keep(saved);
          publish(saved, before);
          if (endedIn(saved, before)) {
            tellEnded(saved);
          }
          return Optional.of(saved);
        } catch (OptimisticLockingFailureException e) {
          if (attempt >= 3) {
            throw e;
          }
          log.info("Project {} changed concurrently; retrying", id);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Deletes every project. */
  public void deleteAll() {
    if (copies != null) {
      copies.clear();
    }
    repository.deleteAll();
  }

  private void keep(Project saved) {
    if (copies != null) {
      copies.keep(saved);
    }
  }

  private static boolean endedIn(Project project, int from) {
    List<TimelineEntry> timeline = project.getTimeline();
    return timeline.subList(from, timeline.size()).stream().anyMatch(e -> e.to().isTerminal());
  }

  private void tellEnded(Project project) {
    for (ProjectEndListener listener : endListeners) {
      try {
        listener.ended(project);
      } catch (RuntimeException e) {
        log.warn("A listener failed on the end of project {}: {}", project.getId(), e.toString());
      }
    }
  }

  private void publish(Project project, int from) {
    List<TimelineEntry> timeline = project.getTimeline();
    for (TimelineEntry entry : timeline.subList(from, timeline.size())) {
      publisher.publish(
          project.getId(),
          new ObserverEvent(
              UUID.randomUUID().toString(),
              entry.at(),
              "manager",
              entry.to() == ProjectState.FAILED
                  ? ObserverEvent.Level.ERROR
                  : ObserverEvent.Level.INFO,
              ObserverEvent.Kind.STATE,
              entry.message(),
              stateData(entry)));
    }
  }

  private static Map<String, Object> stateData(TimelineEntry entry) {
    return entry.from() == null
        ? Map.of("to", entry.to().name())
        : Map.of(
            "from",
            entry.from().name(),
            "to",
            entry.to().name(),
            "trigger",
            entry.trigger().name());
  }
}
