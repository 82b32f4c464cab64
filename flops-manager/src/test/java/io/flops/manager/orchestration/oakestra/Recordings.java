package io.flops.manager.orchestration.oakestra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The recorded Oakestra exchanges (copied from shared/reference/oakestra into test resources), and
 * service documents derived from the recorded RUNNING one for other names, ids and states.
 */
final class Recordings {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String APP_ID = "66f1a2b4c4d5e6f708192a40";
  static final String LEARNER_ID = "66f1a2b5c4d5e6f708192a41";
  static final String USER_ID = "66f1a2b3c4d5e6f708192a3b";

  private Recordings() {}

  static String text(String resource) {
    try (InputStream in = Recordings.class.getResourceAsStream("/oakestra/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("No test resource oakestra/" + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String resource) {
    try {
      return JSON.readTree(text(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The raw response body of a recorded WireMock mapping. */
  static String responseBody(String mapping) {
    return json("wiremock/mappings/" + mapping).path("response").path("body").asText();
  }

  /**
   * The recorded RUNNING service document rewritten for {@code name}/{@code id} with one instance
   * per entry of {@code instanceStates} (none: registered, no status yet), double-encoded as
   * Oakestra sends it.
   */
  static String serviceDocument(
      String id, String name, String serviceStatus, String... instanceStates) {
    try {
      ObjectNode doc =
          (ObjectNode)
              JSON.readTree(JSON.readTree(responseBody("14_service_get_running.json")).asText());
      JsonNode recordedInstance = doc.path("instance_list").path(0);
      doc.put("microserviceID", id).put("microservice_name", name).put("service_name", name);
      doc.put("job_name", "proj1a2b3c.proj." + name + ".svc");
      doc.putObject("_id").put("$oid", id);
      ArrayNode instances = doc.putArray("instance_list");
      for (int i = 0; i < instanceStates.length; i++) {
        ObjectNode instance = recordedInstance.deepCopy();
        instance.put("instance_number", i).put("status", instanceStates[i]);
        if (instanceStates[i].equals("FAILED")) {
          instance.put("status_detail", "exit code 1");
        }
        instances.add(instance);
      }
      doc.put("next_instance_progressive_number", instanceStates.length);
      if (serviceStatus == null) {
        doc.remove("status");
        doc.remove("status_detail");
      } else {
        doc.put("status", serviceStatus);
      }
      return JSON.writeValueAsString(JSON.writeValueAsString(doc));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
