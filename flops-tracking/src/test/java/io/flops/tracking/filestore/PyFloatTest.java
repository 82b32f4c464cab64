package io.flops.tracking.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Metric values are written as Python's {@code str(float)} writes them (MLflow's format). */
class PyFloatTest {

  @Test
  void formatsLikePythonsStrOfFloat() {
    // Expected: Python 3's str() of the same doubles.
    assertThat(PyFloat.format(0.9)).isEqualTo("0.9");
    assertThat(PyFloat.format(0.25)).isEqualTo("0.25");
    assertThat(PyFloat.format(1e-05)).isEqualTo("1e-05");
    assertThat(PyFloat.format(12.5)).isEqualTo("12.5");
    assertThat(PyFloat.format(6000.0)).isEqualTo("6000.0");
    assertThat(PyFloat.format(2000000.0)).isEqualTo("2000000.0");
    assertThat(PyFloat.format(1e16)).isEqualTo("1e+16");
    assertThat(PyFloat.format(1.2345678901234566e-07)).isEqualTo("1.2345678901234566e-07");
    assertThat(PyFloat.format(123456789012345.67)).isEqualTo("123456789012345.67");
    assertThat(PyFloat.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(PyFloat.format(-3.5e-05)).isEqualTo("-3.5e-05");
    assertThat(PyFloat.format(0.0001)).isEqualTo("0.0001");
    assertThat(PyFloat.format(1.7976931348623157e308)).isEqualTo("1.7976931348623157e+308");
    assertThat(PyFloat.format(Double.NaN)).isEqualTo("nan");
    assertThat(PyFloat.format(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
    assertThat(PyFloat.format(0.0)).isEqualTo("0.0");
  }
}
