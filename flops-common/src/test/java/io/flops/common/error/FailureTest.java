package io.flops.common.error;

import static io.flops.common.testsupport.ProblemAssertions.assertAnswered;
import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.image.registry.RegistryException;
import io.flops.common.observer.ObserverClientException;
import io.flops.common.orchestration.OrchestrationException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ProblemDetail;

/** The one error table: each exception type of flops-common to its status, title and detail. */
class FailureTest {

  static Stream<Arguments> table() {
    return Stream.of(
        row(FlopsException.invalidInput("The SLA is not valid.", List.of()), 400, "Bad Request"),
        row(FlopsException.forbidden("Only the admin may do this."), 403, "Forbidden"),
        row(FlopsException.notFound("No project p-1."), 404, "Not Found"),
        row(FlopsException.conflict("Project p-1 already ended."), 409, "Conflict"),
        row(FlopsException.outsideFailure("Git host down.", null), 502, "Bad Gateway"),
        row(
            new OrchestrationException("Oakestra refused the service: no capacity."),
            502,
            "Bad Gateway"),
        row(new RegistryException("Registry 127.0.0.1:5000 answered 500."), 502, "Bad Gateway"),
        row(
            new ObserverClientException("The project observer at http://o did not answer.", null),
            502,
            "Bad Gateway"),
        row(
            new IllegalStateException("wrapped", new RegistryException("Registry r is down.")),
            502,
            "Bad Gateway"),
        row(
            new NullPointerException("Cannot invoke \"String.length()\""),
            500,
            "Internal Server Error"),
        row(
            new IllegalStateException("java.lang.IllegalStateException: x"),
            500,
            "Internal Server Error"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("table")
  void everyExceptionIsAnsweredThroughTheTable(Throwable failure, int status, String title) {
    assertAnswered(failure, status, title);
  }

  @Test
  void outsideFailuresAreOfTheirKindAndKeepTheirSentence() {
    OrchestrationException refused = new OrchestrationException("No cluster has capacity.");

    assertThat(refused).isInstanceOf(FlopsException.class);
    assertThat(Failure.of(refused))
        .isEqualTo(new Failure(ErrorKind.OUTSIDE_FAILURE, "No cluster has capacity.", List.of()));
  }

  @Test
  void anUnexpectedFailureTellsNothingAboutItsInside() {
    assertThat(Failure.of(new IllegalStateException("secret internals")).detail())
        .isEqualTo(Failure.UNEXPECTED);
  }

  @Test
  void invalidInputCarriesItsFieldErrors() {
    FieldError field = new FieldError("/training_configuration/min_fit_clients", "must be >= 1");

    ProblemDetail problem =
        assertAnswered(
            FlopsException.invalidInput("The SLA is not valid.", List.of(field)),
            400,
            "Bad Request");

    assertThat(problem.getType()).hasToString("urn:flops:problem:invalid-input");
    assertThat(problem.getProperties()).containsEntry("errors", List.of(field));
  }

  @Test
  void aViolatedParameterConstraintIsInvalidInputNamingTheParameter() {
    Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
    var violations = validator.validate(new Query(-1));

    ProblemDetail problem =
        assertAnswered(new ConstraintViolationException(violations), 400, "Bad Request");

    assertThat(problem.getDetail()).contains("since", "greater than or equal to 0");
  }

  @Test
  void everyKindHasItsOwnStatusAndType() {
    assertThat(Stream.of(ErrorKind.values()).map(ErrorKind::status).distinct())
        .hasSize(ErrorKind.values().length);
    assertThat(ErrorKind.OUTSIDE_FAILURE.type()).hasToString("urn:flops:problem:outside-failure");
  }

  private static Arguments row(Throwable failure, int status, String title) {
    return Arguments.of(failure, status, title);
  }

  private record Query(@PositiveOrZero long since) {}
}
