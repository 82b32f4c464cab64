package io.flops.manager.orchestration.oakestra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.flops.common.orchestration.OrchestrationException;

/**
 * Reads Oakestra's three body styles (API.md §0) with one tolerant decoder: parse the JSON; when
 * the result is a JSON string, parse its content again. The Content-Type is ignored.
 */
final class OakestraJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private OakestraJson() {}

  static JsonNode decode(String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      return node.isTextual() ? MAPPER.readTree(node.textValue()) : node;
    } catch (JsonProcessingException e) {
      throw new OrchestrationException(
          "Oakestra answered with a body that is not JSON: " + abbreviate(body), false, e);
    }
  }

  static String encode(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A document's id: {@code _id} as a plain string or {@code {"$oid": ...}}. */
  static String id(JsonNode document) {
    JsonNode id = document.path("_id");
    return id.isObject() ? id.path("$oid").asText() : id.asText();
  }

  static String abbreviate(String text) {
    String trimmed = text.trim();
    return trimmed.length() > 300 ? trimmed.substring(0, 300) + "..." : trimmed;
  }
}
