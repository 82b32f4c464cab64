package io.flops.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.inference.ScoringClient.Answer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server on a random port, serving an MLP trained on real MNIST: every input format gets the
 * predictions the network makes in-process, and bad requests get a 4xx saying what is wrong.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InvocationsIT {

  private static final int MAX_BATCH = MnistModelFixture.TEST_ROWS;

  @DynamicPropertySource
  static void model(DynamicPropertyRegistry registry) {
    registry.add("flops.inference.model-dir", () -> MnistModelFixture.get().directory());
    registry.add("flops.inference.max-batch-size", () -> MAX_BATCH);
  }

  @LocalServerPort int port;

  private ScoringClient client;
  private final MnistModelFixture mnist = MnistModelFixture.get();

  @BeforeEach
  void client() {
    client = new ScoringClient(port);
  }

  @Test
  void everyInputFormatPredictsWhatTheModelPredictsInProcess() {
    float[][] rows = mnist.testFeatures();
    List<String> columns = IntStream.range(0, 784).mapToObj(i -> "pixel" + i).toList();
    Map<String, Answer> answers = new LinkedHashMap<>();
    answers.put("inputs", client.postJson(Map.of("inputs", rows)));
    answers.put("instances", client.postJson(Map.of("instances", rows)));
    answers.put(
        "dataframe_split",
        client.postJson(Map.of("dataframe_split", Map.of("columns", columns, "data", rows))));
    answers.put("csv", client.post("text/csv", ScoringClient.csv(rows, false)));
    answers.put("csv with header", client.post("text/csv", ScoringClient.csv(rows, true)));

    int[] expected = mnist.inProcessPredictions();
    assertThat(mnist.accuracy(expected)).isGreaterThan(0.85);
    answers.forEach(
        (format, answer) -> {
          assertThat(answer.status()).as(format).isEqualTo(200);
          assertThat(answer.labels()).as(format).containsExactly(expected);
          assertThat(mnist.accuracy(answer.labels()))
              .as(format)
              .isEqualTo(mnist.accuracy(expected));
        });
  }

  @Test
  void dataframeRecordsAndNamedInputsAreAccepted() {
    float[][] rows = Arrays.copyOf(mnist.testFeatures(), 5);
    List<Map<String, Float>> records =
        Arrays.stream(rows)
            .map(
                row -> {
                  Map<String, Float> record = new LinkedHashMap<>();
                  IntStream.range(0, row.length).forEach(i -> record.put("pixel" + i, row[i]));
                  return record;
                })
            .toList();
    int[] expected = Arrays.copyOf(mnist.inProcessPredictions(), 5);

    assertThat(client.postJson(Map.of("dataframe_records", records)).labels())
        .containsExactly(expected);
    assertThat(client.postJson(Map.of("inputs", Map.of("pixels", rows))).labels())
        .containsExactly(expected);
  }

  @Test
  void aRowOfTheWrongWidthIsRefusedWithTheExpectedShape() {
    float[][] rows = {mnist.testFeatures()[0], Arrays.copyOf(mnist.testFeatures()[1], 783)};

    Answer json = client.postJson(Map.of("inputs", rows));
    Answer csv = client.post("text/csv", ScoringClient.csv(rows, false));

    for (Answer answer : List.of(json, csv)) {
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.detail()).contains("Row 1", "783", "[784]", "[-1, 784]");
      assertThat(answer.body().path("error_code").asText()).isEqualTo("BAD_REQUEST");
    }
    assertThat(
            client
                .postJson(
                    Map.of("dataframe_split", Map.of("columns", List.of("a", "b"), "data", rows)))
                .detail())
        .contains("2 columns", "784");
  }

  @Test
  void nonNumericValuesAreRefusedNamingTheValue() {
    String row = "0.5,".repeat(300) + "abc," + "0.5,".repeat(482) + "0.5";
    Answer csv = client.post("text/csv", row + "\n" + row);
    Answer json =
        client.post("application/json", "{\"inputs\": [[" + row.replace("abc", "\"abc\"") + "]]}");

    assertThat(csv.status()).isEqualTo(400);
    assertThat(csv.detail()).contains("Row 0", "value 300", "\"abc\"", "not a number");
    assertThat(json.status()).isEqualTo(400);
    assertThat(json.detail()).contains("Row 0", "value 300", "\"abc\"", "not a number");
  }

  @Test
  void emptyOrMalformedBodiesAreRefusedSayingWhatToSend() {
    for (String type : List.of("application/json", "text/csv")) {
      Answer empty = client.post(type, "");
      assertThat(empty.status()).as(type).isEqualTo(400);
      assertThat(empty.detail()).as(type).contains("body is empty", "784 numbers");
    }
    Answer noRows = client.postJson(Map.of("inputs", List.of()));
    assertThat(noRows.status()).isEqualTo(400);
    assertThat(noRows.detail()).contains("no rows", "[784]");

    Answer broken = client.post("application/json", "{\"inputs\": [[0.1, 0.2");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.detail()).contains("not valid JSON");

    Answer unknownKey = client.postJson(Map.of("rows", List.of()));
    assertThat(unknownKey.status()).isEqualTo(400);
    assertThat(unknownKey.detail()).contains("inputs", "instances", "dataframe_split", "rows");

    Answer xml = client.post("application/xml", "<rows/>");
    assertThat(xml.status()).isEqualTo(415);
    assertThat(xml.detail()).contains("application/xml", "application/json", "text/csv");
  }

  @Test
  void aBatchLargerThanTheLimitIsRefusedWith413() {
    float[][] rows = new float[MAX_BATCH + 1][];
    Arrays.fill(rows, mnist.testFeatures()[0]);

    Answer json = client.postJson(Map.of("instances", rows));
    Answer csv = client.post("text/csv", ScoringClient.csv(rows, false));

    for (Answer answer : List.of(json, csv)) {
      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.detail())
          .contains(String.valueOf(MAX_BATCH + 1), String.valueOf(MAX_BATCH));
    }
  }

  @Test
  void pingVersionAndMetadataDescribeTheServedModel() {
    assertThat(client.get("/ping").status()).isEqualTo(200);
    assertThat(client.get("/health").status()).isEqualTo(200);

    Answer version = client.get("/version");
    assertThat(version.body().path("version").asText()).isNotBlank().isNotEqualTo("unknown");
    assertThat(version.body().path("flavor").asText()).isEqualTo("dl4j");

    Answer metadata = client.get("/metadata");
    assertThat(metadata.status()).isEqualTo(200);
    assertThat(metadata.body().path("flavor").asText()).isEqualTo("dl4j");
    assertThat(metadata.body().path("flavor_version").asText()).isEqualTo("1.0.0-M2.1");
    assertThat(metadata.body().path("run_id").asText())
        .isEqualTo("f80d49e3efc14616874e8767a4f68723");
    assertThat(metadata.body().path("signature").path("input_shape").toString())
        .isEqualTo("[-1,784]");
    assertThat(metadata.body().path("signature").path("output_classes")).hasSize(10);
    assertThat(metadata.body().path("max_batch_size").asInt()).isEqualTo(MAX_BATCH);
    assertThat(client.get("/signature").body()).isEqualTo(metadata.body());
  }
}
