package io.flops.observer;

import io.flops.common.launch.TlsLaunch;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The observer application started in this JVM the way the manager starts it: configured only by
 * the variables of docs/services.md (given as command-line properties, with the project's event key
 * and a read token) on a free port.
 */
final class RunningObserver implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private RunningObserver(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static RunningObserver start(String projectId, String mqttUrl, Path storageDir) {
    return start(projectId, mqttUrl, storageDir, TlsLaunch.NONE);
  }

  /** An observer serving HTTPS with {@code tls} (plain HTTP with {@link TlsLaunch#NONE}). */
  static RunningObserver start(String projectId, String mqttUrl, Path storageDir, TlsLaunch tls) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--FLOPS_PROJECT_ID=" + projectId,
                "--FLOPS_MQTT_URL=" + mqttUrl,
                "--FLOPS_EVENT_KEY=" + ProjectEvents.keyOf(projectId),
                "--FLOPS_OBSERVER_READ_TOKEN=" + readToken(projectId),
                "--FLOPS_OBSERVER_STORAGE_DIR=" + storageDir,
                "--FLOPS_PORT_2727=0",
                "--flops.observer.heartbeat=1s"));
    tls.toEnvironment().forEach((name, value) -> arguments.add("--" + name + "=" + value));
    return new RunningObserver(
        new SpringApplicationBuilder(ObserverApplication.class)
            .run(arguments.toArray(String[]::new)));
  }

  /** The read token the observer of {@code projectId} is started with. */
  static String readToken(String projectId) {
    return "read-token-of-" + projectId;
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  /** The observer's root over HTTPS, by the name its certificate carries. */
  URI httpsUrl() {
    return URI.create("https://localhost:" + port() + "/");
  }

  private int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  /** The page as the project view links it: the read token in the fragment. */
  String pageUrl() {
    String projectId = context.getEnvironment().getProperty("FLOPS_PROJECT_ID");
    return url() + "#token=" + readToken(projectId);
  }

  /** A client with the read token. */
  io.flops.common.observer.ObserverClient client() {
    String projectId = context.getEnvironment().getProperty("FLOPS_PROJECT_ID");
    return new io.flops.common.observer.ObserverClient(
        url(), java.time.Duration.ofSeconds(5), readToken(projectId));
  }

  @Override
  public void close() {
    context.close();
  }
}
