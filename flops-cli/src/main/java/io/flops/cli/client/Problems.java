package io.flops.cli.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.api.Problem;
import io.flops.common.error.FieldError;
import java.util.List;

/** Turns an RFC 7807 problem answer (docs/api.md, "Errors") into one sentence. */
final class Problems {

  private Problems() {}

  static String describe(JsonNode answer) {
    Problem problem = read(answer);
    String detail = problem == null ? null : problem.detail();
    if (detail == null) {
      detail = text(answer, "message");
    }
    if (detail == null) {
      detail = answer.isEmpty() ? "no details" : answer.toString();
    }
    List<String> fields =
        problem == null ? List.of() : problem.errors().stream().map(Problems::describe).toList();
    return fields.isEmpty() ? detail : detail + " (" + String.join("; ", fields) + ")";
  }

  private static String describe(FieldError error) {
    return error.pointer() + ": " + error.message();
  }

  /** The answer as a problem, or null when it is not one (e.g. a proxy's own error page). */
  private static Problem read(JsonNode answer) {
    try {
      return answer.isObject() ? Json.MAPPER.treeToValue(answer, Problem.class) : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
