package io.flops.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.api.ApiMessage;
import io.flops.common.api.MockJobCreated;
import io.flops.common.api.MockJobView;
import io.flops.common.api.NodeView;
import io.flops.common.api.ProjectCreated;
import io.flops.common.api.ProjectSummary;
import io.flops.common.api.ProjectView;
import io.flops.common.api.TrackingView;
import io.flops.common.observer.EventPage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A typed client of the manager's REST API (docs/api.md). Every call is synchronous; a failed call
 * throws {@link ManagerApiException} with one sentence naming the request and the manager's reason.
 */
public final class ManagerClient {

  private static final String PROJECTS = "api/flops/projects";
  private static final String MOCKS = "api/flops/mocks";

  private final HttpJson http;

  /**
   * @param baseUrl the manager's root, e.g. {@code http://localhost:5072}
   * @param timeout for connecting and for each answer
   */
  public ManagerClient(URI baseUrl, Duration timeout) {
    this.http = new HttpJson(baseUrl, timeout);
  }

  /** The manager's root URL. */
  public URI baseUrl() {
    return http.baseUrl();
  }

  /** True when the manager answers its liveness call {@code GET /}. */
  public boolean alive() {
    try {
      return ApiMessage.OK.equals(http.convert(http.get(""), ApiMessage.class));
    } catch (ManagerApiException e) {
      return false;
    }
  }

  /** Starts a project from a project SLA (docs/sla.md) and returns its id. */
  public String createProject(JsonNode sla) {
    return http.convert(http.post(PROJECTS, sla), ProjectCreated.class).id();
  }

  /** One project. */
  public ProjectView project(String id) {
    return http.convert(http.get(PROJECTS + "/" + id), ProjectView.class);
  }

  /** All projects, newest first. */
  public List<ProjectSummary> projects() {
    List<ProjectSummary> projects = new ArrayList<>();
    for (JsonNode project : http.get(PROJECTS)) {
      projects.add(http.convert(project, ProjectSummary.class));
    }
    return projects;
  }

  /** Cancels a project: the manager undeploys everything it started for it. */
  public ProjectView cancel(String id) {
    return http.convert(http.delete(PROJECTS + "/" + id), ProjectView.class);
  }

  /** The project's observer events after position {@code since} (0: all the manager kept). */
  public EventPage events(String id, long since) {
    return http.convert(http.get(PROJECTS + "/" + id + "/events?since=" + since), EventPage.class);
  }

  /** The learner nodes, their data servers and what those hold. */
  public List<NodeView> nodes() {
    List<NodeView> nodes = new ArrayList<>();
    for (JsonNode node : http.get("api/flops/nodes")) {
      nodes.add(http.convert(node, NodeView.class));
    }
    return nodes;
  }

  /** Where {@code customerId}'s experiments are tracked. */
  public TrackingView tracking(String customerId) {
    String query = "?customerID=" + URLEncoder.encode(customerId, StandardCharsets.UTF_8);
    return http.convert(http.get("api/flops/tracking" + query), TrackingView.class);
  }

  /** Deploys a mock data provider from a mock-data SLA (docs/sla.md) and returns the job id. */
  public String createMockJob(JsonNode sla) {
    return http.convert(http.post(MOCKS, sla), MockJobCreated.class).id();
  }

  /** One mock-data job. */
  public MockJobView mockJob(String id) {
    return http.convert(http.get(MOCKS + "/" + id), MockJobView.class);
  }

  /**
   * Waits until mock-data job {@code id} ended and returns it.
   *
   * @throws IllegalStateException when it does not end within {@code timeout} or the thread is
   *     interrupted
   */
  public MockJobView awaitMockJob(String id, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    MockJobView job = mockJob(id);
    while (!job.state().isTerminal()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "The mock data provider (job "
                + id
                + ") did not finish within "
                + timeout.toMinutes()
                + " min");
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for mock job " + id, e);
      }
      job = mockJob(id);
    }
    return job;
  }
}
