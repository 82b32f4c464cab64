package io.flops.common.sla;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

/**
 * Checks the rules of a {@link Checked} type that involve more than one field, reporting each
 * broken rule on the field it names.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CrossFieldRules.Validator.class)
public @interface CrossFieldRules {

  String message() default "violates a rule between fields";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** A type with rules between its fields. */
  interface Checked {
    /** The broken rules, each as the Java property it concerns and a readable message. */
    List<Broken> brokenRules();
  }

  /** One broken rule. */
  record Broken(String property, String message) {}

  /** Adds one violation per broken rule, on the property it names. */
  class Validator implements ConstraintValidator<CrossFieldRules, Checked> {
    @Override
    public boolean isValid(Checked value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      List<Broken> broken = value.brokenRules();
      if (broken.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      for (Broken rule : broken) {
        context
            .buildConstraintViolationWithTemplate(escape(rule.message()))
            .addPropertyNode(rule.property())
            .addConstraintViolation();
      }
      return false;
    }

    private static String escape(String message) {
      return message
          .replace("\\", "\\\\")
          .replace("{", "\\{")
          .replace("}", "\\}")
          .replace("$", "\\$");
    }
  }
}
