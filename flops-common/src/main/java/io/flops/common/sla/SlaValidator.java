package io.flops.common.sla;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.flops.common.error.FieldError;
import io.flops.common.error.FlopsException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Comparator;
import java.util.List;

/**
 * Checks an SLA against every rule and reports each broken rule as a {@link FieldError} whose
 * pointer uses the SLA's JSON names.
 */
public final class SlaValidator {

  private static final PropertyNamingStrategies.NamingBase SNAKE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  private final Validator validator;

  /** Uses the default Jakarta validator. */
  public SlaValidator() {
    try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
      this.validator = factory.getValidator();
    }
  }

  public SlaValidator(Validator validator) {
    this.validator = validator;
  }

  /** Every broken rule, sorted by pointer; empty for a valid SLA. */
  public List<FieldError> check(Object sla) {
    return validator.validate(sla).stream()
        .map(SlaValidator::toFieldError)
        .distinct()
        .sorted(Comparator.comparing(FieldError::pointer).thenComparing(FieldError::message))
        .toList();
  }

  /**
   * Returns {@code sla} when valid.
   *
   * @throws FlopsException of kind invalid input, listing every broken rule
   */
  public <T> T requireValid(T sla) {
    List<FieldError> errors = check(sla);
    if (!errors.isEmpty()) {
      throw FlopsException.invalidInput(
          "The SLA is invalid: " + errors.size() + " field(s) need fixing.", errors);
    }
    return sla;
  }

  private static FieldError toFieldError(ConstraintViolation<?> violation) {
    return new FieldError(pointer(violation.getPropertyPath()), violation.getMessage());
  }

  /** The JSON pointer of a validation path, e.g. {@code /training_configuration/data_tags/0}. */
  static String pointer(Path path) {
    StringBuilder pointer = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable() && node.getIndex() != null) {
        pointer.append('/').append(node.getIndex());
      }
      String name = node.getName();
      if (name != null && !name.startsWith("<")) {
        pointer.append('/').append(jsonName(name));
      }
    }
    return pointer.toString();
  }

  /** The JSON name of an SLA record component. */
  static String jsonName(String javaName) {
    return javaName.equals("customerId") ? "customerID" : SNAKE.translate(javaName);
  }
}
