package io.flops.inference.access;

import io.flops.common.access.BearerToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request through only with the server's token as {@code Authorization: Bearer <token>};
 * anything else is a 401 problem. Health ({@code /ping}, {@code /health}, {@code /actuator/health})
 * stays open, so platforms and the manager see whether the model is loaded.
 */
final class InvocationTokenFilter extends OncePerRequestFilter {

  private static final Set<String> OPEN = Set.of("/ping", "/health", "/actuator/health");

  private final BearerToken token;

  InvocationTokenFilter(String token) {
    this.token = new BearerToken(token);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI();
    return OPEN.contains(path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (token.matches(BearerToken.presented(request.getHeader(HttpHeaders.AUTHORIZATION)))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response
        .getOutputStream()
        .write(
            BearerToken.unauthorizedProblem(
                "This inference server needs its token as 'Authorization: Bearer <token>': take"
                    + " inference_token from the project view."));
  }
}
