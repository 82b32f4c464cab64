package io.flops.common.sla;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/** A Git repository URL with a scheme JGit clones from: https, http, ssh, git or file. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RepositoryUrl.Validator.class)
public @interface RepositoryUrl {

  String message() default
      "must be a Git repository URL with scheme https, http, ssh, git or file,"
          + " e.g. https://github.com/owner/repo.git";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Accepts null (required-ness is checked separately) and well-formed supported URLs. */
  class Validator implements ConstraintValidator<RepositoryUrl, String> {
    private static final Set<String> SCHEMES = Set.of("https", "http", "ssh", "git", "file");

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      try {
        URI uri = new URI(value);
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase())) {
          return false;
        }
        String path = uri.getPath();
        boolean hasPath = path != null && path.length() > 1;
        return uri.getScheme().equalsIgnoreCase("file")
            ? hasPath
            : uri.getHost() != null && hasPath;
      } catch (URISyntaxException e) {
        return false;
      }
    }
  }
}
