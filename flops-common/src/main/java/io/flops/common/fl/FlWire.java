package io.flops.common.fl;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.util.function.Function;

/**
 * The {@code Join} call with the FL protocol's own message parsing ({@link WireMarshaller}): a
 * parameter chunk's bytes stay in the transport's buffers until they are decoded in bulk into
 * floats. Both ends use it: {@link #service} on the aggregator, {@link #join} on the learner; each
 * gives a message's buffers back as soon as its observer's {@code onNext} returned, so observers
 * must not keep a {@link ParameterChunk} beyond it.
 */
public final class FlWire {

  private static final WireMarshaller<LearnerMessage> LEARNER_MESSAGES =
      new WireMarshaller<>(LearnerMessage.getDefaultInstance(), LearnerMessage.parser());

  private static final WireMarshaller<AggregatorMessage> AGGREGATOR_MESSAGES =
      new WireMarshaller<>(AggregatorMessage.getDefaultInstance(), AggregatorMessage.parser());

  /** {@code flops.fl.FederatedLearning/Join} with the FL protocol's parsers. */
  public static final MethodDescriptor<LearnerMessage, AggregatorMessage> JOIN =
      FederatedLearningGrpc.getJoinMethod().toBuilder(LEARNER_MESSAGES, AGGREGATOR_MESSAGES)
          .build();

  private FlWire() {}

  /** The FL service: {@code sessions} turns each learner's response stream into its session. */
  public static ServerServiceDefinition service(
      Function<StreamObserver<AggregatorMessage>, StreamObserver<LearnerMessage>> sessions) {
    return ServerServiceDefinition.builder(FederatedLearningGrpc.SERVICE_NAME)
        .addMethod(
            JOIN,
            ServerCalls.asyncBidiStreamingCall(
                responses -> new Releasing<>(sessions.apply(responses), LEARNER_MESSAGES)))
        .build();
  }

  /** Opens a learner's stream on {@code channel}; {@code responses} hears the aggregator. */
  public static StreamObserver<LearnerMessage> join(
      Channel channel, ClientResponseObserver<LearnerMessage, AggregatorMessage> responses) {
    return ClientCalls.asyncBidiStreamingCall(
        channel.newCall(
            JOIN, CallOptions.DEFAULT.withOnReadyThreshold(StreamSender.READY_THRESHOLD)),
        new ReleasingClient(responses));
  }

  /** Hands each message on, then gives its transport buffers back. */
  private static class Releasing<T> implements StreamObserver<T> {
    private final StreamObserver<T> handler;
    private final WireMarshaller<?> messages;

    Releasing(StreamObserver<T> handler, WireMarshaller<?> messages) {
      this.handler = handler;
      this.messages = messages;
    }

    @Override
    public void onNext(T message) {
      try {
        handler.onNext(message);
      } finally {
        messages.release();
      }
    }

    @Override
    public void onError(Throwable error) {
      handler.onError(error);
    }

    @Override
    public void onCompleted() {
      handler.onCompleted();
    }
  }

  /** {@link Releasing} for the learner's end, which also needs the call before it starts. */
  private static final class ReleasingClient extends Releasing<AggregatorMessage>
      implements ClientResponseObserver<LearnerMessage, AggregatorMessage> {
    private final ClientResponseObserver<LearnerMessage, AggregatorMessage> handler;

    ReleasingClient(ClientResponseObserver<LearnerMessage, AggregatorMessage> handler) {
      super(handler, AGGREGATOR_MESSAGES);
      this.handler = handler;
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<LearnerMessage> requests) {
      handler.beforeStart(requests);
    }
  }
}
