package io.flops.manager.access;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * JWT bearer tokens of an OpenID Connect issuer ({@code flops.access.jwt.*}), accepted beside the
 * manager's own tokens when one of {@code issuer-uri}, {@code jwk-set-uri} or {@code
 * public-key-location} is set. The token's signature, expiry, issuer and audience are checked; the
 * customer is a claim of the token, and the admin is whoever carries the admin role.
 */
@ConfigurationProperties(prefix = "flops.access.jwt")
public class JwtProperties {

  /**
   * The issuer, e.g. {@code https://keycloak.example/realms/flops}: its discovery document names
   * the signing keys, and tokens must carry it as {@code iss}.
   */
  private String issuerUri = "";

  /** The issuer's signing keys (JWK set), when they are not found by discovery. */
  private String jwkSetUri = "";

  /** A PEM file with the issuer's RSA public key, for issuers without a JWK set endpoint. */
  private Path publicKeyLocation;

  /** The audience ({@code aud}) tokens must name, e.g. the client id; empty: not checked. */
  private String audience = "";

  /** The claim naming the customer; a dotted path reaches into objects. */
  private String customerClaim = "customer_id";

  /**
   * The claim listing the caller's roles, e.g. {@code roles} or Keycloak's {@code
   * realm_access.roles}.
   */
  private String rolesClaim = "roles";

  /** The role that makes a caller the admin. */
  private String adminRole = "flops-admin";

  /** Whether any issuer setting is given. */
  public boolean isConfigured() {
    return !issuerUri.isBlank() || !jwkSetUri.isBlank() || publicKeyLocation != null;
  }

  public String getIssuerUri() {
    return issuerUri;
  }

  public void setIssuerUri(String issuerUri) {
    this.issuerUri = issuerUri;
  }

  public String getJwkSetUri() {
    return jwkSetUri;
  }

  public void setJwkSetUri(String jwkSetUri) {
    this.jwkSetUri = jwkSetUri;
  }

  public Path getPublicKeyLocation() {
    return publicKeyLocation;
  }

  public void setPublicKeyLocation(Path publicKeyLocation) {
    this.publicKeyLocation = publicKeyLocation;
  }

  public String getAudience() {
    return audience;
  }

  public void setAudience(String audience) {
    this.audience = audience;
  }

  public String getCustomerClaim() {
    return customerClaim;
  }

  public void setCustomerClaim(String customerClaim) {
    this.customerClaim = customerClaim;
  }

  public String getRolesClaim() {
    return rolesClaim;
  }

  public void setRolesClaim(String rolesClaim) {
    this.rolesClaim = rolesClaim;
  }

  public String getAdminRole() {
    return adminRole;
  }

  public void setAdminRole(String adminRole) {
    this.adminRole = adminRole;
  }
}
