package io.flops.manager.mock;

import io.flops.common.api.MockJobCreated;
import io.flops.common.api.MockJobView;
import io.flops.common.error.FlopsException;
import io.flops.common.sla.MockDataSla;
import io.flops.common.sla.ProjectSla;
import io.flops.manager.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Mock data for learner nodes: the original's {@code POST /api/flops/mocks} plus its status. */
@RestController
@RequestMapping("/api/flops/mocks")
public class MockController {

  private final MockJobService jobs;

  public MockController(MockJobService jobs) {
    this.jobs = jobs;
  }

  @Operation(
      summary = "Push mock data to the learner nodes' data servers",
      description = "Validates the mock-data SLA, deploys one provider and answers at once.")
  @PostMapping(
      path = {"", "/"},
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<MockJobCreated> create(@RequestBody MockDataSla sla, Caller caller) {
    String named = ProjectSla.DEFAULT_CUSTOMER.equals(sla.customerId()) ? null : sla.customerId();
    String customer = caller.actingFor(named);
    MockJob job =
        jobs.create(
            customer == null ? sla : new MockDataSla(customer, sla.mockDataConfiguration()));
    return ResponseEntity.created(URI.create("/api/flops/mocks/" + job.id()))
        .body(new MockJobCreated("Mock data provider deployed", job.id()));
  }

  @Operation(summary = "Show a mock-data job: state, pushed partitions and rows")
  @GetMapping(path = {"/{id}", "/{id}/"})
  public MockJobView get(@PathVariable("id") String id, Caller caller) {
    MockJob job = jobs.get(id);
    if (!caller.sees(job.customerId())) {
      throw FlopsException.notFound("There is no mock data job " + id + ".");
    }
    return view(job);
  }

  /** The API's view of a stored job. */
  static MockJobView view(MockJob job) {
    return new MockJobView(
        job.id(),
        job.customerId(),
        job.configuration(),
        job.deploymentId(),
        job.state(),
        job.pushedPartitions(),
        job.rows(),
        job.failureReason(),
        job.createdAt(),
        job.updatedAt());
  }
}
