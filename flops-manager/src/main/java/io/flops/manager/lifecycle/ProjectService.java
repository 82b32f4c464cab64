package io.flops.manager.lifecycle;

import io.flops.common.api.ProjectState;
import io.flops.common.error.FlopsException;
import io.flops.common.sla.ProjectSla;
import io.flops.common.sla.SlaValidator;
import io.flops.manager.access.Caller;
import io.flops.manager.config.KeyedExecutor;
import io.flops.manager.config.QuotaProperties;
import io.flops.manager.deploy.Observatories;
import io.flops.manager.image.RepositoryPolicy;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectCursor;
import io.flops.manager.project.ProjectListing;
import io.flops.manager.project.ProjectPage;
import io.flops.manager.project.ProjectRepository;
import io.flops.manager.project.ProjectStore;
import io.flops.manager.project.RunningProjects;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;

/** What the API does with projects: create, list, show, cancel, and reset the database. */
public class ProjectService {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ProjectStore store;
  private final ProjectRepository repository;
  private final ProjectListing listing;
  private final Observatories observatories;
  private final Lifecycle lifecycle;
  private final SlaValidator validator;
  private final KeyedExecutor projects;
  private final QuotaProperties quotas;
  private final RepositoryPolicy repositories;
  private final RunningProjects running;

  public ProjectService(
      ProjectStore store,
      ProjectRepository repository,
      ProjectListing listing,
      Observatories observatories,
      Lifecycle lifecycle,
      SlaValidator validator,
      KeyedExecutor projects,
      QuotaProperties quotas,
      RepositoryPolicy repositories,
      RunningProjects running) {
    this.running = running;
    this.quotas = quotas;
    this.repositories = repositories;
    this.store = store;
    this.repository = repository;
    this.listing = listing;
    this.observatories = observatories;
    this.lifecycle = lifecycle;
    this.validator = validator;
    this.projects = projects;
  }

  /**
   * Validates and stores a new project in ACCEPTED; the rest happens asynchronously.
   *
   * @throws FlopsException invalid input, with one entry per bad field; nothing is stored then
   */
  public Project create(ProjectSla sla) {
    validator.requireValid(sla);
    repositories.check(sla.mlRepoUrl());
    if (!running.tryTake(sla.customerId(), quotas.getRunningProjects())) {
      throw FlopsException.tooMany(
          "Customer "
              + sla.customerId()
              + " has "
              + running.of(sla.customerId())
              + " projects that have not ended, the most allowed (flops.quotas.running-projects);"
              + " wait until one ends or cancel one.");
    }
    Project project;
    try {
      project = store.create(Project.accept(newId(), sla, store.clock().instant()));
    } catch (RuntimeException e) {
      running.giveBack(sla.customerId());
      throw e;
    }
    projects.execute(project.getId(), () -> lifecycle.signal(project.getId(), new Signal.Start()));
    return project;
  }

  private static String newId() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Records that a round of {@code projectId} finished at {@code at} (the first one counts). */
  public void recordRound(String projectId, Instant at) {
    store.change(projectId, project -> project.recordFirstRound(at));
  }

  /**
   * A page of projects, newest first, optionally of one customer and/or in one state.
   *
   * @param cursor where the page starts, as a previous page's next link named it; null: with the
   *     newest
   * @param limit the most projects the page holds, at least 1
   * @throws FlopsException invalid input when this manager did not write {@code cursor}
   */
  public ProjectPage list(String customerId, ProjectState state, String cursor, int limit) {
    return listing.page(customerId, state, ProjectCursor.decode(cursor), limit);
  }

  /** One project; not found when the id is unknown. */
  public Project get(String id) {
    return repository.findById(id).orElseThrow(() -> notFound(id));
  }

  /** One project of {@code caller}'s; not found when unknown or another customer's. */
  public Project get(String id, Caller caller) {
    Project project = get(id);
    if (!caller.sees(project.getCustomerId())) {
      throw notFound(id);
    }
    return project;
  }

  /**
   * Cancels a project: state CANCELLED and everything it started undeployed.
   *
   * @throws FlopsException not found, or a conflict when the project already ended
   */
  public Project cancel(String id) {
    return lifecycle.cancel(id, "Cancelled by the user.").orElseThrow(() -> notFound(id));
  }

  /** Cancels a project of {@code caller}'s; another customer's is not found. */
  public Project cancel(String id, Caller caller) {
    get(id, caller);
    return cancel(id);
  }

  /** Cancels every running project, then deletes all projects and observatories. */
  public void resetDatabase() {
    for (Project project : repository.findAll()) {
      if (!project.getState().isTerminal()) {
        lifecycle.signal(project.getId(), new Signal.Cancel("Cancelled: the database is reset."));
      }
    }
    store.deleteAll();
    running.recount();
    observatories.deleteAll();
  }

  private static FlopsException notFound(String id) {
    return FlopsException.notFound(
        "No project with id '" + id + "'; GET /api/flops/projects lists the existing ones.");
  }
}
