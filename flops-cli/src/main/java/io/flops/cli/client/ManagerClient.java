package io.flops.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.api.ApiMessage;
import io.flops.common.api.DataServerCertificateView;
import io.flops.common.api.ListPaging;
import io.flops.common.api.MockJobCreated;
import io.flops.common.api.MockJobView;
import io.flops.common.api.NodeView;
import io.flops.common.api.ProjectCreated;
import io.flops.common.api.ProjectState;
import io.flops.common.api.ProjectSummary;
import io.flops.common.api.ProjectView;
import io.flops.common.api.TrackingView;
import io.flops.common.observer.EventPage;
import io.flops.common.observer.ServerSentEventReader;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
    this(baseUrl, timeout, null);
  }

  /**
   * @param baseUrl the manager's root, e.g. {@code http://localhost:5072}
   * @param timeout for connecting and for each answer
   * @param token sent as {@code Authorization: Bearer <token>} with every request; null or blank:
   *     none
   */
  public ManagerClient(URI baseUrl, Duration timeout, String token) {
    this.http = new HttpJson(baseUrl, timeout, token);
  }

  /** The manager's root URL. */
  public URI baseUrl() {
    return http.baseUrl();
  }

  /** A client of the same manager that sends {@code token}. */
  public ManagerClient withToken(String token) {
    return new ManagerClient(http.baseUrl(), http.timeout(), token);
  }

  /**
   * A client of the manager at {@code baseUrl} with the token in {@code FLOPS_TOKEN}, as {@code
   * --token} defaults to (for commands that are given a running manager's URL).
   */
  public static ManagerClient withEnvironmentToken(URI baseUrl, Duration timeout) {
    return new ManagerClient(baseUrl, timeout, System.getenv("FLOPS_TOKEN"));
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
    return submit(sla).id();
  }

  /** Starts a project from a project SLA (docs/sla.md) and returns the manager's answer. */
  public ProjectCreated submit(JsonNode sla) {
    return http.convert(http.post(PROJECTS, sla), ProjectCreated.class);
  }

  /** One project. */
  public ProjectView project(String id) {
    return http.convert(http.get(PROJECTS + "/" + id), ProjectView.class);
  }

  /** All projects, newest first (every page). */
  public List<ProjectSummary> projects() {
    return projects(null, null);
  }

  /**
   * The projects in {@code state} of {@code customerId}, newest first: every page.
   *
   * @param state only projects in this state; null: any
   * @param customerId only this customer's projects; null: everyone's
   */
  public List<ProjectSummary> projects(ProjectState state, String customerId) {
    return projects(state, customerId, Integer.MAX_VALUE).projects();
  }

  /**
   * The newest {@code max} projects in {@code state} of {@code customerId}, read a page at a time
   * (docs/api.md, "Lists"). A next link is followed by its query (cursor and filters) on this
   * client's base URL, so the token never goes to another host and a proxy in front of the manager
   * does not matter.
   *
   * @param state only projects in this state; null: any
   * @param customerId only this customer's projects; null: everyone's
   * @param max the most projects to read, at least 1
   */
  public ProjectList projects(ProjectState state, String customerId, int max) {
    List<String> query = new ArrayList<>();
    if (state != null) {
      query.add("state=" + state.name());
    }
    if (customerId != null) {
      query.add("customerID=" + encode(customerId));
    }
    query.add(ListPaging.LIMIT + "=" + Math.min(max, ListPaging.MAX_LIMIT));
    String page = PROJECTS + "?" + String.join("&", query);
    List<ProjectSummary> projects = new ArrayList<>();
    long total = -1;
    while (page != null && projects.size() < max) {
      HttpJson.Answer answer = http.getWithHeaders(page);
      for (JsonNode project : answer.body()) {
        projects.add(http.convert(project, ProjectSummary.class));
      }
      total = total >= 0 ? total : totalCount(answer, projects.size());
      String next = nextPage(answer);
      page = page.equals(next) ? null : next;
    }
    return new ProjectList(projects.subList(0, Math.min(max, projects.size())), total);
  }

  /** The next page's path on this client's base URL; null on the last page. */
  private static String nextPage(HttpJson.Answer answer) {
    return ListPaging.next(answer.headers().allValues(ListPaging.LINK))
        .map(URI::getRawQuery)
        .map(query -> PROJECTS + "?" + query)
        .orElse(null);
  }

  /** The manager's count of all matching items; {@code read} from a manager that sends none. */
  private static long totalCount(HttpJson.Answer answer, long read) {
    String total = answer.headers().firstValue(ListPaging.TOTAL_COUNT).orElse("");
    return total.matches("\\d{1,18}") ? Long.parseLong(total) : read;
  }

  /** Cancels a project: the manager undeploys everything it started for it. */
  public ProjectView cancel(String id) {
    return http.convert(http.delete(PROJECTS + "/" + id), ProjectView.class);
  }

  /** The project's observer events after position {@code since} (0: all the manager kept). */
  public EventPage events(String id, long since) {
    return http.convert(http.get(PROJECTS + "/" + id + "/events?since=" + since), EventPage.class);
  }

  /**
   * Follows the project's events as server-sent events ({@code .../events/stream?since=}): every
   * event after position {@code since}, then each new one, handed to {@code reader} on the HTTP
   * client's thread. The answer completes when the manager ends the stream (after its stream
   * timeout); {@link ServerSentEventReader#cancel()} closes it earlier. It completes exceptionally
   * with a {@link ManagerApiException}, e.g. 404 for an unknown project.
   */
  public CompletableFuture<Void> streamEvents(String id, long since, ServerSentEventReader reader) {
    return http.streamLines(PROJECTS + "/" + id + "/events/stream?since=" + since, reader);
  }

  /**
   * Where {@code customerId}'s experiments are tracked.
   *
   * @param customerId the customer; null asks without one (enough unless the manager runs a
   *     tracking server per customer)
   */
  public TrackingView tracking(String customerId) {
    String query = customerId == null ? "" : "?customerID=" + encode(customerId);
    return http.convert(http.get("api/flops/tracking" + query), TrackingView.class);
  }

  /**
   * The certificate of the installation's authority, PEM ({@code GET /api/flops/ca}): what to trust
   * for the {@code https://} URLs of observers and inference servers.
   */
  public String authorityCertificate() {
    return http.text("api/flops/ca");
  }

  /** The learner nodes, their clusters and data servers ({@code GET /api/flops/nodes}). */
  public List<NodeView> nodes() {
    List<NodeView> nodes = new ArrayList<>();
    for (JsonNode node : http.get("api/flops/nodes")) {
      nodes.add(http.convert(node, NodeView.class));
    }
    return nodes;
  }

  /**
   * A fresh certificate for a data server an operator starts ({@code POST
   * /api/flops/nodes/data-server-certificate}, the admin only).
   */
  public DataServerCertificateView dataServerCertificate() {
    return http.convert(
        http.post("api/flops/nodes/data-server-certificate", null),
        DataServerCertificateView.class);
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

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
