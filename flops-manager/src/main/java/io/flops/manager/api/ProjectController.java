package io.flops.manager.api;

import io.flops.common.api.ListPaging;
import io.flops.common.api.ProjectCreated;
import io.flops.common.api.ProjectState;
import io.flops.common.api.ProjectSummary;
import io.flops.common.api.ProjectView;
import io.flops.common.sla.ProjectSla;
import io.flops.manager.access.Caller;
import io.flops.manager.deploy.WebServers;
import io.flops.manager.lifecycle.ProjectService;
import io.flops.manager.mqtt.ServiceLaunches;
import io.flops.manager.project.Project;
import io.flops.manager.project.ProjectCursor;
import io.flops.manager.project.ProjectPage;
import io.flops.manager.project.ServiceRole;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** FLOps projects: the original's POST plus list (a page at a time), show and cancel. */
@Validated
@RestController
@RequestMapping("/api/flops/projects")
public class ProjectController {

  private final ProjectService projects;
  private final ServiceLaunches launches;
  private final WebServers web;

  public ProjectController(ProjectService projects, ServiceLaunches launches, WebServers web) {
    this.projects = projects;
    this.launches = launches;
    this.web = web;
  }

  @Operation(
      summary = "Start a new FLOps project",
      description =
          "Validates the SLA and answers at once; the project then runs asynchronously. The"
              + " project belongs to the caller's customer; the admin may name any customer"
              + " (customerID in the body, or as a query parameter, which wins over the body).")
  @PostMapping(
      path = {"", "/"},
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<ProjectCreated> create(
      @RequestBody ProjectSla sla,
      @Parameter(description = "the customer, instead of the body's customerID")
          @RequestParam(name = "customerID", required = false)
          String customerId,
      Caller caller) {
    String named =
        customerId != null
            ? customerId
            : ProjectSla.DEFAULT_CUSTOMER.equals(sla.customerId()) ? null : sla.customerId();
    String customer = caller.actingFor(named);
    ProjectSla effective = customer == null ? sla : sla.withCustomerId(customer);
    Project project = projects.create(effective);
    return ResponseEntity.created(URI.create("/api/flops/projects/" + project.getId()))
        .body(new ProjectCreated("New FLOps project started successfully", project.getId()));
  }

  @Operation(
      summary = "List projects, newest first, optionally by customer and state, a page at a time",
      description =
          "A customer lists only their own projects. The body is one page; when more follow, the"
              + " Link header's rel=\"next\" URL answers the next one. X-Total-Count says how"
              + " many projects match the filters.")
  @GetMapping(path = {"", "/"})
  public ResponseEntity<List<ProjectSummary>> list(
      @RequestParam(name = "customerID", required = false) String customerId,
      @RequestParam(name = "state", required = false) ProjectState state,
      @Parameter(description = "the most projects on the page")
          @RequestParam(name = ListPaging.LIMIT, defaultValue = "" + ListPaging.DEFAULT_LIMIT)
          @Min(1)
          @Max(ListPaging.MAX_LIMIT)
          int limit,
      @Parameter(description = "where the page starts, from the previous page's next link")
          @RequestParam(name = ListPaging.CURSOR, required = false)
          String cursor,
      Caller caller) {
    ProjectPage page = projects.list(caller.actingFor(customerId), state, cursor, limit);
    ResponseEntity.BodyBuilder answer =
        ResponseEntity.ok().header(ListPaging.TOTAL_COUNT, Long.toString(page.total()));
    if (page.next() != null) {
      answer.header(ListPaging.LINK, ListPaging.nextLink(nextPage(page.next())));
    }
    return answer.body(page.projects().stream().map(ProjectViews::summary).toList());
  }

  @Operation(summary = "Show a project: SLA, state, timeline, services, images and results")
  @GetMapping(path = {"/{id}", "/{id}/"})
  public ProjectView get(@PathVariable("id") String id, Caller caller) {
    Project project = projects.get(id, caller);
    return ProjectViews.view(project, observerUrl(project), inferenceToken(project));
  }

  @Operation(summary = "Cancel a project: undeploy everything it started; state CANCELLED")
  @DeleteMapping(path = {"/{id}", "/{id}/"})
  public ProjectView cancel(@PathVariable("id") String id, Caller caller) {
    return ProjectViews.view(projects.cancel(id, caller), null, null);
  }

  /** This request's URL with the cursor of the next page: its other parameters stay as sent. */
  private static URI nextPage(ProjectCursor next) {
    return ServletUriComponentsBuilder.fromCurrentRequest()
        .replaceQueryParam(ListPaging.CURSOR, next.encode())
        .build(true)
        .toUri();
  }

  /**
   * The URL of the project's observer while it is deployed (as the watchdog found it), with its
   * read token in the fragment, which browsers never send to a server; else null. Only the
   * project's owner and the admin see a project at all.
   */
  private String observerUrl(Project project) {
    return project
        .liveOne(ServiceRole.OBSERVER)
        .map(o -> project.getObserverUrl())
        .map(url -> url + "#token=" + launches.observerReadToken(project.getId()))
        .orElse(null);
  }

  /**
   * The token of the project's inference server while it is deployed and needs one ({@code
   * flops.inference.token-required}); else null. Only the project's owner and the admin see it.
   */
  private String inferenceToken(Project project) {
    return web.inferenceToken(project).orElse(null);
  }
}
