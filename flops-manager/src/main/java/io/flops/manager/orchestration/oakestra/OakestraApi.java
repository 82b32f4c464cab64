package io.flops.manager.orchestration.oakestra;

import com.fasterxml.jackson.databind.JsonNode;
import io.flops.common.orchestration.OrchestrationException;
import io.flops.manager.orchestration.oakestra.OakestraHttp.Answer;
import io.flops.manager.orchestration.oakestra.OakestraHttp.Call;

/**
 * Authenticated calls to the system manager. A token Oakestra refuses (401, or 422 from its JWT
 * library, e.g. "Signature verification failed" after Oakestra restarted with new keys) makes the
 * session refresh its token or log in again, and the call is sent once more; any other refusal
 * becomes an {@link OrchestrationException} that says what was refused and Oakestra's answer.
 */
final class OakestraApi {

  private final OakestraHttp http;
  private final OakestraSession session;

  OakestraApi(OakestraHttp http, OakestraSession session) {
    this.http = http;
    this.session = session;
  }

  /**
   * Sends a request with the manager's token (or {@code userToken} when not null).
   *
   * @param what the action, for messages (e.g. "register service flearner1")
   * @param expected non-2xx statuses the caller handles itself (they are returned)
   */
  Answer call(
      String what, String method, String path, Object body, String userToken, int... expected) {
    return send(false, what, method, path, body, userToken, expected);
  }

  /**
   * A quick authenticated GET for an API request waiting on it: one attempt within the read timeout
   * (a token Oakestra refuses is still renewed once).
   */
  Answer read(String what, String path, int... expected) {
    return send(true, what, "GET", path, null, null, expected);
  }

  private Answer send(
      boolean quick,
      String what,
      String method,
      String path,
      Object body,
      String userToken,
      int... expected) {
    String json = body == null ? null : OakestraJson.encode(body);
    String token = userToken != null ? userToken : session.token(quick);
    Answer answer = http.send(new Call(method, path, json, token, quick, expected));
    if (userToken == null && tokenRefused(answer)) {
      session.rejected();
      answer = http.send(new Call(method, path, json, session.token(quick), quick, expected));
    }
    if (answer.isSuccess() || contains(expected, answer.status())) {
      return answer;
    }
    throw new OrchestrationException(
        "Oakestra refused to "
            + what
            + ": HTTP "
            + answer.status()
            + " "
            + OakestraJson.abbreviate(answer.body()),
        false,
        null);
  }

  /** Logs in (or refreshes the token) now: fails with the reason when Oakestra refuses. */
  void login() {
    session.token();
  }

  /** Like {@link #call} for a 2xx answer, decoded with the tolerant decoder. */
  JsonNode json(String what, String method, String path, Object body, String userToken) {
    return OakestraJson.decode(call(what, method, path, body, userToken).body());
  }

  /** An unauthenticated GET (the cluster lists need no token). */
  JsonNode publicGet(String what, String path) {
    Answer answer = http.send(new Call("GET", path, null, null, false));
    if (!answer.isSuccess()) {
      throw new OrchestrationException(
          "Oakestra failed to " + what + ": HTTP " + answer.status() + " " + answer.body().trim());
    }
    return OakestraJson.decode(answer.body());
  }

  /** 401, or the 422 flask-jwt-extended answers for a token it cannot verify or decode. */
  static boolean tokenRefused(Answer answer) {
    if (answer.status() == 401) {
      return true;
    }
    String body = answer.body() == null ? "" : answer.body().toLowerCase(java.util.Locale.ROOT);
    return answer.status() == 422
        && (body.contains("signature") || body.contains("token") || body.contains("segments"));
  }

  private static boolean contains(int[] codes, int status) {
    for (int code : codes) {
      if (code == status) {
        return true;
      }
    }
    return false;
  }
}
