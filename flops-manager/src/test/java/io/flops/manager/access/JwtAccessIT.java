package io.flops.manager.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.flops.manager.support.Api;
import io.flops.manager.support.GitRepos;
import io.flops.manager.support.ManagerITBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tokens of an OpenID Connect issuer, signed by a test key: a customer's JWT reaches only that
 * customer's projects, the admin role reaches all, and an expired, foreign, misaddressed or
 * customer-less token is a 401.
 */
class JwtAccessIT extends ManagerITBase {

  private static final String ISSUER = "https://login.example/realms/flops";
  private static final KeyPair ISSUER_KEY = rsa();
  private static final KeyPair OTHER_KEY = rsa();

  @TempDir static Path repos;

  @LocalServerPort int port;

  private Api anonymous;
  private String sla;

  @DynamicPropertySource
  static void issuer(DynamicPropertyRegistry registry) {
    registry.add("flops.access.jwt.public-key-location", JwtAccessIT::publicKeyFile);
    registry.add("flops.access.jwt.issuer-uri", () -> ISSUER);
    registry.add("flops.access.jwt.audience", () -> "flops");
    registry.add("flops.access.jwt.roles-claim", () -> "realm_access.roles");
  }

  @BeforeEach
  void setUp() throws Exception {
    anonymous = new Api(port).withToken(null);
    String repoUrl = GitRepos.create(repos.resolve("repo-" + System.nanoTime()));
    sla =
        """
        {"ml_model_flavor":"dl4j","ml_repo_url":"%s","training_configuration":{"data_tags":["m"]}}"""
            .formatted(repoUrl);
  }

  @Test
  void aCustomersJwtReachesOnlyThatCustomersProjectsAndTheAdminRoleReachesAll() {
    Api acme = anonymous.withToken(token(ISSUER_KEY.getPrivate(), claims("acme")));
    Api initech = anonymous.withToken(token(ISSUER_KEY.getPrivate(), claims("initech")));
    Api admin =
        anonymous.withToken(
            token(
                ISSUER_KEY.getPrivate(),
                claims(null).claim("realm_access", Map.of("roles", List.of("flops-admin")))));

    String ours = acme.createProject(sla);
    String theirs = initech.createProject(sla);

    assertThat(acme.get("/api/flops/projects/" + ours).body().get("customerID").asText())
        .isEqualTo("acme");
    assertThat(acme.get("/api/flops/projects/" + theirs).status()).isEqualTo(404);
    assertThat(acme.postJson("/api/flops/projects?customerID=initech", sla).status())
        .isEqualTo(403);
    assertThat(admin.get("/api/flops/projects/" + theirs).status()).isEqualTo(200);
    assertThat(acme.delete("/api/flops/database").status()).isEqualTo(403);
  }

  @Test
  void expiredForeignMisaddressedOrCustomerlessTokensAre401() {
    JWTClaimsSet.Builder expired =
        claims("acme")
            .issueTime(Date.from(Instant.now().minus(Duration.ofMinutes(15))))
            .expirationTime(Date.from(Instant.now().minus(Duration.ofMinutes(5))));
    JWTClaimsSet.Builder otherAudience = claims("acme").audience("another-app");
    JWTClaimsSet.Builder otherIssuer = claims("acme").issuer("https://evil.example");
    JWTClaimsSet.Builder noCustomer = claims(null);

    for (String token :
        List.of(
            token(ISSUER_KEY.getPrivate(), expired),
            token(OTHER_KEY.getPrivate(), claims("acme")),
            token(ISSUER_KEY.getPrivate(), otherAudience),
            token(ISSUER_KEY.getPrivate(), otherIssuer),
            token(ISSUER_KEY.getPrivate(), noCustomer))) {
      assertThat(anonymous.withToken(token).get("/api/flops/projects").status())
          .as(token)
          .isEqualTo(401);
    }
  }

  private static JWTClaimsSet.Builder claims(String customer) {
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience("flops")
            .subject("user-" + customer)
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));
    return customer == null ? claims : claims.claim("customer_id", customer);
  }

  private static String token(PrivateKey key, JWTClaimsSet.Builder claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String publicKeyFile() {
    try {
      Path file = Files.createTempFile("issuer", ".pem");
      Files.writeString(
          file,
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getMimeEncoder().encodeToString(ISSUER_KEY.getPublic().getEncoded())
              + "\n-----END PUBLIC KEY-----\n");
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
