package io.flops.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.testsupport.MnistFiles;
import org.junit.jupiter.api.Test;

/** The real MNIST test digits, encoded as the mock data provider encodes them. */
class MnistTestImagesTest {

  @Test
  void readsTheTenThousandTestDigitsWithTheirLabels() {
    MnistTestImages digits = MnistTestImages.read(MnistFiles.directory());

    assertThat(digits.size()).isEqualTo(10_000);
    assertThat(digits.label(0)).isEqualTo(7);
    assertThat(digits.label(1)).isEqualTo(2);
    float[] seven = digits.image(0);
    assertThat(seven).hasSize(784);
    float max = 0;
    for (float pixel : seven) {
      assertThat(pixel).isBetween(0f, 1f);
      max = Math.max(max, pixel);
    }
    assertThat(max).isEqualTo(1f);
  }
}
