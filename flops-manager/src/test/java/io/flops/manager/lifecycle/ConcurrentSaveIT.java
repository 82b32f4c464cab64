package io.flops.manager.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.events.ComponentEvent;
import io.flops.common.events.ComponentEvent.AggregatorType;
import io.flops.common.events.ComponentEvent.BuildPlan;
import io.flops.common.orchestration.ServiceSpec;
import io.flops.manager.mqtt.EventKeys;
import io.flops.manager.mqtt.MqttEndpoint;
import io.flops.manager.mqtt.ServiceLaunches;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectRepository;
import io.flops.manager.support.Api;
import io.flops.manager.support.GitRepos;
import io.flops.manager.support.InMemoryOrchestrator;
import io.flops.manager.support.ManagerITBase;
import io.flops.manager.support.SealedEvents;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Every save of a project meets a concurrent save first (another manager, say), so the store
 * retries every change; the project still walks to the end and no service is deployed twice.
 */
@Import(ConcurrentSaveIT.ConflictingSaves.class)
class ConcurrentSaveIT extends ManagerITBase {

  @TempDir static Path repos;

  @LocalServerPort int port;
  @Autowired InMemoryOrchestrator orchestrator;
  @Autowired MqttEndpoint mqtt;
  @Autowired EventKeys eventKeys;
  @Autowired ServiceLaunches launches;

  @Test
  void aConflictOnEverySaveDeploysEveryServiceOnce() throws Exception {
    Path repo = repos.resolve("repo");
    String repoUrl = GitRepos.create(repo);
    String commit = GitRepos.head(repo);
    Api api = new Api(port);
    int conflictsBefore = ConflictingSaves.CONFLICTS.get();
    String id =
        api.createProject(
            """
            {"customerID":"acme","ml_model_flavor":"dl4j","ml_repo_url":"%s",
             "post_training_steps":["build_image_for_trained_model","deploy_trained_model_image"],
             "training_configuration":{"data_tags":["mnist"],"training_rounds":2,
               "min_available_clients":2,"min_fit_clients":2,"min_evaluate_clients":2}}"""
                .formatted(repoUrl));
    api.awaitState(id, "BUILDING_IMAGES");
    try (SealedEvents components = new SealedEvents(launches)) {
      components.publish(
          new ComponentEvent.BuilderSucceeded(
              event(), id, BuildPlan.FL_ACTORS, List.of(), commit, Map.of(), 1));
      api.awaitState(id, "STARTING_TRAINING");
      components.publish(
          new ComponentEvent.AggregatorSucceeded(
              event(), id, AggregatorType.CLASSIC_AGGREGATOR, 0.8, 0.4, "e", "run-1", "m"));
      api.awaitState(id, "BUILDING_INFERENCE_IMAGE");
      components.publish(
          new ComponentEvent.BuilderSucceeded(
              event(),
              id,
              BuildPlan.TRAINED_MODEL,
              List.of("acme/trained_model:run-1"),
              null,
              Map.of(),
              1));
      JsonNode done = api.awaitState(id, "COMPLETED");
      assertThat(done.get("failure_reason")).isNull();
    }

    Map<String, Long> deploymentsByName =
        orchestrator.deployed().values().stream()
            .filter(spec -> id.equals(spec.projectId()))
            .collect(Collectors.groupingBy(ServiceSpec::name, Collectors.counting()));
    assertThat(deploymentsByName.keySet())
        .contains(
            "observ" + id,
            "builder" + id,
            "aggr" + id,
            "flearner" + id,
            "trbuilder" + id,
            "trmodel" + id);
    assertThat(deploymentsByName).allSatisfy((name, count) -> assertThat(count).isEqualTo(1L));
    assertThat(ConflictingSaves.CONFLICTS.get() - conflictsBefore).isGreaterThan(10);
  }

  private static String event() {
    return UUID.randomUUID().toString();
  }

  /** Saves every project once more, behind the caller's back, before each save it makes. */
  @TestConfiguration(proxyBeanMethods = false)
  static class ConflictingSaves {

    static final AtomicInteger CONFLICTS = new AtomicInteger();

    @Bean
    static BeanPostProcessor conflictingProjectRepository() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof ProjectRepository repository ? conflicting(repository) : bean;
        }
      };
    }

    private static ProjectRepository conflicting(ProjectRepository delegate) {
      Set<String> conflicted = ConcurrentHashMap.newKeySet();
      Function<Project, Project> saveTwice =
          project -> {
            if (project.getVersion() != null && conflicted.add(project.getId())) {
              delegate.findById(project.getId()).ifPresent(delegate::save);
              CONFLICTS.incrementAndGet();
            } else {
              conflicted.remove(project.getId());
            }
            return delegate.save(project);
          };
      return (ProjectRepository)
          Proxy.newProxyInstance(
              ProjectRepository.class.getClassLoader(),
              new Class<?>[] {ProjectRepository.class},
              (proxy, method, args) -> {
                if (method.getName().equals("save") && args[0] instanceof Project project) {
                  return saveTwice.apply(project);
                }
                try {
                  return method.invoke(delegate, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }
  }
}
