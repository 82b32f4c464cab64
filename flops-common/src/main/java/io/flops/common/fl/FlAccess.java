package io.flops.common.fl;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may join a project's training. A learner (or a cluster aggregator) presents the project's
 * join token in the {@code authorization} header of its stream ({@link #clientInterceptor()}); the
 * aggregator ends every stream without it with {@code UNAUTHENTICATED} before it reaches the
 * training ({@link #serverInterceptor()}). The token is derived from the project's event key
 * ({@code FLOPS_EVENT_KEY}), which the manager hands to that project's services only: a client of
 * another project, or of none, cannot join. {@link #OPEN} (no event key: services started by hand)
 * admits everyone.
 */
public final class FlAccess {

  /** The header that carries the join token. */
  public static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private static final String SCHEME = "FLOps-Join ";

  /** No token: everyone may join (services started without an event key). */
  public static final FlAccess OPEN = new FlAccess("");

  private static final Logger log = LoggerFactory.getLogger(FlAccess.class);

  private final String token;
  private final AtomicLong refused = new AtomicLong();

  private FlAccess(String token) {
    this.token = token;
  }

  /** The access of the project whose event key is {@code eventKey}; empty: {@link #OPEN}. */
  public static FlAccess ofEventKey(String eventKey) {
    if (eventKey == null || eventKey.isBlank()) {
      return OPEN;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(eventKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] token = mac.doFinal("flops-fl-join".getBytes(StandardCharsets.UTF_8));
      return new FlAccess(Base64.getUrlEncoder().withoutPadding().encodeToString(token));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /** True when everyone may join. */
  public boolean isOpen() {
    return token.isEmpty();
  }

  /** How many streams were refused so far. */
  public long refusedCount() {
    return refused.get();
  }

  /** Adds the join token to every call of a learner's channel. */
  public ClientInterceptor clientInterceptor() {
    return new ClientInterceptor() {
      @Override
      public <Q, A> ClientCall<Q, A> interceptCall(
          MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(
            next.newCall(method, options)) {
          @Override
          public void start(Listener<A> listener, Metadata headers) {
            if (!isOpen()) {
              headers.put(AUTHORIZATION, SCHEME + token);
            }
            super.start(listener, headers);
          }
        };
      }
    };
  }

  /** Ends every call without the join token with {@code UNAUTHENTICATED}. */
  public ServerInterceptor serverInterceptor() {
    return new ServerInterceptor() {
      @Override
      public <Q, A> ServerCall.Listener<Q> interceptCall(
          ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        if (admits(headers.get(AUTHORIZATION))) {
          return next.startCall(call, headers);
        }
        log.warn(
            "Refused an FL stream from {} without the project's join token ({} refused so far)",
            call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR),
            refused.incrementAndGet());
        call.close(
            Status.UNAUTHENTICATED.withDescription(
                "not a participant of this training: the stream lacks the project's join token"),
            new Metadata());
        return new ServerCall.Listener<>() {};
      }
    };
  }

  private boolean admits(String header) {
    if (isOpen()) {
      return true;
    }
    if (header == null || !header.startsWith(SCHEME)) {
      return false;
    }
    return MessageDigest.isEqual(
        token.getBytes(StandardCharsets.UTF_8),
        header.substring(SCHEME.length()).getBytes(StandardCharsets.UTF_8));
  }

  /** Leaves out the token. */
  @Override
  public String toString() {
    return isOpen() ? "FlAccess[open]" : "FlAccess[join token]";
  }
}
