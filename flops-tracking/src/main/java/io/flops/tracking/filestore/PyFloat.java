package io.flops.tracking.filestore;

import java.math.BigDecimal;

/**
 * Formats a double as Python's {@code str(float)} does, as MLflow writes metric values. The digits
 * are those of Java's {@code Double.toString}, which before Java 19 is in rare cases not the
 * shortest; such a value still reads back as the same double.
 */
final class PyFloat {

  private PyFloat() {}

  static String format(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0.0" : "0.0";
    }
    BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    int exponent = decimal.precision() - decimal.scale() - 1;
    if (exponent < -4 || exponent >= 16) {
      return scientific(decimal, exponent);
    }
    String plain = decimal.toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  private static String scientific(BigDecimal decimal, int exponent) {
    String digits = decimal.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String sign = decimal.signum() < 0 ? "-" : "";
    String exponentSign = exponent < 0 ? "-" : "+";
    return sign + mantissa + "e" + exponentSign + String.format("%02d", Math.abs(exponent));
  }
}
