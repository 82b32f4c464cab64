package io.flops.aggregator.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.fl.AggregatorMessage;
import io.flops.common.fl.FederatedLearningGrpc;
import io.flops.common.fl.FlAccess;
import io.flops.common.fl.LearnerMessage;
import io.flops.common.fl.Register;
import io.flops.common.launch.TlsLaunch;
import io.flops.common.tls.ParticipantAuthority;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Aggregator and learners speak mutual TLS with certificates of the manager's authority for their
 * project: a client without one, with one of another project or of another authority never joins.
 */
class MutualTlsIT {

  private static final Duration HEARTBEAT = Duration.ofMillis(200);
  private static final String KEY = "key-of-project-p1";

  private final ParticipantAuthority authority = ParticipantAuthority.inMemory();
  private final LearnerPool pool = new LearnerPool(HEARTBEAT);
  private final FlAccess aggregator =
      FlAccess.ofEventKey(KEY).withTls("p1", authority.issue("p1", "aggregator"));
  private final FlServer server =
      new FlServer(
          new InetSocketAddress("127.0.0.1", 0),
          pool,
          HEARTBEAT,
          Duration.ofSeconds(10),
          aggregator);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aLearnerWithTheProjectsCertificateJoins() throws Exception {
    FlAccess learner = FlAccess.ofEventKey(KEY).withTls("p1", authority.issue("p1", "learner"));

    AtomicInteger joined = new AtomicInteger();
    Status status =
        join(
            learner.channelCredentials(),
            learner.channelAuthority(),
            learner,
            () -> joined.set(pool.awaitAtLeast(1, Duration.ofSeconds(5))));

    assertThat(status.getCode()).as(status.toString()).isEqualTo(Status.Code.OK);
    assertThat(joined).as("learners in the pool while it is connected").hasValue(1);
  }

  @Test
  void aPlaintextClientCannotEvenConnect() throws Exception {
    Status status = join(InsecureChannelCredentials.create(), null, FlAccess.ofEventKey(KEY));

    assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(pool.awaitAtLeast(1, Duration.ofMillis(300))).isZero();
  }

  @Test
  void aClientWithoutACertificateFailsTheHandshake() throws Exception {
    ChannelCredentials trustOnly =
        TlsChannelCredentials.newBuilder().trustManager(pem(authority.certificatePem())).build();

    Status status = join(trustOnly, FlAccess.authority("p1"), FlAccess.ofEventKey(KEY));

    assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(pool.awaitAtLeast(1, Duration.ofMillis(300))).isZero();
  }

  @Test
  void aCertificateOfAnotherProjectIsRefusedEvenWithTheJoinToken() throws Exception {
    TlsLaunch other = authority.issue("p2", "learner");
    FlAccess intruder = FlAccess.ofEventKey(KEY).withTls("p2", other);
    ChannelCredentials credentials = intruder.channelCredentials();

    Status status = join(credentials, FlAccess.authority("p1"), intruder);

    assertThat(status.getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
    assertThat(status.getDescription()).contains("not one of this project's participants");
    assertThat(pool.awaitAtLeast(1, Duration.ofMillis(300))).isZero();
  }

  @Test
  void aCertificateOfAnotherAuthorityFailsTheHandshake() throws Exception {
    FlAccess stranger =
        FlAccess.ofEventKey(KEY).withTls("p1", ParticipantAuthority.inMemory().issue("p1", "x"));

    Status status = join(stranger.channelCredentials(), stranger.channelAuthority(), stranger);

    assertThat(status.getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(pool.awaitAtLeast(1, Duration.ofMillis(300))).isZero();
  }

  /**
   * Registers over a channel with {@code credentials}; OK once the aggregator welcomes it, else the
   * status the stream ended with.
   */
  private Status join(ChannelCredentials credentials, String authority, FlAccess access)
      throws Exception {
    return join(credentials, authority, access, () -> {});
  }

  /** What a test checks while its learner is still connected. */
  private interface WhileJoined {
    void check() throws Exception;
  }

  /** As above, and runs {@code whileJoined} once welcomed, before the channel closes. */
  private Status join(
      ChannelCredentials credentials, String authority, FlAccess access, WhileJoined whileJoined)
      throws Exception {
    ManagedChannelBuilder<?> builder =
        Grpc.newChannelBuilder("127.0.0.1:" + server.port(), credentials)
            .intercept(access.clientInterceptor());
    if (authority != null) {
      builder.overrideAuthority(authority);
    }
    ManagedChannel channel = builder.build();
    CompletableFuture<Status> ended = new CompletableFuture<>();
    try {
      StreamObserver<LearnerMessage> requests =
          FederatedLearningGrpc.newStub(channel)
              .join(
                  new StreamObserver<>() {
                    @Override
                    public void onNext(AggregatorMessage message) {
                      if (message.hasWelcome()) {
                        ended.complete(Status.OK);
                      }
                    }

                    @Override
                    public void onError(Throwable t) {
                      ended.complete(Status.fromThrowable(t));
                    }

                    @Override
                    public void onCompleted() {
                      ended.complete(Status.UNKNOWN.withDescription("completed"));
                    }
                  });
      requests.onNext(
          LearnerMessage.newBuilder().setRegister(Register.newBuilder().setName("l")).build());
      Status status = ended.get(10, TimeUnit.SECONDS);
      if (status.isOk()) {
        whileJoined.check();
      }
      return status;
    } finally {
      channel.shutdownNow();
    }
  }

  private static ByteArrayInputStream pem(String text) throws IOException {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
  }
}
