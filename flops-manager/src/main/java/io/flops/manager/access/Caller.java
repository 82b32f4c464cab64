package io.flops.manager.access;

import io.flops.common.error.FlopsException;
import java.util.regex.Pattern;

/**
 * Who sent a request, as its bearer token says: the admin, who may act for any customer, or one
 * customer, who sees and acts on only their own projects, mock-data jobs and tracking.
 *
 * @param customerId the customer, or null for the admin
 */
public record Caller(String customerId) {

  /** The admin. */
  public static final Caller ADMIN = new Caller(null);

  /** What a customer id is: 1 to 64 letters, digits, {@code _}, {@code .} or {@code -}. */
  public static final Pattern CUSTOMER_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /** Whether this is the admin. */
  public boolean isAdmin() {
    return customerId == null;
  }

  /** Whether this caller may see what belongs to {@code customer}. */
  public boolean sees(String customer) {
    return isAdmin() || customerId.equals(customer);
  }

  /**
   * The customer a request acts for: the one it names ({@code requested}, null when it names none)
   * for the admin; the caller itself for a customer, who may name only themselves.
   *
   * @throws FlopsException (403) when a customer names another customer
   */
  public String actingFor(String requested) {
    if (isAdmin() || requested == null || requested.equals(customerId)) {
      return isAdmin() ? requested : customerId;
    }
    throw FlopsException.forbidden(
        "The token of customer "
            + customerId
            + " may not act for customer "
            + requested
            + "; leave customerID out or use that customer's token.");
  }
}
