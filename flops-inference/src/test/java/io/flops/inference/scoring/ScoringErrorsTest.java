package io.flops.inference.scoring;

import static io.flops.common.testsupport.ProblemAssertions.assertReadable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.common.error.FlopsException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inference server's rows of the error table: status and title from the FLOps table, plus
 * MLflow's {@code error_code} and {@code message}.
 */
class ScoringErrorsTest {

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of(
            (Supplier<RuntimeException>) () -> new InvalidInputException("Row 1 has 783 values."),
            400,
            "Bad Request",
            "BAD_REQUEST"),
        Arguments.of(
            (Supplier<RuntimeException>) () -> new BatchTooLargeException(20_000, 10_000),
            413,
            "Payload Too Large",
            "BAD_REQUEST"),
        Arguments.of(
            (Supplier<RuntimeException>)
                () -> FlopsException.outsideFailure("The model store did not answer.", null),
            502,
            "Bad Gateway",
            "INTERNAL_ERROR"),
        Arguments.of(
            (Supplier<RuntimeException>) () -> new ArrayIndexOutOfBoundsException(7),
            500,
            "Internal Server Error",
            "INTERNAL_ERROR"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("table")
  void everyFailureIsAProblemWithMlflowsFields(
      Supplier<RuntimeException> failure, int status, String title, String errorCode)
      throws Exception {
    JsonNode problem = answer(failure, status);

    assertThat(problem.path("title").asText()).isEqualTo(title);
    assertThat(problem.path("type").asText()).startsWith("urn:flops:problem:");
    assertThat(problem.path("error_code").asText()).isEqualTo(errorCode);
    assertThat(problem.path("message").asText()).isEqualTo(problem.path("detail").asText());
    assertReadable(problem.path("detail").asText());
  }

  private static JsonNode answer(Supplier<RuntimeException> failure, int status) throws Exception {
    MockHttpServletResponse response =
        MockMvcBuilders.standaloneSetup(new Thrower(failure))
            .setControllerAdvice(new ScoringErrors())
            .build()
            .perform(get("/fail"))
            .andReturn()
            .getResponse();
    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    return new ObjectMapper().readTree(response.getContentAsByteArray());
  }

  @RestController
  record Thrower(Supplier<RuntimeException> failure) {
    @GetMapping("/fail")
    String fail() {
      throw failure.get();
    }
  }
}
