package io.flops.manager.api;

import io.flops.common.api.ApiMessage;
import io.flops.common.error.FlopsException;
import io.flops.manager.config.FlopsProperties;
import io.flops.manager.lifecycle.ProjectService;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
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
      description = "Needs `Authorization: Bearer <flops.admin-token>`; 403 otherwise.")
  @DeleteMapping(path = {"/api/flops/database", "/api/flops/database/"})
  public ApiMessage resetDatabase(
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
    if (!isAdmin(authorization)) {
      throw FlopsException.forbidden(
          "Only an admin may reset the database: send Authorization: Bearer <flops.admin-token>.");
    }
    projects.resetDatabase();
    return new ApiMessage("Successfully reset the database.");
  }

  private boolean isAdmin(String authorization) {
    String token = properties.getAdminToken();
    if (token.isBlank() || authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(
        token.getBytes(StandardCharsets.UTF_8),
        authorization.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8));
  }
}
