package io.flops.manager.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flops.common.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-project broker identities on Mosquitto, through its dynamic-security plugin: the manager,
 * connected as a dynamic-security admin, creates for each project (or mock-data job) a role that
 * may publish component reports and its own observer stream and read only that stream, and a client
 * {@code flops-svc-<id>} with that role and the password {@link BrokerIdentities} derives; it
 * deletes both once nothing of the project runs any more ({@link #revoke}). The same rules as the
 * embedded broker's ({@link BrokerIdentity}), enforced by Mosquitto.
 */
public final class MosquittoDynamicSecurity implements ServiceCredentials, AutoCloseable {

  /** Where dynamic-security commands go. */
  static final String REQUESTS = "$CONTROL/dynamic-security/v1";

  /** Where Mosquitto answers them. */
  static final String RESPONSES = REQUESTS + "/response";

  private static final Logger log = LoggerFactory.getLogger(MosquittoDynamicSecurity.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final BrokerIdentities identities;
  private final MqttClient client;
  private final Set<String> registered = ConcurrentHashMap.newKeySet();
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  /**
   * Connects to {@code endpoint} with the manager's credential, which must be a dynamic-security
   * admin.
   *
   * @throws IllegalStateException naming the broker when it cannot connect or subscribe
   */
  public MosquittoDynamicSecurity(
      MqttEndpoint endpoint, BrokerIdentities identities, String clientId) {
    this.identities = identities;
    try {
      client = new MqttClient(endpoint.url(), clientId, new MemoryPersistence());
      MqttConnectionOptions options = new MqttConnectionOptions();
      options.setCleanStart(true);
      options.setAutomaticReconnect(true);
      options.setUserName(endpoint.username());
      options.setPassword(endpoint.password().getBytes(StandardCharsets.UTF_8));
      client.connect(options);
      IMqttMessageListener answers = (topic, message) -> answered(message.getPayload());
      client.subscribe(
          new MqttSubscription[] {new MqttSubscription(RESPONSES, 1)},
          new IMqttMessageListener[] {answers});
    } catch (MqttException e) {
      throw new IllegalStateException(
          "Cannot administer broker identities on "
              + endpoint.url()
              + " (flops.mqtt.dynamic-security): "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public MqttCredential of(String id) {
    MqttCredential credential = identities.of(id);
    if (registered.add(id)) {
      try {
        ObjectNode role = command("createRole").put("rolename", role(id));
        ArrayNode acls = role.putArray("acls");
        acl(acls, "publishClientSend", Topics.ALL_MANAGER_TOPICS);
        acl(acls, "publishClientSend", Topics.observer(id));
        acl(acls, "subscribeLiteral", Topics.observer(id));
        ObjectNode client =
            command("createClient")
                .put("username", credential.username())
                .put("password", credential.password());
        client.putArray("roles").addObject().put("rolename", role(id));
        send(List.of(role, client), "already exists");
        log.info("Broker identity {} registered on Mosquitto", credential.username());
      } catch (RuntimeException e) {
        registered.remove(id);
        throw e;
      }
    }
    return credential;
  }

  @Override
  public void revoke(String id) {
    send(
        List.of(
            command("deleteClient").put("username", identities.of(id).username()),
            command("deleteRole").put("rolename", role(id))),
        "not found");
    registered.remove(id);
  }

  private static String role(String id) {
    return "flops-project-" + id;
  }

  private static ObjectNode command(String name) {
    return JSON.createObjectNode().put("command", name);
  }

  private static void acl(ArrayNode acls, String type, String topic) {
    acls.addObject().put("acltype", type).put("topic", topic).put("allow", true);
  }

  /**
   * Sends {@code commands} in one request and waits for every answer; an error other than one
   * containing {@code harmless} fails with Mosquitto's words.
   */
  private void send(List<ObjectNode> commands, String harmless) {
    List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
    ObjectNode request = JSON.createObjectNode();
    ArrayNode list = request.putArray("commands");
    for (ObjectNode command : commands) {
      String correlation = UUID.randomUUID().toString();
      CompletableFuture<JsonNode> answer = new CompletableFuture<>();
      pending.put(correlation, answer);
      answers.add(answer);
      list.add(command.put("correlationData", correlation));
    }
    try {
      client.publish(REQUESTS, new MqttMessage(JSON.writeValueAsBytes(request), 1, false, null));
      for (int i = 0; i < commands.size(); i++) {
        JsonNode answer = answers.get(i).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        String error = answer.path("error").asText("");
        if (!error.isEmpty() && !error.toLowerCase().contains(harmless)) {
          throw new IllegalStateException(
              "Mosquitto refused " + commands.get(i).path("command").asText() + ": " + error);
        }
      }
    } catch (MqttException | IOException e) {
      throw new IllegalStateException("Cannot send to Mosquitto's dynamic security: " + e, e);
    } catch (TimeoutException | ExecutionException e) {
      throw new IllegalStateException(
          "Mosquitto's dynamic security did not answer within " + TIMEOUT.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Mosquitto", e);
    } finally {
      list.forEach(command -> pending.remove(command.path("correlationData").asText()));
    }
  }

  private void answered(byte[] payload) {
    try {
      for (JsonNode response : JSON.readTree(payload).path("responses")) {
        CompletableFuture<JsonNode> waiting =
            pending.get(response.path("correlationData").asText(""));
        if (waiting != null) {
          waiting.complete(response);
        }
      }
    } catch (IOException e) {
      log.warn("Unreadable answer from Mosquitto's dynamic security: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      client.disconnect(1000);
      client.close();
    } catch (MqttException e) {
      log.debug("Closing the dynamic-security client: {}", e.getMessage());
    }
  }

  /** Leaves out every secret. */
  @Override
  public String toString() {
    return "MosquittoDynamicSecurity[" + registered.size() + " identities]";
  }
}
