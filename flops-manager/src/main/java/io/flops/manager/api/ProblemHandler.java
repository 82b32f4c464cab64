package io.flops.manager.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.flops.common.error.ClassifiedError;
import io.flops.common.error.web.ProblemAdvice;
import io.flops.common.sla.SlaJson;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The manager's RFC 7807 problems: every error through the FLOps table ({@link Problem}, see {@link
 * ProblemAdvice}), and a JSON body that cannot be read as a 400 that says where (line, column, JSON
 * pointer). Bad input never yields a 5xx.
 */
@RestControllerAdvice
public class ProblemHandler extends ProblemAdvice {

  @Override
  protected Throwable unreadable(HttpMessageNotReadableException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof ClassifiedError) {
        return cause;
      }
      if (cause instanceof JsonProcessingException json) {
        return SlaJson.describe(json);
      }
    }
    return super.unreadable(e);
  }
}
