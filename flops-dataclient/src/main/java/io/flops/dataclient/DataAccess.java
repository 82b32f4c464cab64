package io.flops.dataclient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.arrow.flight.CallOption;
import org.apache.arrow.flight.CallStatus;
import org.apache.arrow.flight.FlightProducer.CallContext;
import org.apache.arrow.flight.auth2.Auth2Constants;
import org.apache.arrow.flight.auth2.AuthUtilities;
import org.apache.arrow.flight.auth2.BearerCredentialWriter;
import org.apache.arrow.flight.auth2.CallHeaderAuthenticator;
import org.apache.arrow.flight.grpc.CredentialCallOption;

/**
 * Who may do what on a data server's Arrow Flight endpoint. Readers (learners) list and read data
 * sets, writers (mock-data providers) also put them, the admin also drops them. Each role has its
 * bearer token: the data server's {@link #authenticator()} turns a token into its role (any other
 * call is {@code UNAUTHENTICATED}), and every call checks the role it needs ({@link #require}); a
 * client sends its token with {@link #credentials(String)}. {@link #OPEN} (a data server started by
 * hand, without tokens) lets everyone do everything.
 */
public final class DataAccess {

  /** The roles, each allowed what the ones before it are. */
  public enum Role {
    READER,
    WRITER,
    ADMIN;

    /** Whether this role may do what {@code needed} may. */
    public boolean includes(Role needed) {
      return ordinal() >= needed.ordinal();
    }
  }

  /** No tokens: everyone is the admin. */
  public static final DataAccess OPEN = new DataAccess(Map.of());

  private final Map<Role, byte[]> tokens;

  private DataAccess(Map<Role, byte[]> tokens) {
    this.tokens = tokens;
  }

  /**
   * The access of a data server with these tokens; all blank: {@link #OPEN}.
   *
   * @throws IllegalArgumentException when some are set and some not, or two are equal
   */
  public static DataAccess of(String readerToken, String writerToken, String adminToken) {
    Map<Role, String> given = new LinkedHashMap<>();
    given.put(Role.READER, readerToken == null ? "" : readerToken.strip());
    given.put(Role.WRITER, writerToken == null ? "" : writerToken.strip());
    given.put(Role.ADMIN, adminToken == null ? "" : adminToken.strip());
    long set = given.values().stream().filter(token -> !token.isEmpty()).count();
    if (set == 0) {
      return OPEN;
    }
    if (set < 3 || given.values().stream().distinct().count() < 3) {
      throw new IllegalArgumentException(
          "A data server needs three different tokens (reader, writer, admin), or none");
    }
    Map<Role, byte[]> tokens = new LinkedHashMap<>();
    given.forEach((role, token) -> tokens.put(role, token.getBytes(StandardCharsets.UTF_8)));
    return new DataAccess(Map.copyOf(tokens));
  }

  /** Whether everyone may do everything. */
  public boolean isOpen() {
    return tokens.isEmpty();
  }

  /** Maps a call's bearer token to its role (the peer identity); no known token: refused. */
  public CallHeaderAuthenticator authenticator() {
    return headers -> {
      Role role = isOpen() ? Role.ADMIN : roleOf(bearer(headers));
      if (role == null) {
        throw CallStatus.UNAUTHENTICATED
            .withDescription("this data server needs a reader, writer or admin token")
            .toRuntimeException();
      }
      return () -> role.name();
    };
  }

  /**
   * Refuses the call of {@code context} unless its caller has {@code needed}.
   *
   * @throws org.apache.arrow.flight.FlightRuntimeException {@code UNAUTHORIZED} naming the role
   */
  public static void require(CallContext context, Role needed, String what) {
    String identity = context.peerIdentity();
    Role role;
    try {
      role = identity == null || identity.isEmpty() ? null : Role.valueOf(identity);
    } catch (IllegalArgumentException e) {
      role = null;
    }
    if (role == null || !role.includes(needed)) {
      throw CallStatus.UNAUTHORIZED
          .withDescription(
              "only "
                  + (needed == Role.ADMIN
                      ? "the admin token"
                      : "a " + needed.name().toLowerCase(java.util.Locale.ROOT) + " token")
                  + " may "
                  + what
                  + " on this data server")
          .toRuntimeException();
    }
  }

  /** The call options that send {@code token}; none for an empty token. */
  public static CallOption[] credentials(String token) {
    return token == null || token.isBlank()
        ? new CallOption[0]
        : new CallOption[] {new CredentialCallOption(new BearerCredentialWriter(token.strip()))};
  }

  private Role roleOf(String token) {
    if (token == null) {
      return null;
    }
    byte[] presented = token.getBytes(StandardCharsets.UTF_8);
    for (Map.Entry<Role, byte[]> entry : tokens.entrySet()) {
      if (MessageDigest.isEqual(entry.getValue(), presented)) {
        return entry.getKey();
      }
    }
    return null;
  }

  private static String bearer(org.apache.arrow.flight.CallHeaders headers) {
    return AuthUtilities.getValueFromAuthHeader(headers, Auth2Constants.BEARER_PREFIX);
  }

  /** Leaves out the tokens. */
  @Override
  public String toString() {
    return isOpen() ? "DataAccess[open]" : "DataAccess[reader, writer and admin tokens]";
  }
}
