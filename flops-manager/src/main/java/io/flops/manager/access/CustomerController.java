package io.flops.manager.access;

import io.flops.common.api.ApiMessage;
import io.flops.common.api.CustomerTokenIssued;
import io.flops.common.api.CustomerTokenRequest;
import io.flops.common.error.FieldError;
import io.flops.common.error.FlopsException;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin's customers: an API token per customer, shown once, and its revocation. */
@RestController
@RequestMapping("/api/flops/customers")
public class CustomerController {

  private final AccessTokens tokens;

  public CustomerController(AccessTokens tokens) {
    this.tokens = tokens;
  }

  @Operation(
      summary = "Create an API token for a customer (admin only)",
      description =
          "The token is shown once; the manager keeps only its hash. The customer sends it as"
              + " Authorization: Bearer <token> and sees and acts on only their own projects.")
  @PostMapping(path = {"", "/"})
  public ResponseEntity<CustomerTokenIssued> create(
      @RequestBody CustomerTokenRequest body, Caller caller) {
    requireAdmin(caller);
    String customer = body == null ? null : body.customerId();
    if (customer == null || !Caller.CUSTOMER_ID.matcher(customer).matches()) {
      throw FlopsException.invalidInput(
          "customer_id must be 1 to 64 letters, digits, '_', '.' or '-'.",
          List.of(new FieldError("/customer_id", "1 to 64 letters, digits, '_', '.' or '-'")));
    }
    return ResponseEntity.created(URI.create("/api/flops/customers/" + customer))
        .body(new CustomerTokenIssued(customer, tokens.create(customer)));
  }

  @Operation(summary = "Revoke every token of a customer (admin only)")
  @DeleteMapping(path = {"/{id}", "/{id}/"})
  public ApiMessage revoke(@PathVariable("id") String customer, Caller caller) {
    requireAdmin(caller);
    int revoked = tokens.revoke(customer);
    if (revoked == 0) {
      throw FlopsException.notFound("Customer " + customer + " has no tokens.");
    }
    return new ApiMessage("Revoked " + revoked + " token(s) of customer " + customer + ".");
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw FlopsException.forbidden("Only the admin manages customers' tokens.");
    }
  }
}
