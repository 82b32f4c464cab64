package io.flops.manager.tracking;

import io.flops.common.api.TrackingView;
import io.flops.common.error.FieldError;
import io.flops.common.error.FlopsException;
import io.flops.manager.access.Caller;
import io.flops.manager.deploy.TrackingServers;
import io.flops.tracking.TrackingLocation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a customer looks at their experiments, as the original's {@code GET /api/flops/tracking}:
 * the MLflow server's URL, or the file store's directory and the {@code mlflow ui} command that
 * opens it.
 */
@RestController
@RequestMapping("/api/flops/tracking")
public class TrackingController {

  private final TrackingServers trackingServers;

  public TrackingController(TrackingServers trackingServers) {
    this.trackingServers = trackingServers;
  }

  @Operation(
      summary = "Where the customer's experiments are tracked",
      description =
          "customerID may be given as a query parameter or in a JSON body, as in the original;"
              + " the query parameter wins. A customer's token sees only its own.")
  @GetMapping(path = {"", "/"})
  public TrackingView tracking(
      @Parameter(description = "the customer") @RequestParam(name = "customerID", required = false)
          String customerId,
      @RequestBody(required = false) Map<String, Object> body,
      Caller caller) {
    String named = customerId;
    if (named == null && body != null && body.get("customerID") != null) {
      named = String.valueOf(body.get("customerID"));
    }
    String customer = caller.actingFor(named);
    if (customer == null && trackingServers.deploysServers()) {
      throw FlopsException.invalidInput(
          "customerID is required: each customer has their own tracking server.",
          List.of(new FieldError("/customerID", "is required")));
    }
    TrackingLocation location = trackingServers.userLocation(customer);
    return new TrackingView(
        customer, location.kind(), location.url(), location.storeDirectory(), location.uiCommand());
  }
}
