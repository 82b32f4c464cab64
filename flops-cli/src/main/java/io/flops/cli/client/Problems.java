package io.flops.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Turns an RFC 7807 problem answer (docs/api.md, "Errors") into one sentence. */
final class Problems {

  private Problems() {}

  static String describe(JsonNode answer) {
    String detail = text(answer, "detail");
    if (detail == null) {
      detail = text(answer, "message");
    }
    if (detail == null) {
      detail = answer.isEmpty() ? "no details" : answer.toString();
    }
    List<String> fields = new ArrayList<>();
    for (JsonNode error : answer.path("errors")) {
      fields.add(error.path("pointer").asText() + ": " + error.path("message").asText());
    }
    return fields.isEmpty() ? detail : detail + " (" + String.join("; ", fields) + ")";
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
