package io.flops.manager.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.common.error.ClassifiedError;
import io.flops.common.error.ErrorKind;
import io.flops.common.error.web.ProblemDetails;
import io.flops.manager.config.LifecycleProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code flops.lifecycle.max-body-bytes} with 413: at once when the
 * Content-Length says so, else while the body is read.
 */
@Component
public class BodyLimitFilter extends OncePerRequestFilter {

  private final long limit;
  private final ObjectMapper json;

  public BodyLimitFilter(LifecycleProperties properties, ObjectMapper json) {
    this.limit = properties.getMaxBodyBytes();
    this.json = json;
  }

  /** A body went past the limit ({@link ErrorKind#TOO_LARGE}). */
  public static class BodyTooLargeException extends IOException implements ClassifiedError {
    BodyTooLargeException(long limit) {
      super("The request body is larger than the limit of " + limit + " bytes.");
    }

    @Override
    public ErrorKind kind() {
      return ErrorKind.TOO_LARGE;
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      ProblemDetail body = ProblemDetails.of(new BodyTooLargeException(limit));
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setHeader("Connection", "close");
      json.writeValue(response.getOutputStream(), body);
      return;
    }
    chain.doFilter(new Limited(request, limit), response);
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long count;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++count > limit) {
            throw new BodyTooLargeException(limit);
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          if (n > 0 && (count += n) > limit) {
            throw new BodyTooLargeException(limit);
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
