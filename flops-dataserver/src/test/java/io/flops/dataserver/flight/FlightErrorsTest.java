package io.flops.dataserver.flight;

import static io.flops.common.testsupport.ProblemAssertions.assertAnswered;
import static org.assertj.core.api.Assertions.assertThat;

import io.flops.dataclient.DataServerException;
import io.flops.dataclient.NoDataException;
import io.flops.dataserver.store.DatasetNotFoundException;
import io.flops.dataserver.store.SchemaConflictException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.flight.FlightStatusCode;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The data side's rows of the error table: each exception's problem (what an API would answer) and
 * the Flight status the data server answers it with, both from its {@code ErrorKind}.
 */
class FlightErrorsTest {

  static Stream<Arguments> table() {
    Schema offered = new Schema(List.of(Field.nullable("a", new ArrowType.Int(64, true))));
    Schema held = new Schema(List.of(Field.nullable("b", new ArrowType.Int(64, true))));
    return Stream.of(
        Arguments.of(
            new DatasetNotFoundException("mnist.abc"),
            404,
            "Not Found",
            FlightStatusCode.NOT_FOUND),
        Arguments.of(
            new SchemaConflictException("mnist", offered, held),
            409,
            "Conflict",
            FlightStatusCode.INVALID_ARGUMENT),
        Arguments.of(
            new NoDataException(List.of("mnist"), "127.0.0.1:11027"),
            404,
            "Not Found",
            FlightStatusCode.NOT_FOUND),
        Arguments.of(
            new DataServerException("Data server 127.0.0.1:11027 sent a malformed put answer"),
            502,
            "Bad Gateway",
            FlightStatusCode.INTERNAL),
        Arguments.of(
            new UncheckedIOException("No space left on device", new IOException()),
            500,
            "Internal Server Error",
            FlightStatusCode.RESOURCE_EXHAUSTED));
  }

  @ParameterizedTest(name = "{2}: {0}")
  @MethodSource("table")
  void eachFailureHasItsProblemAndItsFlightStatus(
      RuntimeException failure, int status, String title, FlightStatusCode flight) {
    assertAnswered(failure, status, title);

    assertThat(FlightErrors.toFlight(failure).status().code()).isEqualTo(flight);
    assertThat(FlightErrors.toFlight(failure).status().description())
        .isEqualTo(failure.getMessage());
  }
}
