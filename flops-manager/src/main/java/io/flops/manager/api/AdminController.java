package io.flops.manager.api;

import io.flops.common.api.ApiMessage;
import io.flops.common.error.FlopsException;
import io.flops.manager.access.Caller;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.lifecycle.ProjectService;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The original's root and database-reset endpoints. */
@RestController
public class AdminController {

  private final ProjectService projects;
  private final FlopsProperties properties;

  public AdminController(ProjectService projects, FlopsProperties properties) {
    this.projects = projects;
    this.properties = properties;
  }

  @Operation(summary = "Liveness, as in the original")
  @GetMapping("/")
  public ApiMessage root() {
    return ApiMessage.OK;
  }

  @Operation(
      summary = "Cancel every project and delete all projects and observatories",
      description = "Needs the admin token; 403 for a customer's.")
  @DeleteMapping(path = {"/api/flops/database", "/api/flops/database/"})
  public ApiMessage resetDatabase(Caller caller) {
    if (!caller.isAdmin()) {
      throw FlopsException.forbidden("Only the admin may reset the database.");
    }
    projects.resetDatabase();
    return new ApiMessage("Successfully reset the database.");
  }
}
