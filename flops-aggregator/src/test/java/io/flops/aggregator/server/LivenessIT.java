package io.flops.aggregator.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.flops.common.fl.AggregatorMessage;
import io.flops.common.fl.FederatedLearningGrpc;
import io.flops.common.fl.LearnerMessage;
import io.flops.common.fl.Register;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A learner that stays connected but stops talking is dropped within the liveness timeout. */
class LivenessIT {

  @Test
  void aSilentLearnerIsDroppedWithinSeconds() throws Exception {
    LearnerPool pool = new LearnerPool(Duration.ofMillis(100));
    List<String> left = new CopyOnWriteArrayList<>();
    pool.addListener(
        new PoolListener() {
          @Override
          public void left(String learner, String reason) {
            left.add(learner + ": " + reason);
          }
        });
    try (FlServer server = new FlServer(0, pool, Duration.ofMillis(100), Duration.ofMillis(800))) {
      ManagedChannel channel =
          ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
      try {
        StreamObserver<LearnerMessage> requests =
            FederatedLearningGrpc.newStub(channel).join(new Ignoring());
        requests.onNext(
            LearnerMessage.newBuilder()
                .setRegister(Register.newBuilder().setName("frozen"))
                .build());

        assertThat(pool.awaitAtLeast(1, Duration.ofSeconds(10))).isEqualTo(1);
        long joined = System.nanoTime();
        while (!pool.active().isEmpty() && System.nanoTime() - joined < 10_000_000_000L) {
          Thread.sleep(20);
        }
        long droppedAfterMillis = (System.nanoTime() - joined) / 1_000_000;

        assertThat(pool.active()).isEmpty();
        assertThat(droppedAfterMillis).isLessThan(3_000L);
        assertThat(left).singleElement().asString().startsWith("frozen: silent for ");
      } finally {
        channel.shutdownNow();
      }
    }
  }

  private static final class Ignoring implements StreamObserver<AggregatorMessage> {
    @Override
    public void onNext(AggregatorMessage value) {}

    @Override
    public void onError(Throwable t) {}

    @Override
    public void onCompleted() {}
  }
}
