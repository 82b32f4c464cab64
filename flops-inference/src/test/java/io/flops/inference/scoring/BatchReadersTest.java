package io.flops.inference.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flops.inference.model.Batch;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BatchReadersTest {

  private static final long[] IMAGE = {2, 2};

  private final JsonBatchReader json = new JsonBatchReader(new ObjectMapper());
  private final CsvBatchReader csv = new CsvBatchReader();

  @Test
  void rowsMayBeFlatOrNestedAsTheRowShape() {
    Batch batch = readJson("{\"instances\": [[1, 2, 3, 4], [[5, 6], [7, 8]]]}");

    assertThat(batch.rows()).isEqualTo(2);
    assertThat(batch.rowShape()).containsExactly(2, 2);
    assertThat(batch.values()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  void raggedOrMisshapenRowsAreRefusedWithTheExpectedShape() {
    assertThatThrownBy(() -> readJson("{\"inputs\": [[[1, 2], [3]]]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Row 0")
        .hasMessageContaining("[2, 2]");
    assertThatThrownBy(() -> readJson("{\"inputs\": [[[1, 2, 3], [4, 5, 6]]]}"))
        .hasMessageContaining("has shape [2, 3]")
        .hasMessageContaining("the input shape is [-1, 2, 2]");
    assertThatThrownBy(() -> readJson("{\"inputs\": [1, 2, 3, 4]}"))
        .hasMessageContaining("Row 0 is 1, not an array");
  }

  @Test
  void valuesMustBeJsonNumbers() {
    assertThatThrownBy(() -> readJson("{\"inputs\": [[1, 2, null, 4]]}"))
        .hasMessageContaining("value 2 is null, not a number");
    assertThatThrownBy(() -> readJson("{\"inputs\": [[1, 2, 3, true]]}"))
        .hasMessageContaining("value 3 is true, not a number");
  }

  @Test
  void paramsAreRefusedAndAnEmptyParamsIsIgnored() {
    assertThat(readJson("{\"inputs\": [[1, 2, 3, 4]], \"params\": {}}").rows()).isEqualTo(1);
    assertThatThrownBy(() -> readJson("{\"inputs\": [[1, 2, 3, 4]], \"params\": {\"k\": 1}}"))
        .hasMessageContaining("takes no params");
    assertThatThrownBy(() -> readJson("{\"inputs\": [[1, 2, 3, 4]], \"instances\": []}"))
        .hasMessageContaining("exactly one of the keys");
  }

  @Test
  void csvSkipsAHeaderLineBlankLinesAndQuotes() {
    Batch batch = csv.read("a,b,c,d\r\n1,2,3,4\n\n\"5\", 6 ,7,8e0\n", IMAGE, 10);

    assertThat(batch.rows()).isEqualTo(2);
    assertThat(batch.values()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
  }

  @Test
  void csvWithOnlyAHeaderSaysSo() {
    assertThatThrownBy(() -> csv.read("a,b,c,d\n", IMAGE, 10))
        .hasMessageContaining("read as a header");
  }

  @Test
  void theRowLimitIsCheckedBeforeReadingRows() {
    assertThatThrownBy(() -> json.read(bytes("{\"inputs\": [[], [], []]}"), IMAGE, 2))
        .isInstanceOf(BatchTooLargeException.class)
        .hasMessageContaining("3 rows, more than the 2");
  }

  private Batch readJson(String body) {
    return json.read(bytes(body), IMAGE, 10);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
