package io.flops.common.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EventPublisher} of every FLOps component: Paho MQTT v5, QoS 1, automatic reconnect. It
 * never throws on a broker outage: events published while the broker is away wait in a bounded
 * buffer (the oldest are dropped with a log line when it is full) and are sent once connected.
 * {@link #close()} waits up to {@link Settings#closeTimeout()} for buffered and in-flight events.
 */
public final class MqttEventPublisher implements EventPublisher {

  private static final Logger log = LoggerFactory.getLogger(MqttEventPublisher.class);

  private final Settings settings;
  private final EventCodec codec = new EventCodec();
  private final EventSeal seal;
  private final MqttAsyncClient client;
  private final Deque<Outgoing> buffer = new ArrayDeque<>();
  private final ScheduledExecutorService connector;
  private final ConnectionWatch watch;
  private volatile boolean closed;

  /**
   * Connection settings.
   *
   * @param url the broker, e.g. {@code tcp://127.0.0.1:9027}
   * @param clientId unique per component instance
   * @param username null for anonymous brokers
   * @param password null for anonymous brokers
   * @param maxBuffered events kept while the broker is away
   * @param closeTimeout how long {@link #close()} waits for buffered and in-flight events
   * @param eventKey the project's {@link EventSeal} key every event is sealed with; null: unsealed
   */
  public record Settings(
      String url,
      String clientId,
      String username,
      String password,
      int maxBuffered,
      Duration closeTimeout,
      String eventKey) {

    /** Anonymous, unsealed, 10,000 buffered events, 5 s to drain on close. */
    public static Settings of(String url, String clientId) {
      return new Settings(url, clientId, null, null, 10_000, Duration.ofSeconds(5), null);
    }

    /** The same with credentials. */
    public Settings withCredentials(String user, String secret) {
      return new Settings(url, clientId, user, secret, maxBuffered, closeTimeout, eventKey);
    }

    /** The same, sealing every event with {@code key}. */
    public Settings withEventKey(String key) {
      return new Settings(url, clientId, username, password, maxBuffered, closeTimeout, key);
    }

    /** Leaves out the password and the event key. */
    @Override
    public String toString() {
      return "Settings[url=" + url + ", clientId=" + clientId + ", user=" + username + "]";
    }
  }

  /** Starts connecting in the background and returns at once. */
  public MqttEventPublisher(Settings settings) {
    this.settings = settings;
    this.seal =
        settings.eventKey() == null || settings.eventKey().isBlank()
            ? null
            : EventSeal.of(settings.eventKey());
    try {
      this.client =
          new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
    } catch (MqttException e) {
      throw new IllegalArgumentException(
          "Invalid MQTT broker URL '" + settings.url() + "': " + e.getMessage(), e);
    }
    this.connector =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "mqtt-publisher-" + settings.clientId());
              thread.setDaemon(true);
              return thread;
            });
    this.watch = new ConnectionWatch(this::flush);
    client.setCallback(watch);
    connector.execute(() -> connect(Duration.ofMillis(500)));
  }

  /** Connects anonymously to {@code url}. */
  public static MqttEventPublisher connect(String url, String clientId) {
    return new MqttEventPublisher(Settings.of(url, clientId));
  }

  /** True while connected to the broker. */
  public boolean isConnected() {
    return client.isConnected();
  }

  @Override
  public void publish(ComponentEvent event) {
    send(new Outgoing(event.topic(), sealed(codec.encode(event))));
  }

  @Override
  public void publish(String projectId, ObserverEvent event) {
    send(new Outgoing(Topics.observer(projectId), sealed(codec.encode(event))));
  }

  private byte[] sealed(byte[] json) {
    return seal == null ? json : seal.seal(json);
  }

  private void send(Outgoing outgoing) {
    if (closed) {
      log.warn("Event on {} dropped: the publisher is closed", outgoing.topic());
      return;
    }
    synchronized (buffer) {
      if (client.isConnected() && buffer.isEmpty() && tryPublish(outgoing)) {
        return;
      }
      if (buffer.size() >= settings.maxBuffered()) {
        Outgoing dropped = buffer.removeFirst();
        log.warn("MQTT buffer full; dropped the oldest event on {}", dropped.topic());
      }
      buffer.addLast(outgoing);
    }
    if (client.isConnected()) {
      connector.execute(this::flush);
    }
  }

  private boolean tryPublish(Outgoing outgoing) {
    try {
      MqttMessage message = new MqttMessage(outgoing.payload());
      message.setQos(1);
      client.publish(outgoing.topic(), message);
      return true;
    } catch (MqttException | RuntimeException e) {
      log.debug("Publish on {} deferred: {}", outgoing.topic(), e.getMessage());
      return false;
    }
  }

  private void flush() {
    synchronized (buffer) {
      while (!buffer.isEmpty() && client.isConnected()) {
        if (!tryPublish(buffer.peekFirst())) {
          return;
        }
        buffer.removeFirst();
      }
    }
  }

  private void connect(Duration retryDelay) {
    if (closed) {
      return;
    }
    try {
      client.connect(options(), null, new Reconnecting(retryDelay));
    } catch (MqttException | RuntimeException e) {
      retry(retryDelay, e);
    }
  }

  private void retry(Duration delay, Throwable cause) {
    if (closed) {
      return;
    }
    log.info(
        "MQTT broker {} not reachable ({}); retrying in {} ms",
        settings.url(),
        cause == null ? "no reason given" : cause.getMessage(),
        delay.toMillis());
    Duration next =
        delay.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
            ? Duration.ofSeconds(30)
            : delay.multipliedBy(2);
    connector.schedule(() -> connect(next), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private MqttConnectionOptions options() {
    MqttConnectionOptions options = new MqttConnectionOptions();
    options.setAutomaticReconnect(true);
    options.setAutomaticReconnectDelay(1, 30);
    options.setCleanStart(false);
    options.setSessionExpiryInterval(3600L);
    options.setConnectionTimeout(10);
    if (settings.username() != null && !settings.username().isEmpty()) {
      options.setUserName(settings.username());
      options.setPassword(
          settings.password() == null
              ? new byte[0]
              : settings.password().getBytes(StandardCharsets.UTF_8));
    }
    return options;
  }

  /** Waits for buffered and in-flight events (up to the close timeout), then disconnects. */
  @Override
  public void close() {
    long deadline = System.nanoTime() + settings.closeTimeout().toNanos();
    while (System.nanoTime() < deadline && hasUnsent()) {
      flush();
      sleep(20);
    }
    closed = true;
    connector.shutdownNow();
    synchronized (buffer) {
      if (!buffer.isEmpty()) {
        log.warn("{} event(s) not delivered to {} before close", buffer.size(), settings.url());
      }
    }
    try {
      if (client.isConnected()) {
        client.disconnect(1000).waitForCompletion(2000);
      }
    } catch (MqttException e) {
      log.debug("MQTT disconnect: {}", e.getMessage());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      log.debug("MQTT close: {}", e.getMessage());
    }
  }

  private boolean hasUnsent() {
    synchronized (buffer) {
      return !buffer.isEmpty() || client.getPendingTokens().length > 0;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Outgoing(String topic, byte[] payload) {}

  /** Retries the first connection; afterwards Paho's automatic reconnect takes over. */
  private final class Reconnecting implements MqttActionListener {
    private final Duration delay;

    Reconnecting(Duration delay) {
      this.delay = delay;
    }

    @Override
    public void onSuccess(IMqttToken token) {
      log.debug("Connected to MQTT broker {}", settings.url());
      connector.execute(MqttEventPublisher.this::flush);
    }

    @Override
    public void onFailure(IMqttToken token, Throwable exception) {
      retry(delay, exception);
    }
  }
}
