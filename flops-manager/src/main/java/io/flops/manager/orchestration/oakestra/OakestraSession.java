package io.flops.manager.orchestration.oakestra;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.orchestration.OrchestrationException;
import io.flops.manager.orchestration.oakestra.OakestraHttp.Answer;
import io.flops.manager.orchestration.oakestra.OakestraHttp.Call;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The manager's login at Oakestra: logs in once, refreshes the access token shortly before it
 * expires (with the refresh token, API.md §1.4), and logs in again only when refreshing fails. The
 * token's lifetime is read from its {@code exp - iat} and counted from when it was received, so a
 * clock difference to Oakestra does not matter. A quick caller (an API request) takes a token that
 * has not expired yet as it is, and waits for a login at most the read timeout.
 */
final class OakestraSession {

  private static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(600);

  private final OakestraHttp http;
  private final String username;
  private final String password;
  private final String organization;
  private final Duration refreshBeforeExpiry;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile String token;
  private volatile Instant expiresAt = Instant.MIN;
  private String refreshToken;
  private volatile Instant refreshAt = Instant.MIN;

  OakestraSession(
      OakestraHttp http,
      String username,
      String password,
      String organization,
      Duration refreshBeforeExpiry,
      Clock clock) {
    this.http = http;
    this.username = username;
    this.password = password;
    this.organization = organization;
    this.refreshBeforeExpiry = refreshBeforeExpiry;
    this.clock = clock;
  }

  /** A valid access token, logging in or refreshing as needed. */
  String token() {
    return token(false);
  }

  /**
   * A valid access token; a {@code quick} caller takes the current one while it has not expired and
   * otherwise logs in with one short attempt.
   */
  String token(boolean quick) {
    String current = token;
    Instant now = clock.instant();
    if (current != null && (now.isBefore(refreshAt) || quick && now.isBefore(expiresAt))) {
      return current;
    }
    acquire(quick);
    try {
      if (token == null) {
        login(quick);
      } else if (!clock.instant().isBefore(refreshAt)) {
        refresh(quick);
      }
      return token;
    } finally {
      lock.unlock();
    }
  }

  /** Called after Oakestra rejected the token: the next {@link #token()} refreshes it. */
  void rejected() {
    refreshAt = Instant.MIN;
    expiresAt = Instant.MIN;
  }

  private void acquire(boolean quick) {
    if (!quick) {
      lock.lock();
      return;
    }
    try {
      if (!lock.tryLock(http.readTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        throw new OrchestrationException(
            "Logging in at Oakestra at "
                + http.baseUrl()
                + " took longer than "
                + http.readTimeout().toMillis()
                + " ms; check that the root orchestrator is running",
            true,
            null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OrchestrationException("Interrupted while logging in at Oakestra", true, e);
    }
  }

  private void login(boolean quick) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("username", username);
    body.put("password", password);
    if (!organization.isBlank()) {
      body.put("organization_name", organization);
    }
    Answer answer =
        http.send(new Call("POST", "/api/auth/login", OakestraJson.encode(body), null, quick));
    if (!answer.isSuccess()) {
      throw new OrchestrationException(
          "Oakestra at "
              + http.baseUrl()
              + " refused the login of user "
              + username
              + " (HTTP "
              + answer.status()
              + " "
              + OakestraJson.abbreviate(answer.body())
              + "); check flops.orchestrator.oakestra.username, password and organization");
    }
    JsonNode tokens = OakestraJson.decode(answer.body());
    refreshToken = tokens.path("refresh_token").asText(null);
    accept(tokens.path("token").asText());
  }

  private void refresh(boolean quick) {
    if (refreshToken == null) {
      login(quick);
      return;
    }
    Answer answer = http.send(new Call("POST", "/api/auth/refresh", null, refreshToken, quick));
    if (answer.isSuccess()) {
      accept(OakestraJson.decode(answer.body()).path("token").asText());
    } else {
      login(quick);
    }
  }

  private void accept(String accessToken) {
    Duration lifetime = lifetime(accessToken);
    expiresAt = clock.instant().plus(lifetime);
    Duration margin =
        refreshBeforeExpiry.compareTo(lifetime.dividedBy(2)) < 0
            ? refreshBeforeExpiry
            : lifetime.dividedBy(2);
    refreshAt = clock.instant().plus(lifetime).minus(margin);
    token = accessToken;
  }

  static Duration lifetime(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      return DEFAULT_LIFETIME;
    }
    try {
      JsonNode claims =
          OakestraJson.MAPPER.readTree(
              new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      long seconds = claims.path("exp").asLong() - claims.path("iat").asLong();
      return seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_LIFETIME;
    } catch (Exception unreadable) {
      return DEFAULT_LIFETIME;
    }
  }
}
