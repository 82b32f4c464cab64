package io.flops.images;

import io.flops.common.launch.MockProviderLaunch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Pushes one IID partition of a mock data set per data server from this host with the data server's
 * own mock provider (which fetches the data set with npm here), as a writer trusting the manager's
 * authority (the data servers serve TLS with its certificates); again while the servers still start
 * (a published port accepts connections before the server inside does).
 */
final class DataPush {

  private DataPush() {}

  /**
   * @param authorityPem the certificate of the manager's authority ({@code GET /api/flops/ca})
   */
  static void push(
      String dataset, List<String> dataServers, String writerToken, String authorityPem, Path work)
      throws InterruptedException {
    Command push =
        new Command(
                List.of(DockerProjectIT.java(), "-jar", FlopsJars.exec("dataserver").toString()),
                work,
                Map.of())
            .withEnvironment(
                Map.of(
                    "FLOPS_MOCK_DATASET",
                    dataset,
                    "FLOPS_MOCK_DATA_TAG",
                    dataset,
                    "FLOPS_MOCK_PARTITIONS",
                    String.valueOf(dataServers.size()),
                    "FLOPS_MOCK_DATA_SERVERS",
                    String.join(",", dataServers),
                    "FLOPS_MOCK_DATA_TOKEN",
                    writerToken,
                    MockProviderLaunch.Variable.DATA_CA.envName(),
                    Base64.getEncoder()
                        .encodeToString(authorityPem.getBytes(StandardCharsets.US_ASCII))));
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    for (int attempt = 1; ; attempt++) {
      Command.Result result =
          push.run(
              "openjdk-17-jdk-headless",
              Duration.ofMinutes(5),
              work.resolve("mock-push-" + dataset + "-" + attempt + ".log"));
      if (result.exitCode() == 0 || Instant.now().isAfter(deadline)) {
        result.expectSuccess(push);
        return;
      }
      Thread.sleep(5000);
    }
  }
}
