package io.flops.common.fl;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * The {@code Join} call with the FL protocol's own message parsing: each message is read from the
 * transport into one array of its exact size and parsed with aliasing, so a parameter chunk's bytes
 * are that array (not copied again) until they are decoded in bulk into floats. Both ends use it:
 * {@link #service} on the aggregator, {@link #join} on the learner.
 */
public final class FlWire {

  /** {@code flops.fl.FederatedLearning/Join} with the aliasing parsers. */
  public static final MethodDescriptor<LearnerMessage, AggregatorMessage> JOIN =
      FederatedLearningGrpc.getJoinMethod().toBuilder(
              new AliasingMarshaller<>(
                  LearnerMessage.getDefaultInstance(), LearnerMessage.parser()),
              new AliasingMarshaller<>(
                  AggregatorMessage.getDefaultInstance(), AggregatorMessage.parser()))
          .build();

  private FlWire() {}

  /** The FL service: {@code sessions} turns each learner's response stream into its session. */
  public static ServerServiceDefinition service(
      Function<StreamObserver<AggregatorMessage>, StreamObserver<LearnerMessage>> sessions) {
    return ServerServiceDefinition.builder(FederatedLearningGrpc.SERVICE_NAME)
        .addMethod(JOIN, ServerCalls.asyncBidiStreamingCall(sessions::apply))
        .build();
  }

  /** Opens a learner's stream on {@code channel}; {@code responses} hears the aggregator. */
  public static StreamObserver<LearnerMessage> join(
      Channel channel, ClientResponseObserver<LearnerMessage, AggregatorMessage> responses) {
    return ClientCalls.asyncBidiStreamingCall(
        channel.newCall(
            JOIN, CallOptions.DEFAULT.withOnReadyThreshold(StreamSender.READY_THRESHOLD)),
        responses);
  }

  private static final class AliasingMarshaller<T extends Message>
      implements MethodDescriptor.Marshaller<T> {
    private final MethodDescriptor.Marshaller<T> writer;
    private final Parser<T> parser;

    AliasingMarshaller(T defaultInstance, Parser<T> parser) {
      this.writer = ProtoUtils.marshaller(defaultInstance);
      this.parser = parser;
    }

    @Override
    public InputStream stream(T value) {
      return writer.stream(value);
    }

    @Override
    public T parse(InputStream stream) {
      try {
        byte[] bytes = readAll(stream);
        CodedInputStream input = CodedInputStream.newInstance(bytes);
        input.enableAliasing(true);
        input.setSizeLimit(Integer.MAX_VALUE);
        return parser.parseFrom(input);
      } catch (InvalidProtocolBufferException e) {
        throw Status.INTERNAL
            .withDescription("Invalid FL message")
            .withCause(e)
            .asRuntimeException();
      } catch (IOException e) {
        throw Status.INTERNAL
            .withDescription("Cannot read FL message")
            .withCause(e)
            .asRuntimeException();
      }
    }

    private static byte[] readAll(InputStream stream) throws IOException {
      if (stream instanceof KnownLength) {
        byte[] bytes = new byte[stream.available()];
        int read = stream.readNBytes(bytes, 0, bytes.length);
        if (read == bytes.length && stream.read() == -1) {
          return bytes;
        }
        throw new IOException("FL message shorter or longer than announced");
      }
      return stream.readAllBytes();
    }
  }
}
