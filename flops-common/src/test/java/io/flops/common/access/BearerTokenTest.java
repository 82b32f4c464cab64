package io.flops.common.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BearerTokenTest {

  @Test
  void onlyTheServersOwnTokenAsABearerHeaderMatches() {
    BearerToken token = new BearerToken("s3cret");

    assertThat(token.matches(BearerToken.presented("Bearer s3cret"))).isTrue();
    assertThat(token.matches(BearerToken.presented("bearer  s3cret "))).isTrue();
    assertThat(token.matches(BearerToken.presented("Bearer s3cret2"))).isFalse();
    assertThat(token.matches(BearerToken.presented("Basic s3cret"))).isFalse();
    assertThat(token.matches(BearerToken.presented(null))).isFalse();
    assertThat(token.matches("")).isFalse();
  }

  @Test
  void theProblemIsJsonWhateverTheDetailHolds() throws Exception {
    var problem =
        new ObjectMapper().readTree(BearerToken.unauthorizedProblem("send \"the\" token \\ here"));

    assertThat(problem.get("status").asInt()).isEqualTo(401);
    assertThat(problem.get("detail").asText()).isEqualTo("send \"the\" token \\ here");
  }
}
