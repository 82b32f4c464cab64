package io.flops.observer.web;

import io.flops.common.access.BearerToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request to {@code /api/**} through only with the observer's read token, as {@code
 * Authorization: Bearer <token>} or, for browsers' event streams, {@code ?token=<token>}; anything
 * else is a 401. The page itself (which holds no events) and health stay open; the page takes the
 * token from its URL's fragment ({@code #token=...}, which browsers never send to a server).
 */
final class ReadTokenFilter extends OncePerRequestFilter {

  private final BearerToken token;

  ReadTokenFilter(String token) {
    this.token = new BearerToken(token);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (token.matches(presented(request))) {
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
                "This observer's events need its read token: open the observer URL of the project"
                    + " view."));
  }

  private static String presented(HttpServletRequest request) {
    String header = BearerToken.presented(request.getHeader(HttpHeaders.AUTHORIZATION));
    return header != null ? header : request.getParameter("token");
  }
}
