package io.flops.aggregator.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.flops.common.fl.AggregatorMessage;
import io.flops.common.fl.FatalLearnerException;
import io.flops.common.fl.FederatedLearningGrpc;
import io.flops.common.fl.FlAccess;
import io.flops.common.fl.FlClient;
import io.flops.common.fl.FlClientSettings;
import io.flops.common.fl.Instruction;
import io.flops.common.fl.InstructionHandler;
import io.flops.common.fl.LearnerMessage;
import io.flops.common.fl.ParameterChunks;
import io.flops.common.fl.Register;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Only learners of the aggregator's own project join its training; rogue clients are refused. */
class JoinAccessIT {

  private static final Duration HEARTBEAT = Duration.ofMillis(200);

  private final LearnerPool pool = new LearnerPool(HEARTBEAT);
  private final FlAccess project = FlAccess.ofEventKey("key-of-project-p1");
  private final FlServer server =
      new FlServer(
          new InetSocketAddress("127.0.0.1", 0), pool, HEARTBEAT, Duration.ofSeconds(10), project);

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aRawGrpcClientWithoutTheJoinTokenIsRefusedAndNeverCounted() throws Exception {
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    CompletableFuture<Throwable> ended = new CompletableFuture<>();
    try {
      StreamObserver<LearnerMessage> requests =
          FederatedLearningGrpc.newStub(channel).join(new Ending(ended));
      requests.onNext(
          LearnerMessage.newBuilder().setRegister(Register.newBuilder().setName("rogue")).build());

      Throwable error = ended.get(10, TimeUnit.SECONDS);
      assertThat(Status.fromThrowable(error).getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(pool.awaitAtLeast(1, Duration.ofMillis(500))).isZero();
      assertThat(project.refusedCount()).isEqualTo(1);
    } finally {
      channel.shutdownNow();
    }
  }

  @Test
  void aLearnerOfAnotherProjectFailsWithASentenceAndIsNeverCounted() {
    try (FlClient other = client("intruder", FlAccess.ofEventKey("key-of-project-p2"))) {
      assertThatThrownBy(() -> other.run(new Idle()))
          .isInstanceOf(FatalLearnerException.class)
          .hasMessageContaining("refused learner intruder")
          .hasMessageContaining("join token");
    }
    assertThat(pool.active()).isEmpty();
  }

  @Test
  void aLearnerOfTheProjectJoins() throws Exception {
    try (FlClient learner = client("learner-0", project)) {
      Thread serving =
          new Thread(
              () -> {
                try {
                  learner.run(new Idle());
                } catch (InterruptedException | RuntimeException ignored) {
                  // closed by the test
                }
              });
      serving.setDaemon(true);
      serving.start();

      assertThat(pool.awaitAtLeast(1, Duration.ofSeconds(10))).isEqualTo(1);
      assertThat(project.refusedCount()).isZero();
    }
  }

  private FlClient client(String name, FlAccess access) {
    return new FlClient(
        new FlClientSettings(
            "127.0.0.1:" + server.port(),
            name,
            "p1",
            List.of("mnist"),
            HEARTBEAT,
            Duration.ofSeconds(10),
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            ParameterChunks.DEFAULT_CHUNK_BYTES,
            access));
  }

  /** Never asked anything in these tests. */
  private static final class Idle implements InstructionHandler {
    @Override
    public FitAnswer fit(float[] parameters, Instruction instruction) {
      throw new UnsupportedOperationException();
    }

    @Override
    public EvaluateAnswer evaluate(float[] parameters, Instruction instruction) {
      throw new UnsupportedOperationException();
    }
  }

  private record Ending(CompletableFuture<Throwable> ended)
      implements StreamObserver<AggregatorMessage> {
    @Override
    public void onNext(AggregatorMessage value) {}

    @Override
    public void onError(Throwable t) {
      ended.complete(t);
    }

    @Override
    public void onCompleted() {
      ended.complete(new IllegalStateException("completed without an error"));
    }
  }
}
