package io.flops.manager.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.flops.common.events.ComponentEvent;
import io.flops.common.events.EventPublisher;
import io.flops.common.events.ObserverEvent;
import io.flops.manager.project.ProjectCopies;
import io.flops.manager.project.ProjectRepository;
import io.flops.manager.project.ProjectStore;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

/**
 * A real {@link ProjectStore} without a Spring context: Spring Data's repository over an in-memory
 * MongoDB-wire server (the manager's embedded store, unpersisted), with real optimistic locking.
 */
public final class InMemoryProjectStore implements AutoCloseable {

  private final MongoServer server;
  private final MongoClient client;
  private final ProjectRepository repository;
  private final MongoTemplate template;

  public InMemoryProjectStore() {
    this(UnaryOperator.identity());
  }

  /**
   * @param wrap wraps the repository the store uses (a test forces conflicts this way)
   */
  public InMemoryProjectStore(UnaryOperator<ProjectRepository> wrap) {
    server = new MongoServer(H2Backend.inMemory());
    InetSocketAddress address = server.bind();
    client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    template = new MongoTemplate(client, "flops");
    repository =
        wrap.apply(new MongoRepositoryFactory(template).getRepository(ProjectRepository.class));
  }

  /** The store's template, for what is kept beside the projects. */
  public MongoTemplate template() {
    return template;
  }

  /** The repository as the store sees it. */
  public ProjectRepository repository() {
    return repository;
  }

  /**
   * A store over the repository that publishes nothing and, as the manager's, starts each change
   * from its copy of the last save.
   */
  public ProjectStore store(Clock clock) {
    EventPublisher silent =
        new EventPublisher() {
          @Override
          public void publish(ComponentEvent event) {}

          @Override
          public void publish(String projectId, ObserverEvent event) {}
        };
    return new ProjectStore(
        repository, silent, clock, List.of(), new ProjectCopies(template.getConverter()));
  }

  @Override
  public void close() {
    client.close();
    server.shutdownNow();
  }
}
