package io.flops.manager.api;

import static io.flops.common.testsupport.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.common.error.FieldError;
import io.flops.common.error.FlopsException;
import io.flops.common.image.registry.RegistryException;
import io.flops.common.observer.ObserverClientException;
import io.flops.common.orchestration.OrchestrationException;
import io.flops.common.sla.ProjectSla;
import io.flops.tracking.server.MlflowHttpException;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The manager's error table: each exception type a request can meet, thrown by a controller, is
 * answered through {@link ProblemHandler} with its status, title, type and a readable detail.
 * Outside systems (orchestrator, registry, MLflow, Git remote, observer) are 502, never 500.
 */
class ProblemHandlerTest {

  private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

  static Stream<Arguments> table() {
    return Stream.of(
        row(
            () ->
                FlopsException.invalidInput(
                    "The SLA is not valid.", List.of(new FieldError("/ml_repo_url", "required"))),
            400,
            "Bad Request"),
        row(
            () -> FlopsException.forbidden("Deleting the database needs the admin token."),
            403,
            "Forbidden"),
        row(() -> FlopsException.notFound("No project 'nope'."), 404, "Not Found"),
        row(() -> FlopsException.conflict("Project p-1 already ended."), 409, "Conflict"),
        row(() -> new BodyLimitFilter.BodyTooLargeException(1024), 413, "Payload Too Large"),
        row(
            () -> FlopsException.outsideFailure("Git remote https://host/repo.git is down.", null),
            502,
            "Bad Gateway"),
        row(
            () -> new OrchestrationException("Oakestra refused: no cluster has capacity."),
            502,
            "Bad Gateway"),
        row(
            () -> new RegistryException("Registry 127.0.0.1:5000 answered 503."),
            502,
            "Bad Gateway"),
        row(
            () -> new MlflowHttpException("MLflow at http://m:5000 did not answer.", 0, "", null),
            502,
            "Bad Gateway"),
        row(
            () -> new ObserverClientException("The project observer did not answer.", null),
            502,
            "Bad Gateway"),
        row(
            () ->
                new IllegalStateException("wrapped", new OrchestrationException("Docker is down.")),
            502,
            "Bad Gateway"),
        row(
            () -> new NullPointerException("Cannot invoke \"Object.toString()\""),
            500,
            "Internal Server Error"));
  }

  @ParameterizedTest(name = "{2}: {0}")
  @MethodSource("table")
  void everyExceptionIsAnsweredThroughTheOneTable(
      Supplier<Exception> failure, int status, String title) throws Exception {
    MockHttpServletResponse response =
        mvc(new Thrower(failure)).perform(get("/fail")).andReturn().getResponse();

    assertThat(response.getStatus()).isEqualTo(status);
    assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    assertProblem(problem(response), status, title);
  }

  @Test
  void invalidInputListsItsFieldErrors() throws Exception {
    Supplier<Exception> invalid =
        () ->
            FlopsException.invalidInput(
                "The SLA is not valid.", List.of(new FieldError("/ml_repo_url", "required")));

    ProblemDetail problem =
        problem(mvc(new Thrower(invalid)).perform(get("/fail")).andReturn().getResponse());

    assertThat(problem.getProperties().get("errors").toString())
        .contains("/ml_repo_url", "required");
  }

  @Test
  void malformedJsonIs400SayingWhere() throws Exception {
    MockHttpServletResponse response =
        mvc(new Thrower(() -> null))
            .perform(
                post("/sla")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"ml_model_flavor\": \"dl4j\",\n }"))
            .andReturn()
            .getResponse();

    ProblemDetail problem = problem(response);
    assertProblem(problem, 400, "Bad Request");
    assertThat(problem.getDetail()).contains("line 2");
  }

  @Test
  void aMissingBodyIs400AskingForOne() throws Exception {
    MockHttpServletResponse response =
        mvc(new Thrower(() -> null))
            .perform(post("/sla").contentType(MediaType.APPLICATION_JSON))
            .andReturn()
            .getResponse();

    ProblemDetail problem = problem(response);
    assertProblem(problem, 400, "Bad Request");
    assertThat(problem.getDetail()).isEqualTo("The request needs a JSON body.");
  }

  private static MockMvc mvc(Object controller) {
    return MockMvcBuilders.standaloneSetup(controller)
        .setControllerAdvice(new ProblemHandler())
        .build();
  }

  private static ProblemDetail problem(MockHttpServletResponse response) throws Exception {
    return JSON.readValue(response.getContentAsByteArray(), ProblemDetail.class);
  }

  private static Arguments row(Supplier<Exception> failure, int status, String title) {
    return Arguments.of(failure, status, title);
  }

  @RestController
  record Thrower(Supplier<Exception> failure) {
    @GetMapping("/fail")
    String fail() throws Exception {
      throw failure.get();
    }

    @PostMapping("/sla")
    String sla(@RequestBody ProjectSla sla) {
      return "read";
    }
  }
}
