package io.flops.inference.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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

  private static final String BEARER = "Bearer ";
  private static final Set<String> OPEN = Set.of("/ping", "/health", "/actuator/health");

  private final byte[] token;

  InvocationTokenFilter(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
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
    if (matches(request.getHeader(HttpHeaders.AUTHORIZATION))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response
        .getOutputStream()
        .write(
            ("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"This inference server needs"
                    + " its token as 'Authorization: Bearer <token>': take inference_token from"
                    + " the project view.\"}")
                .getBytes(StandardCharsets.UTF_8));
  }

  private boolean matches(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    byte[] presented =
        authorization.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(token, presented);
  }
}
