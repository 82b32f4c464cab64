package io.flops.manager.support;

import io.flops.common.testsupport.ExternalServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A manager on random ports with the embedded store and broker and the in-memory orchestrator;
 * subclasses without their own properties share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestOrchestratorConfiguration.class)
public abstract class ManagerITBase {

  /** The admin token of these managers ({@code flops.admin-token}). */
  public static final String ADMIN_TOKEN = "s3cret";

  @DynamicPropertySource
  static void embedded(DynamicPropertyRegistry registry) throws Exception {
    Path dataDir = Files.createTempDirectory("flops-manager-it");
    registry.add("flops.data-dir", dataDir::toString);
    registry.add("flops.orchestrator.local.work-dir", () -> dataDir.resolve("services").toString());
    registry.add(
        "flops.orchestrator.local.image-store", () -> dataDir.resolve("images").toString());
    registry.add(
        "flops.orchestrator.local.image-cache", () -> dataDir.resolve("image-cache").toString());
    int port = ExternalServer.freePort();
    registry.add("flops.mqtt.embedded-port", () -> port);
    registry.add("flops.lifecycle.status-poll-interval", () -> "300ms");
    registry.add("flops.lifecycle.failure-grace", () -> "600ms");
    registry.add("flops.lifecycle.observer-grace", () -> "0s");
    registry.add("flops.lifecycle.inference-ready-timeout", () -> "1s");
    registry.add("flops.admin-token", () -> ADMIN_TOKEN);
    // the tests' Git repositories are made in temporary folders
    registry.add(
        "flops.repositories.allowed-file-roots", () -> System.getProperty("java.io.tmpdir"));
  }
}
