package io.flops.common.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A server's own bearer token ({@code Authorization: Bearer <token>}), as the observers and
 * inference servers check it: compared in constant time, and answered with one 401 problem body
 * when missing or wrong.
 */
public final class BearerToken {

  /** The scheme of the {@code Authorization} header, with its space. */
  public static final String SCHEME = "Bearer ";

  private final byte[] token;

  public BearerToken(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  /** The token an {@code Authorization} header presents, or null when it presents none. */
  public static String presented(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return null;
    }
    return authorization.substring(SCHEME.length()).trim();
  }

  /** Whether {@code presented} is this token (constant time); null never is. */
  public boolean matches(String presented) {
    return presented != null
        && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
  }

  /** The body of a 401 ({@code application/problem+json}) whose detail says what to send. */
  public static byte[] unauthorizedProblem(String detail) {
    return ("{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
            + detail.replace("\\", "\\\\").replace("\"", "\\\"")
            + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
