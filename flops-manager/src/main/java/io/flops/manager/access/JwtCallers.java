package io.flops.manager.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The callers of JWT bearer tokens from an OpenID Connect issuer ({@link JwtProperties}): a token
 * whose signature, expiry ({@code exp}, {@code nbf}), issuer and audience check out stands for the
 * admin when its roles claim holds the admin role, else for the customer its customer claim names.
 * Anything else stands for nobody (a 401). {@link #NONE} accepts no JWT at all.
 */
public final class JwtCallers {

  /** No issuer configured: no JWT is accepted. */
  public static final JwtCallers NONE = new JwtCallers(null, null);

  private static final Logger log = LoggerFactory.getLogger(JwtCallers.class);

  private final JwtDecoder decoder;
  private final JwtProperties settings;

  JwtCallers(JwtDecoder decoder, JwtProperties settings) {
    this.decoder = decoder;
    this.settings = settings;
  }

  /** The callers of {@code settings}' issuer; {@link #NONE} when none is configured. */
  public static JwtCallers of(JwtProperties settings) {
    if (!settings.isConfigured()) {
      return NONE;
    }
    NimbusJwtDecoder decoder;
    if (settings.getPublicKeyLocation() != null) {
      decoder = NimbusJwtDecoder.withPublicKey(publicKey(settings)).build();
    } else if (!settings.getJwkSetUri().isBlank()) {
      decoder = NimbusJwtDecoder.withJwkSetUri(settings.getJwkSetUri()).build();
    } else {
      decoder = NimbusJwtDecoder.withIssuerLocation(settings.getIssuerUri()).build();
    }
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(
        settings.getIssuerUri().isBlank()
            ? JwtValidators.createDefault()
            : JwtValidators.createDefaultWithIssuer(settings.getIssuerUri()));
    if (!settings.getAudience().isBlank()) {
      validators.add(
          new JwtClaimValidator<List<String>>(
              JwtClaimNames.AUD, aud -> aud != null && aud.contains(settings.getAudience())));
    }
    decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
    return new JwtCallers(decoder, settings);
  }

  /** Whether JWTs are accepted. */
  public boolean isEnabled() {
    return decoder != null;
  }

  /** The caller {@code token} stands for, if it is a valid JWT of the issuer. */
  public Optional<Caller> resolve(String token) {
    if (decoder == null || token.chars().filter(c -> c == '.').count() != 2) {
      return Optional.empty();
    }
    Jwt jwt;
    try {
      jwt = decoder.decode(token);
    } catch (JwtException e) {
      log.info("Refused a JWT: {}", e.getMessage());
      return Optional.empty();
    }
    if (roles(claim(jwt.getClaims(), settings.getRolesClaim())).contains(settings.getAdminRole())) {
      return Optional.of(Caller.ADMIN);
    }
    Object customer = claim(jwt.getClaims(), settings.getCustomerClaim());
    if (customer instanceof String id && Caller.CUSTOMER_ID.matcher(id).matches()) {
      return Optional.of(new Caller(id));
    }
    log.info(
        "Refused a JWT of subject {}: claim {} names no customer",
        jwt.getSubject(),
        settings.getCustomerClaim());
    return Optional.empty();
  }

  /** The value at a dotted {@code path} of {@code claims}, or null. */
  private static Object claim(Map<String, Object> claims, String path) {
    Object value = claims;
    for (String part : path.split("\\.")) {
      if (!(value instanceof Map<?, ?> map)) {
        return null;
      }
      value = map.get(part);
    }
    return value;
  }

  private static List<String> roles(Object value) {
    if (value instanceof String role) {
      return List.of(role.split("[ ,]+"));
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  private static RSAPublicKey publicKey(JwtProperties settings) {
    try {
      String pem =
          Files.readString(settings.getPublicKeyLocation())
              .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
              .replaceAll("\\s", "");
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read flops.access.jwt.public-key-location " + settings.getPublicKeyLocation(), e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "flops.access.jwt.public-key-location "
              + settings.getPublicKeyLocation()
              + " holds no RSA public key in PEM form",
          e);
    }
  }

  /** Leaves out everything. */
  @Override
  public String toString() {
    return isEnabled() ? "JwtCallers[" + settings.getIssuerUri() + "]" : "JwtCallers[none]";
  }
}
