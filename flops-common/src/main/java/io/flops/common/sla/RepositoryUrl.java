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

  /**
   * Accepts null (required-ness is checked separately) and well-formed supported URLs without
   * credentials (only an ssh user name may be there).
   */
  class Validator implements ConstraintValidator<RepositoryUrl, String> {
    private static final Set<String> SCHEMES = Set.of("https", "http", "ssh", "git", "file");

    /** Why a URL with credentials is refused. */
    static final String CREDENTIALS =
        "must not carry credentials: store them on the manager"
            + " (flops.repo-credentials.<name>) and name them in ml_repo_credential";

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null) {
        return true;
      }
      try {
        URI uri = new URI(value);
        if (carriesCredentials(uri)) {
          context.disableDefaultConstraintViolation();
          context.buildConstraintViolationWithTemplate(CREDENTIALS).addConstraintViolation();
          return false;
        }
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

    /** A password, or any user info on http(s) (where a token often goes as the user name). */
    private static boolean carriesCredentials(URI uri) {
      String user = uri.getRawUserInfo();
      if (user == null || uri.getScheme() == null) {
        return false;
      }
      return user.contains(":") || uri.getScheme().toLowerCase().startsWith("http");
    }
  }
}
