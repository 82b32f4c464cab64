package io.flops.manager.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.common.error.Failure;
import io.flops.common.error.FlopsException;
import io.flops.common.error.web.ProblemDetails;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request to {@code /api/**} through only with a known bearer token ({@link AccessTokens})
 * and hands the controllers its {@link Caller}; anything else is a 401 problem with {@code
 * WWW-Authenticate: Bearer}. {@code GET /}, the API docs and {@code /actuator/health} stay open.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class AccessFilter extends OncePerRequestFilter {

  /** The request attribute holding the {@link Caller}. */
  public static final String CALLER = AccessFilter.class.getName() + ".caller";

  private static final String BEARER = "Bearer ";

  private final AccessTokens tokens;
  private final ObjectMapper json;

  public AccessFilter(AccessTokens tokens, ObjectMapper json) {
    this.tokens = tokens;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Caller> caller = tokens.resolve(bearer(request.getHeader(HttpHeaders.AUTHORIZATION)));
    if (caller.isEmpty()) {
      refuse(request, response);
      return;
    }
    request.setAttribute(CALLER, caller.get());
    chain.doFilter(request, response);
  }

  private static String bearer(String authorization) {
    return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
        ? authorization.substring(BEARER.length())
        : null;
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    boolean sent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
    ProblemDetail problem =
        ProblemDetails.of(
            Failure.of(
                FlopsException.unauthorized(
                    sent
                        ? "The bearer token is not known to this manager (revoked, or of another"
                            + " manager)."
                        : "Send Authorization: Bearer <token>: the admin token (flops.admin-token"
                            + " or <flops.data-dir>/admin-token) or a customer's token from POST"
                            + " /api/flops/customers.")));
    problem.setInstance(URI.create(request.getRequestURI()));
    response.setStatus(problem.getStatus());
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"flops\"");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
