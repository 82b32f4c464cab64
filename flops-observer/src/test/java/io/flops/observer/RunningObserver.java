package io.flops.observer;

import java.net.URI;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The observer application started in this JVM the way the manager starts it: configured only by
 * the variables of docs/services.md (given as command-line properties, with the project's event
 * key) on a free port.
 */
final class RunningObserver implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private RunningObserver(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static RunningObserver start(String projectId, String mqttUrl, Path storageDir) {
    return new RunningObserver(
        new SpringApplicationBuilder(ObserverApplication.class)
            .run(
                "--FLOPS_PROJECT_ID=" + projectId,
                "--FLOPS_MQTT_URL=" + mqttUrl,
                "--FLOPS_EVENT_KEY=" + ProjectEvents.keyOf(projectId),
                "--FLOPS_OBSERVER_STORAGE_DIR=" + storageDir,
                "--FLOPS_PORT_2727=0",
                "--flops.observer.heartbeat=1s"));
  }

  URI url() {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return URI.create("http://127.0.0.1:" + port + "/");
  }

  @Override
  public void close() {
    context.close();
  }
}
