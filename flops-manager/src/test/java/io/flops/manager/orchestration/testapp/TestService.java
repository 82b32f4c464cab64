package io.flops.manager.orchestration.testapp;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The small application the local contract tests run from an image. {@code TEST_BEHAVIOUR}: {@code
 * serve} answers "ok" on {@code FLOPS_PORT_8080} until stopped; {@code exit} ends with {@code
 * TEST_EXIT_CODE} after {@code TEST_DELAY_MS}; {@code report} prints what the orchestrator gave it.
 */
public final class TestService {

  private TestService() {}

  public static void main(String[] args) throws Exception {
    String behaviour = System.getenv().getOrDefault("TEST_BEHAVIOUR", "serve");
    report();
    switch (behaviour) {
      case "exit" -> {
        Thread.sleep(Long.parseLong(System.getenv().getOrDefault("TEST_DELAY_MS", "0")));
        System.exit(Integer.parseInt(System.getenv().getOrDefault("TEST_EXIT_CODE", "0")));
      }
      case "report" -> System.exit(0);
      default -> serve();
    }
  }

  private static void report() {
    Runtime runtime = Runtime.getRuntime();
    System.out.println("maxMemoryMb=" + runtime.maxMemory() / (1024 * 1024));
    System.out.println("cpus=" + runtime.availableProcessors());
    for (String name :
        new String[] {
          "FLOPS_LOCAL_CLUSTER",
          "FLOPS_LOCAL_NODE",
          "FLOPS_LEARNER_DATA_SERVER",
          "FLOPS_MOCK_DATA_SERVERS",
          "FLOPS_DATASERVER_STORAGE_DIR",
          "TEST_HOME"
        }) {
      System.out.println(name + "=" + System.getenv(name));
    }
    System.out.println(
        "ENV_NAMES=" + String.join(",", new java.util.TreeSet<>(System.getenv().keySet())));
    System.out.flush();
  }

  private static void serve() throws Exception {
    int port = Integer.parseInt(System.getenv().getOrDefault("FLOPS_PORT_8080", "8080"));
    try (ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
      System.out.println("listening on " + port);
      System.out.flush();
      while (true) {
        try (Socket client = server.accept();
            OutputStream out = client.getOutputStream()) {
          out.write("ok\n".getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }
}
