package io.flops.manager.mock;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.flops.common.sla.MockDataSla;
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

  /** The answer to a new mock-data job. */
  public record Created(
      @JsonProperty("message") String message, @JsonProperty("mock_id") String id) {}

  @Operation(
      summary = "Push mock data to the learner nodes' data servers",
      description = "Validates the mock-data SLA, deploys one provider and answers at once.")
  @PostMapping(
      path = {"", "/"},
      consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Created> create(@RequestBody MockDataSla sla) {
    MockJob job = jobs.create(sla);
    return ResponseEntity.created(URI.create("/api/flops/mocks/" + job.id()))
        .body(new Created("Mock data provider deployed", job.id()));
  }

  @Operation(summary = "Show a mock-data job: state, pushed partitions and rows")
  @GetMapping(path = {"/{id}", "/{id}/"})
  public MockJob get(@PathVariable("id") String id) {
    return jobs.get(id);
  }
}
