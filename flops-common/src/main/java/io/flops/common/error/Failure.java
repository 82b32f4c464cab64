package io.flops.common.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;

/**
 * What a caller is told about a failure (rendered as an RFC 7807 problem): its {@link ErrorKind}
 * (hence status, title and type) and one readable sentence. {@link #of(Throwable)} is the one table
 * from exceptions to problems that every FLOps API uses: a {@link ClassifiedError} (also as the
 * cause of another exception) answers with its kind and message, a violated parameter constraint is
 * invalid input, and anything else is {@link ErrorKind#INTERNAL} with a sentence that leaks neither
 * a class name nor a stack trace.
 *
 * @param kind what kind of failure it is
 * @param detail one readable sentence: what failed and what to do
 * @param errors the invalid fields for {@link ErrorKind#INVALID_INPUT}, else empty
 */
public record Failure(ErrorKind kind, String detail, List<FieldError> errors) {

  /** The detail of a failure that is not classified. */
  public static final String UNEXPECTED =
      "The server failed unexpectedly while answering this request; its log has the details.";

  public Failure {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** The problem to report for {@code failure}. */
  public static Failure of(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ClassifiedError classified) {
        return new Failure(classified.kind(), detail(cause), classified.fieldErrors());
      }
      if (cause instanceof ConstraintViolationException violations) {
        return invalidParameters(violations);
      }
    }
    return new Failure(ErrorKind.INTERNAL, UNEXPECTED, List.of());
  }

  private static String detail(Throwable classified) {
    String message = classified.getMessage();
    return message == null || message.isBlank()
        ? ((ClassifiedError) classified).kind().title() + "."
        : message;
  }

  private static Failure invalidParameters(ConstraintViolationException e) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError("", parameter(v) + " " + v.getMessage()))
            .sorted(Comparator.comparing(FieldError::message))
            .toList();
    String detail =
        "Invalid request parameters: "
            + String.join("; ", errors.stream().map(FieldError::message).toList())
            + ".";
    return new Failure(ErrorKind.INVALID_INPUT, detail, errors);
  }

  private static String parameter(ConstraintViolation<?> violation) {
    String name = "";
    for (Path.Node node : violation.getPropertyPath()) {
      name = node.getName() == null ? name : node.getName();
    }
    return name;
  }
}
