package io.flops.manager.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.api.ListPaging;
import io.flops.common.api.ProjectState;
import io.flops.common.sla.ProjectSla;
import io.flops.common.sla.SlaJson;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectRepository;
import io.flops.manager.project.Trigger;
import io.flops.manager.support.Api;
import io.flops.manager.support.ManagerITBase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/flops/projects} a page at a time, as docs/api.md ("Lists") promises. */
class ProjectPagesIT extends ManagerITBase {

  private static final String PROJECTS = "/api/flops/projects";
  private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
  private static final ProjectSla SLA =
      SlaJson.readProject(
          """
          {"ml_model_flavor":"dl4j","ml_repo_url":"https://e.org/o/r",
           "training_configuration":{"data_tags":["m"]}}"""
              .getBytes(StandardCharsets.UTF_8));

  @LocalServerPort int port;
  @Autowired ProjectRepository repository;

  private Api admin;
  private final List<Project> stored = new ArrayList<>();

  @BeforeEach
  void setUp() {
    admin = new Api(port);
  }

  @AfterEach
  void forgetTheStoredProjects() {
    repository.deleteAll(stored);
  }

  @Test
  void twoHundredFiftyProjectsComeAsAHundredWithANextLinkThatLeadsToEachOnceInOrder() {
    List<String> newestFirst = store("pages-a", 250);
    store("pages-b", 30);
    Api customer = customer("pages-a");

    Api.Reply first = customer.get(PROJECTS);

    assertThat(first.status()).as(first.raw()).isEqualTo(200);
    assertThat(first.body().isArray()).isTrue();
    assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 100));
    assertThat(first.header(ListPaging.TOTAL_COUNT)).isEqualTo("250");
    assertThat(next(first))
        .hasValueSatisfying(
            link ->
                assertThat(link.toString())
                    .startsWith("http://127.0.0.1:" + port + PROJECTS + "?cursor="));

    assertThat(followAll(customer, PROJECTS)).containsExactlyElementsOf(newestFirst);
  }

  @Test
  void projectsCreatedWhileAClientPagesNeitherRepeatNorHideOlderOnes() {
    List<String> newestFirst = store("pages-c", 25);
    Api customer = customer("pages-c");

    Api.Reply first = customer.get(PROJECTS + "?limit=10");
    store("pages-c", 5, T0.plusSeconds(3600));
    List<String> seen = new ArrayList<>(ids(first));
    for (Api.Reply page = first; next(page).isPresent(); ) {
      page = customer.get(next(page).get().toString());
      seen.addAll(ids(page));
    }

    assertThat(seen).containsExactlyElementsOf(newestFirst);
  }

  @Test
  void theAdminsFiltersHoldOnEveryPage() {
    store("pages-d", 40);
    List<String> completed =
        stored.stream()
            .filter(p -> p.getState() == ProjectState.COMPLETED)
            .sorted(newestFirst())
            .map(Project::getId)
            .toList();
    String query = PROJECTS + "?customerID=pages-d&state=COMPLETED&limit=7";

    Api.Reply first = admin.get(query);

    assertThat(first.header(ListPaging.TOTAL_COUNT)).isEqualTo(String.valueOf(completed.size()));
    assertThat(next(first).orElseThrow().getRawQuery())
        .contains("customerID=pages-d", "state=COMPLETED", "limit=7");
    assertThat(followAll(admin, query)).containsExactlyElementsOf(completed);
  }

  @Test
  void aBadLimitOrCursorIsA400NamingTheParameter() {
    store("pages-e", 3);
    for (String query : List.of("limit=0", "limit=5000", "limit=-1", "limit=ten")) {
      assertBadParameter(admin.get(PROJECTS + "?" + query), "limit");
    }
    assertBadParameter(admin.get(PROJECTS + "?cursor=not-a-cursor"), "cursor");
    assertBadParameter(admin.get(PROJECTS + "?cursor=%25%25"), "cursor");

    Api.Reply most = admin.get(PROJECTS + "?customerID=pages-e&limit=" + ListPaging.MAX_LIMIT);
    assertThat(most.status()).isEqualTo(200);
    assertThat(most.body()).hasSize(3);
    assertThat(most.header(ListPaging.LINK)).isNull();
  }

  private static void assertBadParameter(Api.Reply reply, String parameter) {
    assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
    assertThat(reply.contentType()).contains("application/problem+json");
    assertThat(reply.body().get("detail").asText()).as(reply.raw()).contains(parameter);
  }

  /** Every id of the list at {@code path}, page after page. */
  private static List<String> followAll(Api api, String path) {
    List<String> ids = new ArrayList<>();
    Optional<URI> next = Optional.of(URI.create(path));
    while (next.isPresent()) {
      Api.Reply page = api.get(next.get().toString());
      assertThat(page.status()).as(page.raw()).isEqualTo(200);
      ids.addAll(ids(page));
      next = next(page);
    }
    return ids;
  }

  private static Optional<URI> next(Api.Reply page) {
    return ListPaging.next(page.headers().allValues(ListPaging.LINK));
  }

  private static List<String> ids(Api.Reply page) {
    List<String> ids = new ArrayList<>();
    for (JsonNode project : page.body()) {
      ids.add(project.get("flops_project_id").asText());
    }
    return ids;
  }

  /**
   * Stores {@code count} ended projects of {@code customer}, three at a time created in the same
   * millisecond (so the id decides their order), alternately COMPLETED and CANCELLED.
   *
   * @return their ids, newest first
   */
  private List<String> store(String customer, int count) {
    return store(customer, count, T0);
  }

  private List<String> store(String customer, int count, Instant from) {
    List<Project> projects = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant at = from.plusMillis(i / 3);
      String id = customer + "-" + from.getEpochSecond() + "-" + (char) ('a' + i % 3) + i;
      Project project = Project.accept(id, SLA.withCustomerId(customer), at);
      ProjectState end = i % 2 == 0 ? ProjectState.COMPLETED : ProjectState.CANCELLED;
      project.enter(end, Trigger.CANCEL, "Stored by the test.", null, at);
      projects.add(repository.insert(project));
    }
    stored.addAll(projects);
    return projects.stream().sorted(newestFirst()).map(Project::getId).toList();
  }

  private static Comparator<Project> newestFirst() {
    return Comparator.comparing(Project::getCreatedAt).thenComparing(Project::getId).reversed();
  }

  private Api customer(String id) {
    Api.Reply issued = admin.postJson("/api/flops/customers", "{\"customer_id\":\"" + id + "\"}");
    assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
    return admin.withToken(issued.body().get("token").asText());
  }
}
