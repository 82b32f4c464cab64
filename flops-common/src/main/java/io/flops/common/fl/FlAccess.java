package io.flops.common.fl;

import io.flops.common.launch.TlsLaunch;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may join a project's training, and how the link is protected.
 *
 * <p>With TLS ({@link #withTls}), aggregator and learners speak mutual TLS: each presents a
 * certificate of the manager's authority ({@code FLOPS_TLS_*}) issued for its project, whose name
 * is {@link #authority(String)}. A learner checks that the aggregator's certificate carries that
 * name (gRPC's host name check against an overridden authority, so the aggregator's address does
 * not matter); the aggregator refuses a client whose certificate is of another project. A client
 * without a certificate of the authority fails the handshake.
 *
 * <p>In any case a learner (or a cluster aggregator) presents the project's join token in the
 * {@code authorization} header of its stream ({@link #clientInterceptor()}); the aggregator ends
 * every stream without it with {@code UNAUTHENTICATED} before it reaches the training ({@link
 * #serverInterceptor()}). The token is derived from the project's event key ({@code
 * FLOPS_EVENT_KEY}), which the manager hands to that project's services only. {@link #OPEN} (no
 * event key, no TLS: services started by hand) admits everyone over plaintext.
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
  private final String projectId;
  private final TlsLaunch tls;
  private final AtomicLong refused = new AtomicLong();

  private FlAccess(String token) {
    this(token, null, TlsLaunch.NONE);
  }

  private FlAccess(String token, String projectId, TlsLaunch tls) {
    this.token = token;
    this.projectId = projectId;
    this.tls = tls;
  }

  /** The name every TLS certificate of {@code projectId}'s participants carries. */
  public static String authority(String projectId) {
    return "fl-" + projectId.toLowerCase(java.util.Locale.ROOT) + ".participants.flops";
  }

  /**
   * The same access over mutual TLS with {@code tls} as the participant's identity in project
   * {@code projectId}; {@link TlsLaunch#NONE} leaves it plaintext.
   */
  public FlAccess withTls(String projectId, TlsLaunch tls) {
    return tls.isEnabled() ? new FlAccess(token, projectId, tls) : this;
  }

  /** Whether the link is mutual TLS. */
  public boolean isTls() {
    return tls.isEnabled();
  }

  /** How a learner's channel connects: TLS with its certificate, or plaintext. */
  public ChannelCredentials channelCredentials() {
    if (!isTls()) {
      return InsecureChannelCredentials.create();
    }
    try {
      return TlsChannelCredentials.newBuilder()
          .keyManager(stream(tls.certificatePem()), stream(tls.privateKeyPem()))
          .trustManager(stream(tls.caPem()))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the learner's TLS identity", e);
    }
  }

  /** How the aggregator listens: mutual TLS requiring a client certificate, or plaintext. */
  public ServerCredentials serverCredentials() {
    if (!isTls()) {
      return InsecureServerCredentials.create();
    }
    try {
      return TlsServerCredentials.newBuilder()
          .keyManager(stream(tls.certificatePem()), stream(tls.privateKeyPem()))
          .trustManager(stream(tls.caPem()))
          .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the aggregator's TLS identity", e);
    }
  }

  /** The authority a learner's channel verifies the aggregator's certificate against, or null. */
  public String channelAuthority() {
    return isTls() ? authority(projectId) : null;
  }

  private static InputStream stream(String pem) {
    return new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII));
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
        String refusal =
            !ofThisProject(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION))
                ? "its TLS certificate is not one of this project's participants"
                : !admits(headers.get(AUTHORIZATION))
                    ? "the stream lacks the project's join token"
                    : null;
        if (refusal == null) {
          return next.startCall(call, headers);
        }
        log.warn(
            "Refused an FL stream from {}: {} ({} refused so far)",
            call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR),
            refusal,
            refused.incrementAndGet());
        call.close(
            Status.UNAUTHENTICATED.withDescription(
                "not a participant of this training: " + refusal),
            new Metadata());
        return new ServerCall.Listener<>() {};
      }
    };
  }

  /** Whether the TLS peer's certificate names this project (always, without TLS). */
  private boolean ofThisProject(SSLSession session) {
    if (!isTls()) {
      return true;
    }
    if (session == null) {
      return false;
    }
    try {
      Certificate[] peer = session.getPeerCertificates();
      if (peer.length == 0 || !(peer[0] instanceof X509Certificate certificate)) {
        return false;
      }
      Collection<List<?>> names = certificate.getSubjectAlternativeNames();
      String expected = authority(projectId);
      return names != null
          && names.stream()
              .anyMatch(
                  name -> Integer.valueOf(2).equals(name.get(0)) && expected.equals(name.get(1)));
    } catch (SSLPeerUnverifiedException | CertificateParsingException e) {
      return false;
    }
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
    return "FlAccess[" + (isOpen() ? "open" : "join token") + (isTls() ? ", mutual TLS" : "") + "]";
  }
}
