package io.flops.common.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.error.web.ProblemDetails;
import org.springframework.http.ProblemDetail;

/**
 * The checks every row of an error table passes: the status and title the FLOps table gives, a
 * {@code urn:flops:problem:} type, and a detail that is a readable sentence (no stack trace, no
 * class or package name).
 */
public final class ProblemAssertions {

  private ProblemAssertions() {}

  /** Asserts how {@code failure} is answered, and returns the problem for further checks. */
  public static ProblemDetail assertAnswered(Throwable failure, int status, String title) {
    ProblemDetail problem = ProblemDetails.of(failure);
    assertProblem(problem, status, title);
    return problem;
  }

  /** Asserts status, title, type and a readable detail of {@code problem}. */
  public static void assertProblem(ProblemDetail problem, int status, String title) {
    assertThat(problem.getStatus()).as("status").isEqualTo(status);
    assertThat(problem.getTitle()).as("title").isEqualTo(title);
    assertThat(problem.getType().toString()).as("type").startsWith("urn:flops:problem:");
    assertReadable(problem.getDetail());
  }

  /** Asserts that {@code detail} is one readable sentence for a person, not a trace. */
  public static void assertReadable(String detail) {
    assertThat(detail)
        .as("detail")
        .isNotBlank()
        .doesNotContain("Exception", "\tat ", "\n")
        .doesNotContainPattern("\\b(java|javax|jakarta|org|com|io\\.flops)\\.[a-z]+\\.[A-Za-z]");
  }
}
